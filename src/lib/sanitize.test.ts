import { describe, expect, it } from "vitest";
import { imagesIn, sanitizeArticleHtml } from "./sanitize.js";

describe("sanitizeArticleHtml", () => {
  it("keeps the markup an article is written in", () => {
    const html =
      "<h2>Titre</h2><p>Un <strong>fait</strong>, une <em>citation</em>.</p><blockquote><p>« Oui »</p></blockquote>";
    expect(sanitizeArticleHtml(html)).toBe(html);
  });
  it("drops scripts, handlers and javascript: links", () => {
    const out = sanitizeArticleHtml(
      '<p onclick="alert(1)">a</p><script>alert(2)</script><a href="javascript:alert(3)">x</a><img src=x onerror=alert(4)>',
    );
    expect(out).not.toMatch(/script|onclick|onerror|javascript:/i);
    expect(out).toContain("<p>a</p>");
  });
  it("marks outbound links noopener noreferrer", () => {
    expect(sanitizeArticleHtml('<a href="https://example.org">x</a>')).toBe(
      '<a href="https://example.org" rel="noopener noreferrer">x</a>',
    );
  });

  describe("the editor's shapes", () => {
    it("keeps an image with its caption and credit", () => {
      const html =
        '<figure class="image"><img src="https://kiosque.example/media/1.jpg" alt="Le port au matin" width="1200" height="800"><figcaption>Le port de Brest. <small class="credit">Photo : A. Martin</small></figcaption></figure>';
      expect(sanitizeArticleHtml(html)).toBe(
        '<figure class="image"><img src="https://kiosque.example/media/1.jpg" alt="Le port au matin" width="1200" height="800" loading="lazy" /><figcaption>Le port de Brest. <small class="credit">Photo : A. Martin</small></figcaption></figure>',
      );
    });

    it("keeps an image from the site's own media library, addressed by path", () => {
      expect(
        sanitizeArticleHtml('<figure class="image"><img src="/media/7" alt="x"></figure>'),
      ).toBe('<figure class="image"><img src="/media/7" alt="x" loading="lazy" /></figure>');
    });

    it.each(["youtube", "vimeo", "x", "mastodon", "link"])(
      "keeps a %s link card as a plain link",
      (provider) => {
        const url = "https://www.youtube.com/watch?v=dQw4w9WgXcQ";
        expect(
          sanitizeArticleHtml(
            `<figure class="embed" data-provider="${provider}"><a href="${url}">${url}</a></figure>`,
          ),
        ).toBe(
          `<figure class="embed" data-provider="${provider}"><a href="${url}" rel="noopener noreferrer">${url}</a></figure>`,
        );
      },
    );

    it("keeps the tables, preformatted text and inline marks the editor writes, as written", () => {
      // web/islands/editor/table.ts, nodes.ts and marks.ts: nothing there the allowlist drops.
      const html =
        '<table><thead><tr><th scope="col">Commune</th><th scope="col">Votes</th></tr></thead>' +
        '<tbody><tr><th scope="row">Valmorel</th><td>412</td></tr><tr><td><p>a</p><p>b</p></td><td></td></tr></tbody></table>' +
        "<pre><code>const votes = 412;\n  console.log(votes);</code></pre><pre>Un poème\n  en <em>retrait</em></pre><hr />" +
        '<p>CO<sub>2</sub>, 3<sup>e</sup>, <abbr title="Institut national de la statistique">Insee</abbr>, ' +
        '<cite>Le Monde</cite>, <q>oui</q>, <code>npm ci</code>, <small>petit</small>, <small class="credit">AFP</small></p>';
      expect(sanitizeArticleHtml(html)).toBe(html);
    });

    it("keeps a picture that is a link", () => {
      expect(
        sanitizeArticleHtml(
          '<figure class="image"><a href="/media/2.jpg"><img src="/media/2-petit.jpg" alt="La digue"></a></figure>',
        ),
      ).toBe(
        '<figure class="image"><a href="/media/2.jpg" rel="noopener noreferrer"><img src="/media/2-petit.jpg" alt="La digue" loading="lazy" /></a></figure>',
      );
    });

    it("turns headings into the two levels below the headline", () => {
      expect(
        sanitizeArticleHtml("<h1>Un</h1><h2>Deux</h2><h3>Trois</h3><h4>Quatre</h4><h6>Six</h6>"),
      ).toBe("<h2>Un</h2><h2>Deux</h2><h3>Trois</h3><h3>Quatre</h3><h3>Six</h3>");
    });
  });

  describe("hostile variants of those shapes", () => {
    it("never keeps an iframe, whatever it is wrapped in", () => {
      const out = sanitizeArticleHtml(
        '<figure class="embed" data-provider="youtube"><iframe src="https://www.youtube.com/embed/x" onload="alert(1)"></iframe><a href="https://www.youtube.com/watch?v=x">https://www.youtube.com/watch?v=x</a></figure>',
      );
      expect(out).toBe(
        '<figure class="embed" data-provider="youtube"><a href="https://www.youtube.com/watch?v=x" rel="noopener noreferrer">https://www.youtube.com/watch?v=x</a></figure>',
      );
    });

    it.each([
      "javascript:alert(1)",
      "JAVASCRIPT:alert(1)",
      "java\tscript:alert(1)",
      "&#106;avascript:alert(1)",
      "data:text/html,<script>alert(1)</script>",
      "vbscript:msgbox(1)",
      "//evil.example/",
    ])("drops an embed's %j address and keeps its text inert", (href) => {
      const out = sanitizeArticleHtml(
        `<figure class="embed" data-provider="youtube"><a href="${href}">regarder</a></figure>`,
      );
      expect(out).toBe(
        '<figure class="embed" data-provider="youtube"><a rel="noopener noreferrer">regarder</a></figure>',
      );
    });

    it("drops handlers, style and unknown attributes from an image and its figure", () => {
      const out = sanitizeArticleHtml(
        '<figure class="image" style="position:fixed" onclick="alert(1)" id="x"><img src="https://a.example/1.jpg" alt="a" onerror="alert(2)" style="width:9999px" srcset="javascript:alert(3) 1x"><figcaption style="color:red">Légende <small class="credit" onmouseover="alert(4)">Crédit</small></figcaption></figure>',
      );
      expect(out).toBe(
        '<figure class="image"><img src="https://a.example/1.jpg" alt="a" loading="lazy" /><figcaption>Légende <small class="credit">Crédit</small></figcaption></figure>',
      );
    });

    it("drops a javascript: or data: image", () => {
      for (const src of ["javascript:alert(1)", "data:image/svg+xml,<svg onload=alert(1)>"])
        expect(
          sanitizeArticleHtml(`<figure class="image"><img src="${src}" alt="a"></figure>`),
        ).toBe('<figure class="image"><img alt="a" loading="lazy" /></figure>');
    });

    it.each([
      [
        '<figure data-provider="iframe" class="embed"><a href="https://a.example/">a</a></figure>',
        '<figure class="embed"><a href="https://a.example/" rel="noopener noreferrer">a</a></figure>',
      ],
      [
        '<figure class="embed" data-provider="YouTube">x</figure>',
        '<figure class="embed">x</figure>',
      ],
      [
        '<figure class="embed" data-provider="youtube vimeo">x</figure>',
        '<figure class="embed">x</figure>',
      ],
      [
        '<figure class="image" data-provider="youtube">x</figure>',
        '<figure class="image">x</figure>',
      ],
      ['<figure data-provider="youtube">x</figure>', "<figure>x</figure>"],
      ['<figure class="image evil">x</figure>', "<figure>x</figure>"],
      ['<figure class="image embed">x</figure>', "<figure>x</figure>"],
      ['<figure class="site-header">x</figure>', "<figure>x</figure>"],
      [
        '<figure class=" embed " data-provider="x">x</figure>',
        '<figure class="embed" data-provider="x">x</figure>',
      ],
    ])("keeps a figure's class and provider only when known: %s", (input, output) => {
      expect(sanitizeArticleHtml(input)).toBe(output);
    });

    it("keeps class and data-provider on nothing but a figure, and credit on nothing but small", () => {
      const out = sanitizeArticleHtml(
        '<p class="image">a</p><a class="embed" data-provider="x" href="https://a.example/">b</a><img class="image" src="https://a.example/1.jpg"><div data-provider="youtube">c</div><small class="credit hidden">d</small><small class="visually-hidden">e</small><span class="credit">f</span>',
      );
      expect(out).toBe(
        '<p>a</p><a href="https://a.example/" rel="noopener noreferrer">b</a><img src="https://a.example/1.jpg" loading="lazy" />c<small>d</small><small>e</small>f',
      );
    });
  });
});

describe("imagesIn", () => {
  it("lists a body's images with their alternative text, as a parser reads them", () => {
    const html =
      '<p>a</p><figure class="image"><img src="/media/x/1.webp" alt=" Le port "><figcaption>c</figcaption></figure>' +
      '<p><img src=\'/media/y/2.webp\'></p><img alt="" src="https://e.example/i.jpg">';
    expect(imagesIn(html)).toEqual([
      { src: "/media/x/1.webp", alt: "Le port" },
      { src: "/media/y/2.webp", alt: "" },
      { src: "https://e.example/i.jpg", alt: "" },
    ]);
    expect(imagesIn("<p>Pas d’image, <code>&lt;img&gt;</code></p>")).toEqual([]);
  });
});
