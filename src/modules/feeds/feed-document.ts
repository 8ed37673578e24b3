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
 * XML's reserved characters, and the white space an attribute's value would turn to spaces, held
 * while the library writes as characters XML cannot carry (`xmlChars` took those out of our text
 * first: here they stand for these only), then written as references. The library escapes
 * unevenly: in an attribute's value "&" in some, not in others, and "<" never (a section named
 * `R&D <Labo>` in `<category label="…">` made the whole Atom feed unreadable); in text, a typed
 * "&amp;" came back as "&".
 */
const HELD: readonly (readonly [string, string, string])[] = [
  ["&", "\u0001", "&amp;"],
  ["<", "\u0002", "&lt;"],
  [">", "\u0003", "&gt;"],
  ["\t", "\u0004", "&#9;"],
  ["\n", "\u0005", "&#10;"],
  ["\r", "\u0006", "&#13;"],
];
const hold = (s: string) => HELD.reduce((out, [c, held]) => out.replaceAll(c, held), xmlChars(s));
const release = (xml: string) =>
  HELD.reduce((out, [, held, ref]) => out.replaceAll(held, ref), xml);

/**
 * RSS 2.0 names people by Dublin Core's `dc:creator`, one a byline (its own `author` wants an
 * e-mail), the prefix declared on each: the library declares it on the feed only when it carries
 * whole texts.
 */
const DC = "http://purl.org/dc/elements/1.1/";
const JSON_FEED_1_1 = "https://jsonfeed.org/version/1.1";
/**
 * An item extension of several values: the library types its objects as one record, but writes
 * a list as it writes its own categories, one element each in XML, an array in JSON.
 */
const list = (values: readonly object[]) => values as unknown as Record<string, unknown>;

/**
 * A feed in one format, written by the `feed` library (dates, namespaces, layout). Entries name
 * people by name and page only: no e-mail, staff or reader, ever leaves the server. Every byline,
 * in order: RSS as `dc:creator`s, Atom as `author`s, JSON Feed 1.1 as `authors` (and 1.0's
 * `author`, the first, for older readers).
 */
export function feedDocument(
  format: FeedFormat,
  channel: FeedChannel,
  entries: readonly FeedEntry[],
): string {
  const xml = format !== "json";
  // What the library writes as XML text or an attribute's value: no character XML cannot hold,
  // reserved ones held (above); in its CDATA sections (title, description, content) no "]]>",
  // of which its writer splits only the first: a second one in a reader's comment ended the
  // section, and the feed with it.
  const text = (s: string) => (xml ? hold(s) : s);
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
    const authors = e.authors.map((a) => ({
      name: text(a.name),
      ...(a.url ? { link: a.url } : {}),
    }));
    feed.addItem({
      id: e.url,
      guid: e.url,
      link: e.url,
      title: xml ? cdata(escapeHtml(e.title)) : e.title,
      description: xml || e.contentHtml === undefined ? cdata(escapeHtml(e.summary)) : e.summary,
      ...(e.contentHtml !== undefined ? { content: cdata(e.contentHtml) } : {}),
      date: e.updated,
      published: e.published,
      ...(format === "rss" ? {} : { author: authors }),
      category: e.categories.map((c) => ({
        name: text(c.name),
        domain: text(c.url),
        term: text(c.name),
      })),
      ...(e.image
        ? { image: { url: e.image.url, type: e.image.type, length: e.image.bytes } }
        : {}),
      extensions:
        format === "rss"
          ? [
              {
                name: "dc:creator",
                objects: list(
                  authors.map((a) => ({ _attributes: { "xmlns:dc": DC }, _text: a.name })),
                ),
              },
            ]
          : format === "json"
            ? [
                {
                  name: "authors",
                  objects: list(authors.map(({ name, link }) => ({ name, url: link }))),
                },
              ]
            : [],
    });
  }
  if (format === "rss") return release(feed.rss2());
  if (format === "atom") return release(feed.atom1());
  // `authors` is JSON Feed 1.1's; the library names its output 1.0.
  return JSON.stringify(
    { ...(JSON.parse(feed.json1()) as object), version: JSON_FEED_1_1 },
    null,
    4,
  );
}
