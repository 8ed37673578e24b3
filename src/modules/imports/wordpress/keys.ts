/**
 * How long the keys an import finds things again by (`wordpress_imports.wp_id`) and the old
 * addresses it records may be. WordPress's ids are numbers (an item without one is keyed by its
 * guid, 255 characters in WordPress), its logins 60 characters, its slugs 200. A longer one is no
 * WordPress export's, and PostgreSQL's index refuses a key past about 2,700 bytes: a 3,000-
 * character `wp:post_id` stopped every run there, while SQLite took it. On both engines the thing
 * is left out, or imported without that key, and said in the report.
 */
export const KEY_MAX = {
  /** A post's, page's, attachment's or comment's id. */
  id: 255,
  login: 60,
  /** A category's or tag's nicename, as the export spells it (percent-encoded). */
  slug: 200,
  /** An old address's path, or an image's (4 bytes a character at most: under the limit). */
  address: 500,
} as const;

export const tooLong = (key: string, what: keyof typeof KEY_MAX) => key.length > KEY_MAX[what];

/** A key as the report shows it: a long one cut, with its length. */
export const shownKey = (key: string) =>
  key.length > 40 ? `${key.slice(0, 40)}… (${key.length} characters)` : key;
