import { avatarFor, type Avatar } from "../../lib/avatar.js";
import type { CommentGif } from "../gifs/index.js";
import { nestsReplies } from "./placement.js";

/** A comment as readers may see it: never the e-mail or IP. */
export interface PublicComment {
  id: number;
  parentId: number | null;
  depth: number;
  authorName: string;
  authorWebsite: string | null;
  body: string;
  createdAt: string;
  /** "pending" only ever reaches the reader who wrote it. */
  status: "approved" | "pending";
  /** Erased at its author's request but answered by others: shown as an empty place. */
  erased: boolean;
  /** Written by a member of the newsroom (a staff reply): shown with a "Rédaction" badge. */
  staff: boolean;
  /** Whose staff reply it is (their account): "Auteur" when they signed the article. */
  staffUserId: number | null;
  avatar: Avatar;
  /** The GIF it carries, from Kiosque's kept copy (reading.ts `withGifs` fills it in). */
  gif: CommentGif | null;
  replies: PublicComment[];
}

/** Readers answer published comments only, and only where a reply still nests. */
export function acceptsReplies(c: { status: string; depth: number }, maxDepth: number): boolean {
  return c.status === "approved" && nestsReplies(c.depth, maxDepth);
}

export interface PublicRow {
  id: number;
  parent_id: number | null;
  depth: number;
  author_name: string;
  author_website: string | null;
  body: string;
  status: string;
  created_at: string;
  email_hash: string;
  staff_user_id: number | null;
}

export function toPublic(r: PublicRow): PublicComment {
  return {
    id: r.id,
    parentId: r.parent_id,
    depth: r.depth,
    authorName: r.author_name,
    authorWebsite: r.author_website,
    body: r.body,
    createdAt: r.created_at,
    status: r.status === "approved" ? "approved" : "pending",
    // Posted comments always have a name; erasure leaves it empty (repo.blankOut).
    erased: r.author_name === "",
    staff: r.staff_user_id !== null,
    staffUserId: r.staff_user_id,
    // A held (or spam) comment is drawn without its address: see lib/avatar.ts.
    avatar: avatarFor(r.author_name, r.status === "approved" ? r.email_hash : null),
    gif: null,
    replies: [],
  };
}

/** Rows of whole threads (oldest first) → trees, in the order of `rootIds`. Orphans are dropped. */
export function buildThreads(
  rootIds: readonly number[],
  rows: readonly PublicRow[],
): PublicComment[] {
  const byId = new Map<number, PublicComment>();
  for (const row of rows) byId.set(row.id, toPublic(row));
  for (const c of byId.values()) {
    if (c.parentId !== null) byId.get(c.parentId)?.replies.push(c);
  }
  return rootIds.flatMap((id) => byId.get(id) ?? []);
}

/** Every comment of these trees, replies included. */
export function allOf(list: readonly PublicComment[]): PublicComment[] {
  return list.flatMap((c) => [c, ...allOf(c.replies)]);
}
