import { describe, expect, it } from "vitest";
import { sanitizeArticleHtml } from "../src/lib/sanitize.js";
import { XSS_PAYLOADS } from "./fixtures/xss-payloads.js";

/**
 * The article allowlist (src/lib/sanitize.ts) against the whole XSS corpus, alone and inside each
 * shape the editor writes: what comes out carries only allowed tags and attributes, no address
 * that runs code, and only the figure classes and providers the site knows.
 */
/** What the sanitiser may leave: each tag with the attributes it may carry. */
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  a: ["href", "title", "rel"],
  img: ["src", "alt", "width", "height", "loading"],
  abbr: ["title"],
  th: ["scope"],
  figure: ["class", "data-provider"],
  small: ["class"],
  ...Object.fromEntries(
    "p h2 h3 blockquote ul ol li strong em b i br figcaption cite q sub sup hr table thead tbody tr td pre code"
      .split(" ")
      .map((t) => [t, []]),
  ),
};

/**
 * Every start tag of sanitised output, with its attributes. sanitize-html writes well-formed markup
 * with quoted, escaped values, so a tokenizer this small reads it exactly.
 */
function tags(html: string): { tag: string; attrs: Record<string, string> }[] {
  return [...html.matchAll(/<([a-zA-Z][\w-]*)((?:\s+[^\s=>/]+(?:="[^"]*")?)*)\s*\/?>/g)].map(
    ([, tag = "", rest = ""]) => ({
      tag: tag.toLowerCase(),
      attrs: Object.fromEntries(
        [...rest.matchAll(/([^\s=>/]+)(?:="([^"]*)")?/g)].map(([, n = "", v = ""]) => [n, v]),
      ),
    }),
  );
}

/** Nothing left that runs, loads a third party by itself or escapes the allowlist. */
function expectInert(html: string): void {
  for (const { tag, attrs } of tags(html)) {
    expect(Object.keys(ALLOWED)).toContain(tag);
    for (const [name, value] of Object.entries(attrs)) {
      expect(ALLOWED[tag]).toContain(name);
      if (name === "href" || name === "src")
        expect(value.replace(/&#[xX]?\w+;|[\s\p{Cc}]/gu, "")).not.toMatch(
          /^(?:javascript|data|vbscript):/i,
        );
      if (name === "class") expect(["image", "embed", "credit"]).toContain(value);
      if (name === "data-provider")
        expect(["youtube", "vimeo", "x", "mastodon", "link"]).toContain(value);
    }
  }
}

describe("sanitizeArticleHtml against the XSS corpus", () => {
  it("leaves nothing that runs from any payload, alone or in an editor shape", () => {
    for (const payload of XSS_PAYLOADS) {
      for (const html of [
        payload,
        `<figure class="embed" data-provider="link"><a href="${payload}">${payload}</a></figure>`,
        `<figure class="image"><img src="${payload}" alt="${payload}"><figcaption>${payload} <small class="credit">${payload}</small></figcaption></figure>`,
        `<figure class="${payload}" data-provider="${payload}"><small class="${payload}">x</small></figure>`,
        `<p><a href="${payload}">lien</a></p>`,
      ]) {
        expectInert(sanitizeArticleHtml(html));
      }
    }
  });
});

describe("sanitizeArticleHtml and characters no field takes", () => {
  it("leaves out control characters and lone surrogates that character references spell", () => {
    const body =
      '<p>a&#x1;b&#0;c&#x7F;d&#xFFFE;e&#xD800;f</p><figure class="image"><img src="https://x.example/i.jpg" alt="g&#x1B;h"></figure>';
    const out = sanitizeArticleHtml(body);
    // NUL and a surrogate's reference are U+FFFD to an HTML parser, as the standard says.
    expect(out).toContain("<p>ab\uFFFDcde\uFFFDf</p>");
    expect(out).toContain('alt="gh"');
    // eslint-disable-next-line no-control-regex -- finding them is the point
    expect(out).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/);
    // What a person may type stays: tabs and new lines in code.
    expect(sanitizeArticleHtml("<pre><code>a\tb\nc</code></pre>")).toBe(
      "<pre><code>a\tb\nc</code></pre>",
    );
  });
});

describe("sanitizeArticleHtml and HTML nested past what a browser reads", () => {
  it("keeps its words as paragraphs, without giving its tags to the parser", () => {
    // 160,000 unclosed <b>: the parser took seconds over them, the square of the nesting.
    const deep = `${"<b>".repeat(160_000)}Premier &amp; second\n\n<i>Suite</i> <script>x</script>`;
    expect(sanitizeArticleHtml(deep)).toBe("<p>Premier &amp; second</p>\n<p>Suite   x</p>");
    // Nesting a browser reads is sanitised as ever.
    const shallow = `${"<b>".repeat(500)}mot${"</b>".repeat(500)}`;
    expect(sanitizeArticleHtml(shallow)).toBe(shallow);
  });
});
