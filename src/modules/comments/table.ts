import type { Generated } from "kysely";

export type CommentStatus = "pending" | "approved" | "spam" | "trash";

/**
 * What a comment is: one a reader wrote, or another site's notice that it cites the article
 * (WordPress's pingbacks and trackbacks, kept by an import). Mentions are listed apart and are
 * not in the article's comment count.
 */
export type CommentKind = "comment" | "pingback" | "trackback";
export const mentionKinds: readonly CommentKind[] = ["pingback", "trackback"];

export interface CommentsTable {
  id: Generated<number>;
  article_id: number;
  parent_id: number | null;
  /** The top-level comment of the thread (itself for a top-level one): one query loads a page of threads. */
  root_id: number | null;
  depth: number;
  author_name: string;
  /** Never rendered, never in feeds or JSON: kept for the moderators and for erasure requests. */
  author_email: string;
  author_website: string | null;
  body: string;
  status: CommentStatus;
  created_at: string;
  /** HMAC of the lower-cased e-mail with the site secret: avatars, "first comment" and duplicates, without the address. */
  email_hash: string;
  /** HMAC of the client IP with the site secret; the IP itself is never stored. */
  ip_hash: string | null;
  /**
   * The poster's client hashed for bans (moderation/bans.ts: no daily salt, so a ban made from
   * this comment still matches tomorrow); cleared with `ip_hash` (decision 016).
   */
  client_key: string | null;
  /** The newsroom member who wrote it (a staff reply, badged "Rédaction"); null for readers. */
  staff_user_id: number | null;
  /** When the newsroom put it first under its article; null when it is not featured. */
  featured_at: string | null;
  /** A reader's comment, or a mention (pingback, trackback): migration 021. */
  kind: Generated<CommentKind>;
}

/** What a comment said before an edit by the newsroom: each edit keeps the text it replaced. */
export interface CommentEditsTable {
  id: Generated<number>;
  comment_id: number;
  /** Who edited (a user id; 0 for the operator). */
  edited_by: number;
  edited_at: string;
  author_name: string;
  author_website: string | null;
  body: string;
}

/**
 * A comment form refused without JavaScript, for the page the reader is sent to after the post
 * (refused-form.ts, decision 022). Lives minutes; never backed up.
 */
export interface RefusedCommentFormsTable {
  /** Keyed hash of the random token in the reader's cookie: the table holds no usable key. */
  token_hash: string;
  article_id: number;
  /** JSON: `{ values, problems }`, the values as typed and a problem per field. */
  form: string;
  expires_at: string;
}

export interface CommentsTables {
  comments: CommentsTable;
  comment_edits: CommentEditsTable;
  refused_comment_forms: RefusedCommentFormsTable;
}
