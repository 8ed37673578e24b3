/**
 * The editor's own blocks, and the HTML they are stored as (the shapes lib/sanitize.ts keeps):
 * - an image: `<figure class="image"><img src alt width height><figcaption>Caption
 *   <small class="credit">Credit</small></figcaption></figure>` (figcaption and credit only
 *   when there are words for them; the img in an `<a href>` when the picture is a link, as
 *   WordPress's often are);
 * - an embed: `<figure class="embed" data-provider="youtube"><a href="URL">URL</a></figure>`, a
 *   link card: no iframe, nothing from the third party loads until a reader clicks;
 * - preformatted text: `<pre>` (a poem, figures aligned by spaces) or `<pre><code>` (a listing).
 * Images and embeds are atoms: chosen, moved and deleted whole; the image dialog edits an image's
 * words.
 */
import type { DOMOutputSpec } from "@tiptap/pm/model";
import { Heading } from "@tiptap/extension-heading";
import { Node } from "@tiptap/core";
import { recogniseEmbed } from "../../../lib/embeds.js";
import { imageSrc, linkHref } from "./urls.js";

export interface ImageAttrs {
  src: string;
  alt: string;
  caption: string;
  credit: string;
  width: number | null;
  height: number | null;
}

/** What the media library sends with `kiosque:insert-image` (and what the image dialog asks). */
export interface InsertImageDetail {
  src: string;
  alt: string;
  caption?: string;
  credit?: string;
  width?: number;
  height?: number;
}

function dimension(value: unknown): number | null {
  const n = typeof value === "string" ? Number(value) : value;
  return typeof n === "number" && Number.isInteger(n) && n > 0 && n < 100_000 ? n : null;
}

const text = (value: unknown) => (typeof value === "string" ? value.trim() : "");

/** The attributes for an image from untrusted words (an event's detail), or undefined. */
export function imageAttrs(detail: unknown): ImageAttrs | undefined {
  if (typeof detail !== "object" || detail === null) return undefined;
  const d = detail as Record<string, unknown>;
  const src = imageSrc(text(d.src));
  if (src === undefined) return undefined;
  return {
    src,
    alt: text(d.alt),
    caption: text(d.caption),
    credit: text(d.credit),
    width: dimension(d.width),
    height: dimension(d.height),
  };
}

/** Where a picture leads when it is a link (`<a href><img></a>`), within `scope`; else null. */
function pictureLink(img: Element | null, scope: Element): string | null {
  const a = img?.parentElement?.closest("a");
  return (a && scope.contains(a) && linkHref(a.getAttribute("href") ?? "")) || null;
}

function imageFromFigure(figure: HTMLElement): (ImageAttrs & { link: string | null }) | false {
  const img = figure.querySelector("img");
  const caption = figure.querySelector("figcaption")?.cloneNode(true) as HTMLElement | undefined;
  const credit = caption?.querySelector("small.credit");
  credit?.remove();
  const attrs = imageAttrs({
    src: img?.getAttribute("src"),
    alt: img?.getAttribute("alt"),
    caption: caption?.textContent,
    credit: credit?.textContent,
    width: img?.getAttribute("width"),
    height: img?.getAttribute("height"),
  });
  return attrs ? { ...attrs, link: pictureLink(img, figure) } : false;
}

/**
 * A figure without the editor's class that holds a picture (maybe a link) and a caption of plain
 * words, as hand-written HTML has it: the editor's image. A figure holding anything else (a
 * quote, a caption with a link in it) is left to the blocks and marks inside it, which keep it all.
 */
function isPlainImageFigure(figure: HTMLElement): boolean {
  const [picture, caption, ...more] = Array.from(figure.children);
  const img =
    picture?.localName === "a" && picture.textContent?.trim() === ""
      ? picture.firstElementChild
      : picture;
  return (
    more.length === 0 &&
    img?.localName === "img" &&
    (caption === undefined ||
      (caption.localName === "figcaption" &&
        Array.from(caption.children).every((el) => el.matches("small.credit"))))
  );
}

/** Every attribute comes from the block's rule as a whole, never one by one from the element. */
function attribute(fallback: string | number | null) {
  return { default: fallback, rendered: false, parseHTML: () => null };
}

export const FigureImage = Node.create({
  name: "figureImage",
  group: "block",
  atom: true,
  draggable: true,
  selectable: true,

  addAttributes() {
    return {
      src: attribute(""),
      alt: attribute(""),
      caption: attribute(""),
      credit: attribute(""),
      width: attribute(null),
      height: attribute(null),
      // Kept as read: the image dialog does not edit it.
      link: attribute(null),
    };
  },

  parseHTML() {
    return [
      { tag: "figure.image", getAttrs: (dom) => imageFromFigure(dom) },
      {
        tag: "figure",
        getAttrs: (dom) => (isPlainImageFigure(dom) ? imageFromFigure(dom) : false),
      },
      // A bare picture in older or imported articles becomes a figure without a caption.
      {
        tag: "img[src]",
        getAttrs: (dom) => {
          const attrs = imageAttrs({
            src: dom.getAttribute("src"),
            alt: dom.getAttribute("alt"),
            width: dom.getAttribute("width"),
            height: dom.getAttribute("height"),
          });
          return attrs ? { ...attrs, link: pictureLink(dom, dom.ownerDocument.body) } : false;
        },
      },
    ];
  },

  renderHTML({ node }) {
    const a = node.attrs as ImageAttrs & { link: string | null };
    const picture: DOMOutputSpec = [
      "img",
      { src: a.src, alt: a.alt, width: a.width?.toString(), height: a.height?.toString() },
    ];
    const img: DOMOutputSpec = a.link ? ["a", { href: a.link }, picture] : picture;
    const words: (string | DOMOutputSpec)[] = [];
    if (a.caption) words.push(a.credit ? `${a.caption} ` : a.caption);
    if (a.credit) words.push(["small", { class: "credit" }, a.credit]);
    return words.length > 0
      ? ["figure", { class: "image" }, img, ["figcaption", ...words]]
      : ["figure", { class: "image" }, img];
  },
});

export const Embed = Node.create({
  name: "embed",
  group: "block",
  atom: true,
  draggable: true,
  selectable: true,

  addAttributes() {
    return { url: attribute(""), provider: attribute("link") };
  },

  parseHTML() {
    return [
      {
        tag: "figure.embed",
        // The provider is read again from the address, never taken from the stored attribute.
        getAttrs: (dom) =>
          recogniseEmbed(dom.querySelector("a")?.getAttribute("href") ?? "") ?? false,
      },
    ];
  },

  renderHTML({ node }) {
    const { url, provider } = node.attrs as { url: string; provider: string };
    return ["figure", { class: "embed", "data-provider": provider }, ["a", { href: url }, url]];
  },
});

/**
 * Headings at the two levels below the page's headline. A heading pasted or imported at another
 * level keeps its text and its rank (h1 → h2, h4–h6 → h3), as the allowlist does.
 */
export const ArticleHeading = Heading.extend({
  parseHTML() {
    return ([1, 2, 3, 4, 5, 6] as const).map((n) => ({
      tag: `h${n}`,
      attrs: { level: n <= 2 ? 2 : 3 },
    }));
  },
}).configure({ levels: [2, 3] });

/** The `<code>` a `<pre>` holds all of its words in (a listing), or null (preformatted text). */
function listing(pre: HTMLElement): HTMLElement | null {
  const code = pre.firstElementChild;
  return pre.childElementCount === 1 &&
    code instanceof HTMLElement &&
    code.localName === "code" &&
    code.textContent === pre.textContent
    ? code
    : null;
}

/**
 * Preformatted text, whose spaces and line breaks are its layout. Not StarterKit's code block: it
 * writes `<pre><code>` for every `<pre>`, a `language-` class the allowlist drops, and allows no
 * marks, so a link or emphasis in a preformatted poem would be lost. Enter starts a new line
 * inside it (it is `code`), Mod-Enter leaves it.
 */
export const Preformatted = Node.create({
  name: "preformatted",
  group: "block",
  content: "inline*",
  code: true,
  whitespace: "pre",
  defining: true,

  addAttributes() {
    return {
      listing: { default: false, rendered: false, parseHTML: (el) => listing(el) !== null },
    };
  },

  parseHTML() {
    return [
      {
        tag: "pre",
        preserveWhitespace: "full",
        // A listing's words are its <code>'s, read as the block's own (not as inline code).
        contentElement: (el) => listing(el as HTMLElement) ?? el,
      },
    ];
  },

  renderHTML({ node }) {
    return node.attrs.listing === true ? ["pre", ["code", 0]] : ["pre", 0];
  },
});
