import { Feed } from "feed";
import { xmlChars } from "../../lib/xml-text.js";
import { escapeHtml } from "../../web/html.js";

/** The three feed formats readers' apps take; each scope is offered in all of them. */
export const feedFormats = ["rss", "atom", "json"] as const;
export type FeedFormat = (typeof feedFormats)[number];

export const feedTypes: Record<FeedFormat, string> = {
  rss: "application/rss+xml; charset=utf-8",
  atom: "application/atom+xml; charset=utf-8",
  json: "application/feed+json; charset=utf-8",
};

/** A feed's own description; every address absolute. */
export interface FeedChannel {
  title: string;
  description: string;
  lang: string;
  /** The page the feed follows (the site, a section…). */
  htmlUrl: string;
  /** This feed in each format. */
  selfUrls: Record<FeedFormat, string>;
  /** Its newest entry's date: the feed's `updated`. */
  updated?: Date | undefined;
}

/** An image as feeds carry it: an enclosure in RSS and Atom, `image` in JSON Feed. */
export interface FeedImage {
  url: string;
  type: string;
  bytes: number;
}

export interface FeedEntry {
  url: string;
  /** Plain text, as typed: escaped here where a format reads it as HTML. */
  title: string;
  /** Plain text too (a standfirst, a comment). */
  summary: string;
  /** The whole text, as readers see it (already cleaned by the allowlist). */
  contentHtml?: string | undefined;
  published: Date;
  updated: Date;
  authors: { name: string; url?: string | undefined }[];
  categories: { name: string; url: string }[];
  image?: FeedImage | undefined;
}

/**
 * A feed in one format, written by the `feed` library (escaping, dates, namespaces). Entries
 * name people by name and page only: no e-mail, staff or reader, ever leaves the server.
 */
export function feedDocument(
  format: FeedFormat,
  channel: FeedChannel,
  entries: readonly FeedEntry[],
): string {
  const xml = format !== "json";
  // What the XML formats carry: no character XML cannot hold; and in the library's CDATA
  // sections (title, description, content) no "]]>", of which its writer splits only the
  // first: a second one in a reader's comment ended the section, and the feed with it.
  const text = (s: string) => (xml ? xmlChars(s) : s);
  const cdata = (html: string) => (xml ? xmlChars(html).replaceAll("]]>", "]]&gt;") : html);
  const feed = new Feed({
    id: channel.htmlUrl,
    link: channel.htmlUrl,
    title: text(channel.title),
    description: text(channel.description),
    language: channel.lang,
    copyright: text(channel.title),
    generator: "Kiosque",
    feed: channel.selfUrls[format],
    feedLinks: {
      rss: channel.selfUrls.rss,
      atom: channel.selfUrls.atom,
      json: channel.selfUrls.json,
    },
    ...(channel.updated ? { updated: channel.updated } : {}),
  });
  // The library passes an item's title and description through as HTML (Atom's type="html",
  // RSS's CDATA, JSON Feed's content_html when there is no content): text typed as
  // `Prix < 5 € & <i>` must reach the reader's app as that text, not as markup.
  for (const e of entries) {
    feed.addItem({
      id: e.url,
      guid: e.url,
      link: e.url,
      title: xml ? cdata(escapeHtml(e.title)) : e.title,
      description: xml || e.contentHtml === undefined ? cdata(escapeHtml(e.summary)) : e.summary,
      ...(e.contentHtml !== undefined ? { content: cdata(e.contentHtml) } : {}),
      date: e.updated,
      published: e.published,
      author: e.authors.map((a) => ({ name: text(a.name), ...(a.url ? { link: a.url } : {}) })),
      category: e.categories.map((c) => ({
        name: text(c.name),
        domain: c.url,
        term: text(c.name),
      })),
      ...(e.image
        ? { image: { url: e.image.url, type: e.image.type, length: e.image.bytes } }
        : {}),
    });
  }
  return format === "rss" ? feed.rss2() : format === "atom" ? feed.atom1() : feed.json1();
}
