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
   * An article page's related list (stored at write time by the related module): named by the
   * write that changed that list, which may be another article's publication or edit.
   */
  relatedList: (id: number) => `related:${id}`,
  /**
   * The media library: an upload, variants made, details changed, an image removed. The variant
   * makers of every process wake on it (jobs/make-media-variants.ts); pages showing an image
   * name their articles' keys instead.
   */
  media: "media",
} as const;
