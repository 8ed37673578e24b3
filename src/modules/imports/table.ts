/** What things of a WordPress export became here (migration 018). */
export interface WordpressImportsTable {
  /** author, category, tag, attachment, attachment_url, post, page, comment; site (its key). */
  kind: MappedKind;
  /** The export's id (a login for an author, an image key for an attachment's address). */
  wp_id: string;
  kiosque_id: number;
  /** What Kiosque keeps no column for: a pingback's type, an attachment's parent post. */
  detail: string | null;
}

export type MappedKind =
  | "author"
  | "category"
  | "tag"
  | "attachment"
  | "attachment_url"
  | "post"
  | "page"
  | "comment"
  | "site";

export interface ImportsTables {
  wordpress_imports: WordpressImportsTable;
}
