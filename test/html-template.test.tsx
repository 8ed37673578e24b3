import { render } from "preact-render-to-string";
import { describe, expect, it } from "vitest";
import { html, type Html } from "../src/web/html.js";
import { BLNS } from "./fixtures/hostile/blns.js";
import { XSS_PAYLOADS } from "./fixtures/xss-payloads.js";

/**
 * Templates (src/web/html.ts) render the bytes JSX renders: the same escaping for every hostile
 * string, in text and in attributes, so a view written either way is as safe as the other.
 */
const hostile = [...BLNS, ...XSS_PAYLOADS, '"><script>alert(1)</script>', "a & b < c > d \" e ' f"];

describe("html templates", () => {
  it("escape every hostile string as JSX does, between tags and in attributes", () => {
    for (const s of hostile) {
      const jsx = render(
        <p class="x" title={s}>
          {s}
        </p>,
      );
      // Preact writes an empty attribute as a bare name; a template keeps `=""`, the same value.
      expect(render(html`<p class="x" title="${s}">${s}</p>`)).toBe(
        s === "" ? jsx.replace("title", 'title=""') : jsx,
      );
    }
  });

  it("never lets a value close its attribute or open a tag", () => {
    for (const s of hostile) {
      const out = render(html`<a href="${s}">${s}</a>`);
      const inner = out.slice('<a href="'.length, -"</a>".length);
      expect(inner.split('"').length).toBe(2);
      expect(inner).not.toMatch(/</);
    }
  });

  it("puts templates and Preact elements in as markup, lists in order, and leaves out nothing-values", () => {
    const item = (s: string) => html`<li>${s}</li>`;
    const values: Html[] = [null, undefined, false, 0, 7];
    expect(
      render(html`<ol>${["<a>", "b&"].map(item)}${(<li data-x={'"'}>{"<c>"}</li>)}</ol>${values}`),
    ).toBe('<ol><li>&lt;a></li><li>b&amp;</li><li data-x="&quot;">&lt;c></li></ol>07');
  });

  it("is laid out on lines as JSX is: the same bytes as the same markup in JSX", () => {
    const name = "Zoé <3";
    const laidOut = html`
      <p class="meta">
        <a
          class="x"
          href="/a?b=1&amp;c=2"
        >
          ${name}
        </a> ${html`<span>a</span> `}
        <img
          src="${name}"
          alt=""
        />
        two words
        on two lines
      </p>`;
    const jsx = (
      <p class="meta">
        <a class="x" href="/a?b=1&c=2">
          {name}
        </a>{" "}
        <span>a</span> <img src={name} alt="" />
        two words on two lines
      </p>
    );
    expect(render(laidOut)).toBe(render(jsx).replace("alt", 'alt=""'));
    expect(render(laidOut)).toBe(
      '<p class="meta"><a class="x" href="/a?b=1&amp;c=2">Zoé &lt;3</a> <span>a</span> <img src="Zoé &lt;3" alt=""/>two words on two lines</p>',
    );
  });

  it("goes into JSX as an element, its markup unescaped, beside escaped text", () => {
    expect(
      render(
        <div>
          {html`<b>${"<i>"}</b>`}
          {"<i>"}
        </div>,
      ),
    ).toBe("<div><b>&lt;i></b>&lt;i></div>");
  });
});
