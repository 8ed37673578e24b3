import type { VNode } from "preact";
import { attr, html, keptMarkup } from "./html.js";
import type { Site } from "./site.js";
import { paths, type FeedFormat } from "./urls.js";

/** A feed a page offers to feed readers (autodiscovery), besides the site's own. */
export interface PageFeed {
  title: string;
  path: string;
  format: FeedFormat;
}

/** What a share shows (Open Graph, and Twitter's card which reads it). */
export interface ShareCard {
  type: "website" | "article";
  title: string;
  description: string;
  image?: { src: string; width?: number; height?: number; alt: string; type?: string } | undefined;
  article?: {
    publishedTime: string;
    modifiedTime?: string | undefined;
    section: string;
    tags: readonly string[];
    /** The bylines' pages. */
    authors: readonly string[];
  };
}

const FEED_TYPES: Record<FeedFormat, string> = {
  rss: "application/rss+xml",
  atom: "application/atom+xml",
  json: "application/feed+json",
};
const FORMAT_NAMES: Record<FeedFormat, string> = { rss: "RSS", atom: "Atom", json: "JSON" };

/** Autodiscovery: the site's feeds in every format, then this page's own. */
export function feedLinks(site: Site, feeds: readonly PageFeed[] = []): VNode[] {
  const siteFeeds: PageFeed[] = (["rss", "atom", "json"] as const).map((format) => ({
    title: `${site.name} (${FORMAT_NAMES[format]})`,
    path: paths.feeds.site(format),
    format,
  }));
  return [...siteFeeds, ...feeds].map((f) => {
    const title = attr("title", f.title);
    return html`<link rel="alternate" type="${FEED_TYPES[f.format]}"${title} href="${f.path}"/>`;
  });
}

/** A listing's feeds in every format, titled after the page. */
export function feedsOf(title: string, path: (format: FeedFormat) => string): PageFeed[] {
  return (["rss", "atom", "json"] as const).map((format) => ({
    title: `${title} (${FORMAT_NAMES[format]})`,
    path: path(format),
    format,
  }));
}

/**
 * Open Graph and Twitter card. Their addresses must be absolute: without a public origin
 * (KIOSQUE_PUBLIC_URL) a page names no URL or image there rather than a relative one that
 * networks would reject — the page cache serves every Host the same bytes.
 */
export function shareMeta(site: Site, card: ShareCard, canonicalPath: string | undefined): VNode {
  const absolute = (path: string) => {
    const u = site.canonical(path);
    return /^https?:\/\//.test(u) ? u : undefined;
  };
  const url = canonicalPath === undefined ? undefined : absolute(canonicalPath);
  const image = card.image ? absolute(card.image.src) : undefined;
  const a = card.article;
  // As Preact writes them: an empty content is a bare attribute; an optional tag is there when
  // its content is truthy.
  const meta = (property: string, content: string | number) =>
    html`<meta property="${property}"${attr("content", content)}/>`;
  const optional = (property: string, content: string | number | undefined) =>
    content ? meta(property, content) : null;
  return html`
    ${meta("og:site_name", site.name)}
    ${meta("og:type", card.type)}
    ${meta("og:title", card.title)}
    ${optional("og:description", card.description)}
    ${optional("og:url", url)}
    ${meta("og:locale", site.t.intlLocale.replace("-", "_"))}
    ${
      image && card.image
        ? html`
          ${meta("og:image", image)}
          ${optional("og:image:type", card.image.type)}
          ${optional("og:image:width", card.image.width)}
          ${optional("og:image:height", card.image.height)}
          ${meta("og:image:alt", card.image.alt)}`
        : null
    }
    ${
      a
        ? html`
          ${meta("article:published_time", a.publishedTime)}
          ${optional("article:modified_time", a.modifiedTime)}
          ${meta("article:section", a.section)}
          ${a.tags.map((tag) => meta("article:tag", tag))}
          ${a.authors.map((path) => optional("article:author", absolute(path)))}`
        : null
    }
    <meta name="twitter:card" content="${image ? "summary_large_image" : "summary"}"/>`;
}

/**
 * JSON-LD as a script's text: `<`, `>` and `&` escaped as JSON escapes, so no text in it (a
 * headline holding `</script>`) can close the element; U+2028/9 too, for old parsers.
 */
export function jsonLdText(data: object): string {
  return JSON.stringify(data).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

export function structuredData(items: readonly object[]): VNode[] {
  // jsonLdText escapes what could end the script: its text goes in as it is.
  return items.map(
    (item) => html`<script type="application/ld+json">${keptMarkup(jsonLdText(item))}</script>`,
  );
}
