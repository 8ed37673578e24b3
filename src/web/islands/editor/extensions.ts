import type { Extensions } from "@tiptap/core";
import { StarterKit } from "@tiptap/starter-kit";
import { ArticleHeading, Embed, FigureImage } from "./nodes.js";
import { linkHref } from "./urls.js";

/**
 * What a journalist can write: the blocks and marks of the article allowlist (lib/sanitize.ts),
 * nothing the page could not show. StarterKit brings the Markdown shortcuts as input rules
 * (`## `, `**gras**`, `*italique*`, `> `, `- `, `1. `) and undo/redo.
 */
export function articleExtensions(): Extensions {
  return [
    StarterKit.configure({
      heading: false,
      // Not in the allowlist, or not what an article is written with.
      code: false,
      codeBlock: false,
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
  ];
}
