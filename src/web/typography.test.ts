import { describe, expect, it } from "vitest";
import { typeset, typesetHtml } from "./typography.js";

const NBSP = "\u00a0";
const NNBSP = "\u202f";

describe("French typography at rendering", () => {
  it("makes the typed space before : ; ! ? and inside « » one that never breaks", () => {
    expect(typeset("Le maire : « non ! » Pourquoi ? Parce que ; voilà")).toBe(
      `Le maire${NBSP}: «${NNBSP}non${NNBSP}!${NNBSP}» Pourquoi${NNBSP}? Parce que${NNBSP}; voilà`,
    );
  });

  it("adds no space where none was typed: times, addresses, English", () => {
    for (const s of ["12:30", "https://example.org/?q=1", "Why? Because: yes!", "a;b"])
      expect(typeset(s)).toBe(s);
  });

  it("sets text only: never a tag, an attribute (even holding >), a comment or code", () => {
    const html =
      '<!doctype html><p title="a : b > c">Titre : <code>x : y</code> ? ' +
      '<a href="/?q=1">ok !</a></p><!-- note : ici --><input value="v > w ? z">';
    expect(typesetHtml(html)).toBe(
      `<!doctype html><p title="a : b > c">Titre${NBSP}: <code>x : y</code>${NNBSP}? ` +
        `<a href="/?q=1">ok${NNBSP}!</a></p><!-- note : ici --><input value="v > w ? z">`,
    );
  });

  it("leaves what a person edits and what scripts read as they are", () => {
    const html =
      "<textarea>Tel que tapé : ici !</textarea><p>a ?</p>" +
      '<script type="application/ld+json">{"a":"b : c"}</script><pre>x : y</pre><p>c : d</p>';
    expect(typesetHtml(html)).toBe(
      `<textarea>Tel que tapé : ici !</textarea><p>a${NNBSP}?</p>` +
        `<script type="application/ld+json">{"a":"b : c"}</script><pre>x : y</pre><p>c${NBSP}: d</p>`,
    );
  });

  it("finds each space however the page around it is written", () => {
    const html =
      `<P CLASS="x">L'été  : oui</P><CODE>a : b</CODE><codex>c : d</codex>«  x \t»` +
      `<a title='it : "q" >'>n'est-ce pas ?</a> ! <TEXTAREA>e ?</textarea> ?`;
    expect(typesetHtml(html)).toBe(
      `<P CLASS="x">L'été${NBSP}: oui</P><CODE>a : b</CODE><codex>c${NBSP}: d</codex>«${NNBSP}x${NNBSP}»` +
        `<a title='it : "q" >'>n'est-ce pas${NNBSP}?</a>${NNBSP}! <TEXTAREA>e ?</textarea>${NNBSP}?`,
    );
  });

  it("sets a run of marks once, and a space after « once, whatever follows it", () => {
    const html = `<p>Quoi ?! Non ?? « ? » «  !x» a : ; b</p><b title="« ?">« ?</b>`;
    expect(typesetHtml(html)).toBe(
      `<p>Quoi${NNBSP}?! Non${NNBSP}?? «${NNBSP}?${NNBSP}» «${NNBSP}!x» a${NBSP}:${NNBSP}; b</p>` +
        `<b title="« ?">«${NNBSP}?</b>`,
    );
  });

  it("starts where it is told, before it as written, after it as always", () => {
    const head = "<head><title>Quoi ? Non !</title></head>";
    const html = `${head}<body><p>Quoi ? <textarea>a : b</textarea> Non !</p></body>`;
    expect(typesetHtml(html, head.length)).toBe(
      `${head}<body><p>Quoi${NNBSP}? <textarea>a : b</textarea> Non${NNBSP}!</p></body>`,
    );
  });
});
