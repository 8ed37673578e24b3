import { escapeXml } from "../../lib/xml-text.js";

const element = (name: string, text: string | undefined) =>
  text === undefined || text === "" ? "" : `<${name}>${escapeXml(text)}</${name}>`;

export interface SitemapEntry {
  loc: string;
  lastmod?: string | undefined;
  /** Images the page shows (Google's image extension): their absolute addresses. */
  images?: readonly string[];
  /** For the news sitemap (Google News): the publication and the article. */
  news?: { publication: string; language: string; published: string; title: string };
}

const XML = `<?xml version="1.0" encoding="UTF-8"?>\n`;
const NS = [
  `xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"`,
  `xmlns:image="http://www.google.com/schemas/sitemap-image/1.1"`,
  `xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"`,
].join(" ");

function url(e: SitemapEntry): string {
  const images = (e.images ?? [])
    .map((i) => `<image:image>${element("image:loc", i)}</image:image>`)
    .join("");
  const news = e.news
    ? `<news:news><news:publication>${element("news:name", e.news.publication)}${element(
        "news:language",
        e.news.language,
      )}</news:publication>${element("news:publication_date", e.news.published)}${element(
        "news:title",
        e.news.title,
      )}</news:news>`
    : "";
  return `<url>${element("loc", e.loc)}${element("lastmod", e.lastmod)}${images}${news}</url>`;
}

/**
 * A sitemaps.org 0.9 document, with Google's image and news extensions where entries carry them.
 * Built by hand: a few elements, and escaping is all they need.
 */
export function sitemapXml(entries: readonly SitemapEntry[]): string {
  return `${XML}<urlset ${NS}>\n${entries.map(url).join("\n")}\n</urlset>\n`;
}

/** The sitemap index: every sitemap of the site, each with its latest change. */
export function sitemapIndexXml(sitemaps: readonly SitemapEntry[]): string {
  const items = sitemaps
    .map((s) => `<sitemap>${element("loc", s.loc)}${element("lastmod", s.lastmod)}</sitemap>`)
    .join("\n");
  return `${XML}<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${items}\n</sitemapindex>\n`;
}
