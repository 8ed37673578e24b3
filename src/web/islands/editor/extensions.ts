import type { Extensions } from "@tiptap/core";
import { StarterKit } from "@tiptap/starter-kit";
import {
  Abbreviation,
  Citation,
  InlineCode,
  InlineQuote,
  Small,
  Subscript,
  Superscript,
} from "./marks.js";
import { ArticleHeading, Embed, FigureImage, Preformatted } from "./nodes.js";
import { ArticleTable, ArticleTableCell, ArticleTableHeader, ArticleTableRow } from "./table.js";
import { linkHref } from "./urls.js";

/**
 * What a journalist can write: the blocks and marks of the article allowlist (lib/sanitize.ts),
 * nothing the page could not show. StarterKit brings the Markdown shortcuts as input rules
 * (`## `, `**gras**`, `*italique*`, `> `, `- `, `1. `, `---`) and undo/redo.
 *
 * Every element and attribute the allowlist keeps MUST have a node or mark here: the editor drops
 * what its schema does not know (keeping only the words), and saving would store the loss
 * (test/e2e/editor.test.ts holds an article with each of them).
 */
export function articleExtensions(): Extensions {
  return [
    StarterKit.configure({
      heading: false,
      // Their markup is not the allowlist's: marks.ts and nodes.ts have their own.
      code: false,
      codeBlock: false,
      // Not in the allowlist.
      strike: false,
      underline: false,
      link: {
        openOnClick: false,
        autolink: true,
        linkOnPaste: true,
        defaultProtocol: "https",
        // The stored link is the address alone: the allowlist adds rel="noopener noreferrer".
        HTMLAttributes: { target: null, rel: null, class: null },
        isAllowedUri: (url) => linkHref(url) !== undefined,
      },
    }),
    ArticleHeading,
    FigureImage,
    Embed,
    Preformatted,
    ArticleTable,
    ArticleTableRow,
    ArticleTableHeader,
    ArticleTableCell,
    // In this order, outermost first, where marks nest: `<q>…<abbr>…</abbr></q>`, `CO<sub>2</sub>`.
    InlineQuote,
    Citation,
    Small,
    Abbreviation,
    InlineCode,
    Subscript,
    Superscript,
  ];
}
