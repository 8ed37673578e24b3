/**
 * Change keys: the vocabulary of "what changed", shared by the writers (services name the keys
 * their transaction changes) and the page cache (each cached page lists the keys it depends on,
 * and is dropped when one of them changes). One place, so a writer and a reader never spell a key
 * differently. Not to be confused with an article's tags: `tag(id)` is the key of the listing
 * page of one article tag.
 */
export const changeKeys = {
  /** Everything: settings, sections (the navigation), demo seeding, a restore. */
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
  /**
   * The media library: an upload, variants made, details changed, an image removed. The variant
   * makers of every process wake on it (jobs/make-media-variants.ts); pages showing an image
   * name their articles' keys instead.
   */
  media: "media",
} as const;
