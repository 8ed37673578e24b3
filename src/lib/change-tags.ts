/**
 * The vocabulary of "what changed", shared by the writers (services announce tags when they
 * commit) and the page cache (each cached page lists the tags it depends on). One place, so a
 * writer and a reader never spell a tag differently.
 */
export const changeTags = {
  /** Everything: settings, sections (the navigation), demo seeding. */
  all: "all",
  /** An article's own page, and every listing that shows its title or comment count. */
  article: (id: number) => `article:${id}`,
  home: "home",
  category: (id: number) => `category:${id}`,
  tag: (id: number) => `tag:${id}`,
  author: (id: number) => `author:${id}`,
  feed: "feed",
  sitemap: "sitemap",
  /**
   * Article pages whose "related" list is drawn from this section or tag: a new or edited
   * article there may enter their list.
   */
  relatedByCategory: (id: number) => `related:category:${id}`,
  relatedByTag: (id: number) => `related:tag:${id}`,
} as const;
