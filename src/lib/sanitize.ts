import sanitizeHtml from "sanitize-html";

/**
 * The allowlist for article bodies written by staff (and imported from elsewhere). Anything not
 * listed is dropped: no scripts, no event handlers, no style, no javascript: URLs.
 */
const articleOptions: sanitizeHtml.IOptions = {
  allowedTags: [
    "p",
    "h2",
    "h3",
    "h4",
    "blockquote",
    "ul",
    "ol",
    "li",
    "strong",
    "em",
    "b",
    "i",
    "a",
    "br",
    "figure",
    "figcaption",
    "img",
    "cite",
    "q",
    "abbr",
    "sub",
    "sup",
    "hr",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "pre",
    "code",
  ],
  allowedAttributes: {
    a: ["href", "title", "rel"],
    img: ["src", "alt", "width", "height", "loading"],
    abbr: ["title"],
    th: ["scope"],
  },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesByTag: { img: ["http", "https"] },
  allowProtocolRelative: false,
  transformTags: {
    // Links out of an article never pass the reader's session or referrer page along.
    a: sanitizeHtml.simpleTransform("a", { rel: "noopener noreferrer" }),
    img: sanitizeHtml.simpleTransform("img", { loading: "lazy" }),
  },
};

export function sanitizeArticleHtml(html: string): string {
  return sanitizeHtml(html, articleOptions);
}
