import sanitizeHtml from "sanitize-html";
import { isEmbedProvider } from "./embeds.js";
import { asPlainParagraphs, nestsTooDeep } from "./html-depth.js";
import { withoutControlCharacters } from "./text.js";

/** The kinds of figure the editor writes (web/islands/editor/nodes.ts): a picture, or a link card. */
const FIGURE_KINDS = new Set(["image", "embed"]);

/**
 * A figure keeps its kind, and a link card its provider, only when each is one the site knows:
 * anything else in `class` or `data-provider` would let pasted or imported HTML pick styles
 * meant for something else.
 */
function figure(tagName: string, attribs: sanitizeHtml.Attributes): sanitizeHtml.Tag {
  const kind = attribs.class?.trim() ?? "";
  const out: sanitizeHtml.Attributes = {};
  if (FIGURE_KINDS.has(kind)) out.class = kind;
  const provider = attribs["data-provider"] ?? "";
  if (kind === "embed" && isEmbedProvider(provider)) out["data-provider"] = provider;
  return { tagName, attribs: out };
}

/** `<small class="credit">` is an image's credit line; no other class is kept on it. */
function small(tagName: string, attribs: sanitizeHtml.Attributes): sanitizeHtml.Tag {
  return { tagName, attribs: attribs.class?.trim() === "credit" ? { class: "credit" } : {} };
}

/**
 * The allowlist for article bodies written by staff (and imported from elsewhere). Anything not
 * listed is dropped: no scripts, no event handlers, no style, no javascript: URLs, no iframes (an
 * embed is a link card that loads nothing until a reader clicks it: lib/embeds.ts).
 */
const articleOptions: sanitizeHtml.IOptions = {
  allowedTags: [
    "p",
    "h2",
    "h3",
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
    "small",
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
    // Their values are decided by the transforms below.
    figure: ["class", "data-provider"],
    small: ["class"],
  },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesByTag: { img: ["http", "https"] },
  allowProtocolRelative: false,
  transformTags: {
    // The page's headline is its only h1, and the editor offers two levels below it: a heading
    // from elsewhere keeps its text and its place in that outline.
    h1: "h2",
    h4: "h3",
    h5: "h3",
    h6: "h3",
    figure,
    small,
    // Links out of an article never pass the reader's session or referrer page along.
    a: sanitizeHtml.simpleTransform("a", { rel: "noopener noreferrer" }),
    img: sanitizeHtml.simpleTransform("img", { loading: "lazy" }),
  },
};

/**
 * The body as the allowlist keeps it. The parser decodes character references, so `&#x1;` came
 * out a raw control character, in a text or an attribute, where no form field would take one.
 * HTML nested past what a browser reads is its words only (lib/html-depth.ts): the parser's
 * time grows with the square of the nesting (half a megabyte of `<b>`, seconds of a worker).
 * Forms refuse it on their field before it gets here.
 */
export function sanitizeArticleHtml(html: string): string {
  if (nestsTooDeep(html)) return withoutControlCharacters(asPlainParagraphs(html));
  return withoutControlCharacters(sanitizeHtml(html, articleOptions));
}

/** An image of an article's body, as its HTML says it. */
export interface BodyImage {
  src: string;
  /** Empty when the image has none: the publish rule refuses that. */
  alt: string;
}

/**
 * The images of an article body, in order, read by the same HTML parser the allowlist uses (a
 * regular expression would misread attributes a parser reads otherwise).
 */
export function imagesIn(html: string): BodyImage[] {
  const found: BodyImage[] = [];
  sanitizeHtml(html, {
    allowedTags: ["img"],
    allowedAttributes: { img: ["src", "alt"] },
    exclusiveFilter: (frame) => {
      if (frame.tag === "img")
        found.push({ src: frame.attribs.src ?? "", alt: (frame.attribs.alt ?? "").trim() });
      return false;
    },
  });
  return found;
}
