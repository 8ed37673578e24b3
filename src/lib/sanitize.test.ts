import { describe, expect, it } from "vitest";
import { sanitizeArticleHtml } from "./sanitize.js";

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
});
