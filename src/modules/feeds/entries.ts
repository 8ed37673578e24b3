import type { FeedArticle } from "../articles/index.js";
import { commentTextHtml, type PublicComment } from "../comments/index.js";
import type { MediaItem } from "../media/index.js";
import type { Messages } from "../../web/i18n/index.js";
import { anchors, paths } from "../../web/urls.js";
import type { FeedEntry, FeedImage } from "./feed-document.js";

/** The latest of these ISO dates, or undefined when there are none. */
export function newest(dates: readonly string[]): Date | undefined {
  const times = dates.map((d) => Date.parse(d)).filter((t) => Number.isFinite(t));
  return times.length > 0 ? new Date(Math.max(...times)) : undefined;
}

/**
 * Addresses in an article's HTML made absolute: a feed reader shows the text away from the site,
 * where `/media/…` means nothing. The body comes from the allowlist's serialiser, so attributes
 * are double-quoted; a srcset lists several addresses.
 */
export function absoluteUrls(html: string, base: string): string {
  return html
    .replace(/\b(src|href)="\/(?!\/)/g, `$1="${base}/`)
    .replace(
      /\bsrcset="([^"]*)"/g,
      (_, list: string) => `srcset="${list.replace(/(^|,\s*)\/(?!\/)/g, `$1${base}/`)}"`,
    );
}

const IMAGE_TYPES: Record<string, string> = {
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  png: "image/png",
  gif: "image/gif",
  webp: "image/webp",
  avif: "image/avif",
};

/** A featured image as feeds carry it: the uploaded master, else a legacy address by its type. */
export function feedImage(
  base: string,
  a: { image?: MediaItem | undefined; imageUrl: string | null },
): FeedImage | undefined {
  if (a.image) return { url: `${base}${a.image.src}`, type: a.image.type, bytes: a.image.bytes };
  if (!a.imageUrl) return undefined;
  const ext = /\.([a-z0-9]+)(?:[?#].*)?$/i.exec(a.imageUrl)?.[1]?.toLowerCase() ?? "";
  const type = IMAGE_TYPES[ext];
  if (!type) return undefined;
  return { url: a.imageUrl.startsWith("/") ? `${base}${a.imageUrl}` : a.imageUrl, type, bytes: 0 };
}

export function articleEntry(base: string, a: FeedArticle): FeedEntry {
  return {
    url: `${base}${paths.article(a.slug)}`,
    title: a.title,
    summary: a.standfirst,
    contentHtml: a.bodyHtml === undefined ? undefined : absoluteUrls(a.bodyHtml, base),
    published: new Date(a.publishedAt),
    updated: new Date(a.updatedAt ?? a.publishedAt),
    authors: a.authors.map((b) => ({ name: b.name, url: `${base}${paths.author(b.slug)}` })),
    categories: [{ name: a.category.name, url: `${base}${paths.category(a.category.slug)}` }],
    image: feedImage(base, a),
  };
}

/** A comment in its article's feed: its author's name (never an address) and its text. */
export function commentEntry(
  base: string,
  slug: string,
  articleTitle: string,
  c: PublicComment,
  t: Messages,
): FeedEntry {
  return {
    url: `${base}${paths.article(slug)}#${anchors.comment(c.id)}`,
    title: t.feeds.commentBy(c.authorName),
    summary: c.body,
    contentHtml: commentTextHtml(c.body),
    published: new Date(c.createdAt),
    updated: new Date(c.createdAt),
    authors: [{ name: c.authorName }],
    categories: [{ name: articleTitle, url: `${base}${paths.article(slug)}` }],
  };
}
