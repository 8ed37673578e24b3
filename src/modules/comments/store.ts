import type { Ctx, TxCtx } from "../../ctx.js";
import { changeKeys } from "../../lib/change-keys.js";
import { gifs, type KeptGif } from "../gifs/index.js";
import { record, type Reason } from "../moderation/index.js";
import { recountComments } from "./comment-count.js";
import type { Place } from "./placement.js";
import * as repo from "./repo.js";
import type { CommentStatus } from "./table.js";

/** A comment whose place and fate are decided: what every way of writing one stores. */
export interface CommentToStore {
  articleId: number;
  place: Place;
  name: string;
  email: string;
  website: string | null;
  body: string;
  status: CommentStatus;
  createdAt: Date;
  emailHash: string;
  ipHash: string | null;
  /** The client's key for bans (moderation/bans.ts); null without an address. */
  clientKey?: string | null;
  /** A reply from the newsroom: its author's account. */
  staffUserId?: number | null;
  /** The GIF it carries, already fetched (gifs.keepOffered): stored in the same transaction. */
  gif?: KeptGif | undefined;
}

/** The moderation log line that goes with it: who decided its status, why, and when. */
export interface Decided {
  actor: string;
  reasons: readonly Reason[];
  at: Date;
  /**
   * Asked first inside the write: a hold to add (its reasons), or a refusal thrown, which
   * writes nothing. For what another post could change between the screening and the write.
   */
  lastLook?: (tx: TxCtx) => Promise<{ held: boolean; reasons: readonly Reason[] }>;
}

/** The comment as written: its id, and the status and reasons its last look may have changed. */
export interface Stored {
  id: number;
  status: CommentStatus;
  reasons: readonly Reason[];
}

/**
 * Writes one comment in one transaction: the comment, its thread root, its moderation log line
 * and the article's count land together or not at all. A published comment changes the pages
 * that show its article; a held or spam one changes none.
 */
export async function storeComment(
  ctx: Ctx,
  comment: CommentToStore,
  decided: Decided,
): Promise<Stored> {
  const { articleId, place } = comment;
  return ctx.write(async (tx, changed) => {
    const late = await decided.lastLook?.(tx);
    const status = late?.held && comment.status === "approved" ? "pending" : comment.status;
    // A rule the screening already named, named again, is one reason.
    const news = late?.reasons.filter((r) => !decided.reasons.some((d) => d.rule === r.rule));
    const reasons = news?.length ? [...decided.reasons, ...news] : decided.reasons;
    const id = await repo.insert(tx.db, {
      article_id: articleId,
      parent_id: place.parentId,
      root_id: place.rootId,
      depth: place.depth,
      author_name: comment.name,
      author_email: comment.email,
      author_website: comment.website,
      body: comment.body,
      status,
      created_at: comment.createdAt.toISOString(),
      email_hash: comment.emailHash,
      ip_hash: comment.ipHash,
      client_key: comment.clientKey ?? null,
      staff_user_id: comment.staffUserId ?? null,
    });
    // A top-level comment roots its own thread: its id is known only now.
    if (place.rootId === null) await repo.setRoot(tx.db, id, id);
    if (comment.gif) await gifs.attach(tx, id, comment.gif);
    await record(tx.db, id, decided.actor, status, reasons, decided.at);
    if (status === "approved") {
      await recountComments(tx, articleId);
      changed(changeKeys.article(articleId));
    }
    return { id, status, reasons };
  });
}
