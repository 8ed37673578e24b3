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
export function FeedLinks({ site, feeds = [] }: { site: Site; feeds?: readonly PageFeed[] }) {
  const siteFeeds: PageFeed[] = (["rss", "atom", "json"] as const).map((format) => ({
    title: `${site.name} (${FORMAT_NAMES[format]})`,
    path: paths.feeds.site(format),
    format,
  }));
  return (
    <>
      {[...siteFeeds, ...feeds].map((f) => (
        <link rel="alternate" type={FEED_TYPES[f.format]} title={f.title} href={f.path} />
      ))}
    </>
  );
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
export function ShareMeta({
  site,
  card,
  canonicalPath,
}: {
  site: Site;
  card: ShareCard;
  canonicalPath: string | undefined;
}) {
  const absolute = (path: string) => {
    const u = site.canonical(path);
    return /^https?:\/\//.test(u) ? u : undefined;
  };
  const url = canonicalPath === undefined ? undefined : absolute(canonicalPath);
  const image = card.image ? absolute(card.image.src) : undefined;
  const a = card.article;
  return (
    <>
      <meta property="og:site_name" content={site.name} />
      <meta property="og:type" content={card.type} />
      <meta property="og:title" content={card.title} />
      {card.description ? <meta property="og:description" content={card.description} /> : null}
      {url ? <meta property="og:url" content={url} /> : null}
      <meta property="og:locale" content={site.t.intlLocale.replace("-", "_")} />
      {image && card.image ? (
        <>
          <meta property="og:image" content={image} />
          {card.image.type ? <meta property="og:image:type" content={card.image.type} /> : null}
          {card.image.width ? (
            <meta property="og:image:width" content={String(card.image.width)} />
          ) : null}
          {card.image.height ? (
            <meta property="og:image:height" content={String(card.image.height)} />
          ) : null}
          <meta property="og:image:alt" content={card.image.alt} />
        </>
      ) : null}
      {a ? (
        <>
          <meta property="article:published_time" content={a.publishedTime} />
          {a.modifiedTime ? (
            <meta property="article:modified_time" content={a.modifiedTime} />
          ) : null}
          <meta property="article:section" content={a.section} />
          {a.tags.map((tag) => (
            <meta property="article:tag" content={tag} />
          ))}
          {a.authors.map((path) => {
            const author = absolute(path);
            return author ? <meta property="article:author" content={author} /> : null;
          })}
        </>
      ) : null}
      <meta name="twitter:card" content={image ? "summary_large_image" : "summary"} />
    </>
  );
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

export function StructuredData({ items }: { items: readonly object[] }) {
  return (
    <>
      {items.map((item) => (
        <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLdText(item) }} />
      ))}
    </>
  );
}
