import type { Generated } from "kysely";

export type CommentStatus = "pending" | "approved" | "spam" | "trash";

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
}

export interface CommentsTables {
  comments: CommentsTable;
}
