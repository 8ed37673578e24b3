/**
 * Inline marks the article allowlist (lib/sanitize.ts) keeps and StarterKit does not bring: the
 * editor has no button for most of them, but an article imported from WordPress or written as HTML
 * holds them, and the editor must give them back unchanged when it saves. Each is stored as its
 * one element, with no attribute but the one the allowlist keeps for it.
 */
import { Mark } from "@tiptap/core";

/** A mark that is one element with no attributes: `<sub>`, `<cite>`… */
function element(name: string, tag: string) {
  return Mark.create({
    name,
    parseHTML: () => [{ tag }],
    renderHTML: () => [tag, 0],
  });
}

/*
 * Not @tiptap/extension-subscript and -superscript: their last release (3.31) requires
 * @tiptap/core 3.31 exactly, and the editor is on a later line. Neither excludes the other here:
 * a stored `<sub><sup>` stays as it was.
 */
export const Subscript = element("subscript", "sub");
export const Superscript = element("superscript", "sup");
/** The title of a work (`<cite>Le Monde</cite>`), not the quote's source attribute. */
export const Citation = element("citation", "cite");
export const InlineQuote = element("inlineQuote", "q");

/**
 * Inline code. Not StarterKit's `code` mark: it excludes every other mark, so a link around a
 * command (`<a href><code>npm ci</code></a>`) would lose its link.
 */
export const InlineCode = Mark.create({
  name: "code",
  // Markdown shortcuts do not fire inside it.
  code: true,
  parseHTML: () => [{ tag: "code" }],
  renderHTML: () => ["code", 0],
});

/** `<abbr title="Institut national de la statistique">Insee</abbr>`: the title is its meaning. */
export const Abbreviation = Mark.create({
  name: "abbreviation",
  addAttributes: () => ({
    // Read as text: Tiptap's default reading would turn a title like "2024" into a number.
    title: { default: null, parseHTML: (el) => el.getAttribute("title") },
  }),
  parseHTML: () => [{ tag: "abbr" }],
  renderHTML: ({ HTMLAttributes }) => ["abbr", HTMLAttributes, 0],
});

/**
 * Small print. `class="credit"` (an image's credit line) is the one class the allowlist keeps on
 * it; a credit inside an image's figure is the figure's (nodes.ts), this is one in the text.
 */
export const Small = Mark.create({
  name: "small",
  addAttributes: () => ({
    credit: {
      default: false,
      parseHTML: (el) => el.getAttribute("class")?.trim() === "credit",
      renderHTML: (attrs) => (attrs.credit === true ? { class: "credit" } : {}),
    },
  }),
  parseHTML: () => [{ tag: "small" }],
  renderHTML: ({ HTMLAttributes }) => ["small", HTMLAttributes, 0],
});
