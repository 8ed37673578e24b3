import sanitizeHtml from "sanitize-html";
import { recogniseEmbed } from "../../../lib/embeds.js";
import { sanitizeArticleHtml } from "../../../lib/sanitize.js";
import { autop } from "./autop.js";
import { asPlainParagraphs, nestsTooDeep } from "../../../lib/html-depth.js";
import { imageKey, type ContentRefs, type ImageRef } from "./refs.js";
import { firstAtLeast, htmlComments } from "./scan.js";
import { replaceShortcodes, type Handler, type Shortcode } from "./shortcodes.js";

/** A post's body as Kiosque keeps it, and what the conversion noticed on the way. */
export interface Converted {
  html: string;
  /** Shortcodes and dynamic blocks of plugins Kiosque does not know, by name: removed. */
  unknown: Map<string, number>;
  /** Uploaded images the body now shows (Kiosque's copies). */
  mediaIds: number[];
  /** Images still pointing elsewhere: not in the export's attachments, or not imported. */
  outside: string[];
  /** Its HTML nested too deep to be read (lib/html-depth.ts): kept as text, without its tags. */
  flattened: boolean;
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The editor's link card (web/islands/editor/nodes.ts), or "" for what is not a web address. */
export function embedFigure(address: string): string {
  const embed = recogniseEmbed(address.replace(/&amp;/g, "&"));
  if (!embed) return "";
  const url = escapeHtml(embed.url);
  return `\n<figure class="embed" data-provider="${embed.provider}"><a href="${url}">${url}</a></figure>\n`;
}

/** The editor's picture with its caption and credit (web/islands/editor/nodes.ts). */
export function imageFigure(image: ImageRef, caption = image.caption, alt = image.alt): string {
  const size = image.width > 0 ? ` width="${image.width}" height="${image.height}"` : "";
  const img = `<img src="${escapeHtml(image.src)}" alt="${escapeHtml(alt)}"${size}>`;
  const credit = image.credit ? `<small class="credit">${escapeHtml(image.credit)}</small>` : "";
  const words = caption ? (credit ? `${caption} ${credit}` : caption) : credit;
  return `\n<figure class="image">${img}${words ? `<figcaption>${words}</figcaption>` : ""}</figure>\n`;
}

/**
 * A tag's inside stops at a `<` as well as at its `>`: read from each of many unclosed `<img`,
 * `[^>]*` went to the end of the text each time. WordPress writes `&lt;` in attributes.
 */
const IMG = /<img\b[^<>]*>/i;
/** The caption's picture, maybe in its link: what is left is the caption's words. */
const PICTURE = /<a\b[^<>]*>\s*<img\b[^<>]*>\s*<\/a>|<img\b[^<>]*>/i;

function handlers(refs: ContentRefs, missing: string[]): Record<string, Handler> {
  const caption: Handler = (code) => {
    const content = code.content ?? "";
    // WordPress's own layout: the picture (maybe in a link), then the caption's words.
    const img = IMG.exec(content)?.[0];
    const words = (code.attrs.caption ?? content.replace(PICTURE, "")).trim();
    if (!img) return words ? `<p>${words}</p>` : "";
    return `\n<figure class="image">${img}${words ? `<figcaption>${words}</figcaption>` : ""}</figure>\n`;
  };
  const gallery: Handler = (code) => {
    const ids = (code.attrs.ids ?? code.attrs.include ?? "").split(/[\s,]+/).filter(Boolean);
    const images =
      ids.length > 0
        ? ids.map((id) => [id, refs.byAttachmentId.get(id)] as const)
        : refs.children.map((r) => [String(r.mediaId), r] as const);
    let out = "";
    for (const [id, image] of images) {
      if (image) out += imageFigure(image);
      else missing.push(`attachment ${id}`);
    }
    return out;
  };
  const embed: Handler = (code) =>
    embedFigure((code.content ?? code.attrs.src ?? code.positional[0] ?? "").trim());
  const media: Handler = (code) => {
    const src =
      code.attrs.src ??
      code.attrs.mp4 ??
      code.attrs.mp3 ??
      code.attrs.m4v ??
      code.attrs.webm ??
      code.attrs.ogg ??
      "";
    return src ? embedFigure(src) : "";
  };
  // WordPress.com's and Jetpack's `[youtube https://…]` / `[youtube=https://…]`.
  const provider: Handler = (code: Shortcode) => {
    const first = code.positional[0] ?? Object.values(code.attrs)[0] ?? code.content ?? "";
    return embedFigure(first.replace(/^=/, ""));
  };
  return {
    caption,
    wp_caption: caption,
    gallery,
    embed,
    video: media,
    audio: media,
    youtube: provider,
    vimeo: provider,
  };
}

/** WordPress's auto-embeds: a web address alone on its line becomes the provider's player. */
function bareEmbeds(text: string): string {
  return text.replace(
    /^[ \t]*(https?:\/\/[^\s<>"]+)[ \t]*$/gim,
    (line, url: string) => embedFigure(url) || line,
  );
}

/** A block editor (Gutenberg) post: its comments are what marks it. */
const BLOCK_COMMENT = /<!--\s+wp:/;

/** Inside a block's comment: an embed block's opening, with its attributes. */
const EMBED_OPENING = /^\s+wp:((?:core-)?embed(?:\/[\w-]+)?)\s+(\{[\s\S]*\})\s+$/;
/** A dynamic block: self-closing, WordPress draws it at display time. */
const DYNAMIC_BLOCK = /^\s+wp:([\w/-]+)(?:\s+\{[\s\S]*\})?\s+\/$/;
const BLOCK_CLOSING = /^\s+\/wp:([\w/-]+)\s+$/;
const BLOCK_MARK = /^\s+\/?wp:/;

/**
 * Blocks to plain HTML: an embed block becomes a link card (its stored HTML is only the address),
 * a dynamic block (self-closing: WordPress draws it at display time, from its plugin) is removed
 * and counted, every other block keeps its HTML without its comments. The comments are found
 * once, in order (scan.ts): an expression looking from each embed block's opening for its
 * closing read the rest of the post each time.
 */
function unblock(text: string, unknown: Map<string, number>): string {
  const comments = htmlComments(text);
  const closings = new Map<string, number[]>();
  comments.forEach((c, i) => {
    const name = BLOCK_CLOSING.exec(c.inner)?.[1];
    if (name === undefined) return;
    const list = closings.get(name);
    if (list) list.push(i);
    else closings.set(name, [i]);
  });
  let out = "";
  let copied = 0;
  comments.forEach((c, i) => {
    // Inside an embed block already replaced, or another comment: kept as it is.
    if (c.start < copied || !BLOCK_MARK.test(c.inner)) return;
    let replacement = "";
    let end = c.end;
    const embed = EMBED_OPENING.exec(c.inner);
    const closing = embed ? firstAtLeast(closings.get(embed[1] ?? ""), i + 1) : undefined;
    const dynamic = DYNAMIC_BLOCK.exec(c.inner)?.[1];
    if (embed && closing !== undefined) {
      replacement = embedBlock(embed[2] ?? "");
      end = comments[closing]?.end ?? end;
    } else if (dynamic !== undefined)
      unknown.set(`block:${dynamic}`, (unknown.get(`block:${dynamic}`) ?? 0) + 1);
    out += text.slice(copied, c.start) + replacement;
    copied = end;
  });
  return out + text.slice(copied);
}

/** An embed block's link card, from its attributes' `url`. */
function embedBlock(json: string): string {
  try {
    const url: unknown = (JSON.parse(json) as Record<string, unknown>).url;
    return typeof url === "string" ? embedFigure(url) : "";
  } catch {
    return "";
  }
}

/** Classes of WordPress's figures that hold a picture. */
const IMAGE_FIGURE = /\b(?:wp-block-image|wp-caption|image)\b/;

/**
 * WordPress's markup to the editor's: figures of pictures become `figure.image`, other figures
 * (galleries, tables, quotes) give way to what they hold; pictures and links to the old site's
 * uploads point to Kiosque's copies; `srcset` and classes go.
 */
function toEditorMarkup(
  html: string,
  refs: ContentRefs,
  used: Set<number>,
  outside: string[],
): string {
  const local = (url: string | undefined): ImageRef | undefined =>
    url ? refs.byUrl.get(imageKey(url)) : undefined;
  return sanitizeHtml(html, {
    allowedTags: false,
    allowedAttributes: false,
    allowVulnerableTags: true,
    transformTags: {
      figure: (tagName, attribs) => {
        const cls = attribs.class ?? "";
        if (cls.trim() === "embed") return { tagName, attribs };
        return IMAGE_FIGURE.test(cls)
          ? { tagName, attribs: { class: "image" } }
          : { tagName: "div", attribs: {} };
      },
      figcaption: (tagName, attribs) =>
        /blocks-gallery-caption/.test(attribs.class ?? "")
          ? { tagName: "p", attribs: {} }
          : { tagName, attribs: {} },
      img: (tagName, attribs) => {
        const found = local(attribs.src);
        const out: Record<string, string> = { ...attribs };
        delete out.srcset;
        delete out.sizes;
        delete out.class;
        if (found) {
          used.add(found.mediaId);
          out.src = found.src;
          if (!out.alt && found.alt) out.alt = found.alt;
          if (found.width > 0) {
            out.width = String(found.width);
            out.height = String(found.height);
          }
        } else if (attribs.src) outside.push(attribs.src);
        return { tagName, attribs: out };
      },
      a: (tagName, attribs) => {
        const found = local(attribs.href);
        return { tagName, attribs: found ? { ...attribs, href: found.src } : attribs };
      },
    },
  });
}

/** WordPress's "read more" and page-break marks: Kiosque shows an article whole. */
function readOn(text: string): string {
  let out = "";
  let copied = 0;
  for (const c of htmlComments(text))
    if (/^\s*(?:more|nextpage)\b[^>]*$/.test(c.inner)) {
      out += `${text.slice(copied, c.start)}\n\n`;
      copied = c.end;
    }
  return out + text.slice(copied);
}

/**
 * A WordPress post's content as readers saw it, in Kiosque's HTML: block comments out (or, for
 * the classic editor, WordPress's paragraphs added), known shortcodes and bare embed addresses to
 * figures and link cards, unknown ones removed and listed, pictures pointing to Kiosque's copies,
 * and the result through the editor's allowlist.
 */
export function convertContent(raw: string, refs: ContentRefs): Converted {
  const unknown = new Map<string, number>();
  const outside: string[] = [];
  const text = readOn(raw.replace(/\r\n?/g, "\n"));
  if (nestsTooDeep(text))
    return { html: asPlainParagraphs(text), unknown, mediaIds: [], outside, flattened: true };
  const codes = handlers(refs, outside);
  const html = BLOCK_COMMENT.test(text)
    ? replaceShortcodes(unblock(text, unknown), codes, unknown)
    : autop(replaceShortcodes(bareEmbeds(text), codes, unknown));
  const used = new Set<number>();
  const clean = sanitizeArticleHtml(toEditorMarkup(html, refs, used, outside));
  return {
    html: clean
      .replace(/<p>\s*<\/p>/g, "")
      // Not `>\s*\n\s*<`: from a `>` before a long run of new lines, it went back and forth.
      .replace(/>(\s+)</g, (tags, space: string) => (space.includes("\n") ? ">\n<" : tags))
      .trim(),
    unknown,
    mediaIds: [...used],
    outside,
    flattened: false,
  };
}
