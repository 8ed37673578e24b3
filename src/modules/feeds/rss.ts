import { Feed } from "feed";
import type { ArticleSummary } from "../articles/index.js";

export interface FeedSite {
  name: string;
  description: string;
  lang: string;
  origin: string;
  articleUrl(slug: string): string;
}

/**
 * RSS 2.0 of the latest articles. Written by the `feed` library (escaping, dates, namespaces).
 * Bylines carry the journalist's name only: no e-mail, staff or reader, ever leaves the server.
 */
export function rssXml(site: FeedSite, items: readonly ArticleSummary[]): string {
  const feed = new Feed({
    id: `${site.origin}/`,
    link: `${site.origin}/`,
    title: site.name,
    description: site.description,
    language: site.lang,
    copyright: site.name,
    generator: "Kiosque",
    feedLinks: { rss: `${site.origin}/feed.xml` },
    ...(items[0] ? { updated: new Date(items[0].updatedAt ?? items[0].publishedAt) } : {}),
  });
  for (const a of items) {
    const link = `${site.origin}${site.articleUrl(a.slug)}`;
    feed.addItem({
      id: link,
      link,
      title: a.title,
      description: a.standfirst,
      date: new Date(a.updatedAt ?? a.publishedAt),
      published: new Date(a.publishedAt),
      author: [{ name: a.author.name }],
      category: [{ name: a.category.name }],
    });
  }
  return feed.rss2();
}
