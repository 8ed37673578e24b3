import type { TxCtx } from "../../ctx.js";
import { changeKeys } from "../../lib/change-keys.js";
import { Invalid, NotFound } from "../../lib/errors.js";
import { gifs } from "../gifs/index.js";
import { histories, recordMany, record } from "../moderation/index.js";
import { recountComments } from "./comment-count.js";
import { emailHash } from "./email-hash.js";
import { placeReply } from "./placement.js";
import * as queueRepo from "./queue-repo.js";
import { storeComment } from "./store.js";
import type { CommentStatus } from "./table.js";
import { validateEdit, validateStaffReply, type RawForm } from "./validation.js";

/**
 * What the newsroom does to comments (the moderation desk): each function runs inside the
 * caller's transaction (it takes a TxCtx), so the desk records the staff action in the same one,
 * and each keeps the comments' own rules: a moderation log line per change, the article's count
 * recounted, and every page showing the article dropped from every cache.
 */

type Changed = (...keys: string[]) => void;

/** A status a moderator sets, or "restore": back to what it was before spam or the bin. */
export type StatusAction = CommentStatus | "restore";

/** One comment whose status a moderator's action changed. */
export interface StatusChange {
  id: number;
  articleId: number;
  from: CommentStatus;
  to: CommentStatus;
}

/**
 * Where "restore" sends a comment: the last status it had that was neither spam nor the bin, or
 * the queue of held comments when it never had one (the pipeline called it spam at once).
 */
async function restoredStatuses(tx: TxCtx, ids: readonly number[]) {
  const logs = await histories(tx.db, ids);
  const to = new Map<number, CommentStatus>();
  for (const id of ids) {
    const before = (logs.get(id) ?? [])
      .map((l) => l.status)
      .filter((s): s is "pending" | "approved" => s === "pending" || s === "approved");
    to.set(id, before.at(-1) ?? "pending");
  }
  return to;
}

/**
 * Sets the status of comments, as one moderator's decision (`actor`: "user:5"). Comments already
 * there are left alone (a second click, another moderator faster): only those that move are
 * logged and returned. "restore" moves only spam and binned comments.
 */
export async function changeStatus(
  tx: TxCtx,
  changed: Changed,
  ids: readonly number[],
  action: StatusAction,
  actor: string,
): Promise<StatusChange[]> {
  const rows = await queueRepo.statesOf(tx.db, ids);
  const candidates =
    action === "restore"
      ? rows.filter((r) => r.status === "spam" || r.status === "trash")
      : rows.filter((r) => r.status !== action);
  if (candidates.length === 0) return [];
  const targets =
    action === "restore"
      ? await restoredStatuses(
          tx,
          candidates.map((r) => r.id),
        )
      : new Map(candidates.map((r) => [r.id, action]));
  const moves: StatusChange[] = candidates.map((r) => ({
    id: r.id,
    articleId: r.article_id,
    from: r.status,
    to: targets.get(r.id) ?? "pending",
  }));
  const now = tx.clock.now();
  for (const to of new Set(moves.map((m) => m.to))) {
    const group = moves.filter((m) => m.to === to).map((m) => m.id);
    await queueRepo.setStatusOf(tx.db, group, to);
    await recordMany(tx.db, group, actor, to, [{ rule: "manual" }], now);
  }
  // Only a change to or from "approved" changes what readers see and count; every article
  // touched is still dropped from the caches (a held comment's author sees it on the page).
  const recount = new Set(
    moves.filter((m) => m.from === "approved" || m.to === "approved").map((m) => m.articleId),
  );
  for (const articleId of [...recount].sort((a, b) => a - b)) await recountComments(tx, articleId);
  changed(...new Set(moves.map((m) => changeKeys.article(m.articleId))));
  return moves;
}

async function staffRowOrThrow(tx: TxCtx, id: number) {
  const row = await queueRepo.staffRow(tx.db, id);
  if (!row) throw new NotFound("comment", { id });
  return row;
}

/**
 * Edits a comment's name, website and text. The text it replaces is kept (`comment_edits`), and
 * the moderation log says which fields changed. Returns those fields (none: nothing was written).
 */
export async function editComment(
  tx: TxCtx,
  changed: Changed,
  id: number,
  raw: RawForm,
  editor: { id: number; actor: string },
): Promise<{ articleId: number; fields: string[] }> {
  const checked = validateEdit(raw, await tx.settings());
  if (!checked.ok) throw new Invalid("KIOSQUE_DESK_INVALID", checked.problems, { comment: id });
  const row = await staffRowOrThrow(tx, id);
  const next = checked.value;
  const fields = [
    next.name !== row.author_name ? "name" : "",
    next.website !== row.author_website ? "website" : "",
    next.body !== row.body ? "body" : "",
  ].filter(Boolean);
  if (fields.length === 0) return { articleId: row.article_id, fields };
  const now = tx.clock.now();
  await queueRepo.insertEdit(tx.db, {
    comment_id: id,
    edited_by: editor.id,
    edited_at: now.toISOString(),
    author_name: row.author_name,
    author_website: row.author_website,
    body: row.body,
  });
  await queueRepo.updateText(tx.db, id, {
    author_name: next.name,
    author_website: next.website,
    body: next.body,
  });
  await record(
    tx.db,
    id,
    editor.actor,
    row.status,
    [{ rule: "edit", detail: fields.join(",") }],
    now,
  );
  changed(changeKeys.article(row.article_id));
  return { articleId: row.article_id, fields };
}

/**
 * Puts a published comment first under its article, or takes it back. A comment that is not
 * published cannot be featured (readers would not see it).
 */
export async function setFeatured(
  tx: TxCtx,
  changed: Changed,
  id: number,
  featured: boolean,
): Promise<{ articleId: number; changed: boolean }> {
  const row = await staffRowOrThrow(tx, id);
  if (featured && row.status !== "approved")
    throw new Invalid("KIOSQUE_DESK_INVALID", { comment: { problem: "notPublished" } }, { id });
  // A mention (pingback, trackback) is listed apart from the comments, never first among them.
  if (featured && row.kind !== "comment")
    throw new Invalid("KIOSQUE_DESK_INVALID", { comment: { problem: "choice" } }, { id });
  if ((row.featured_at !== null) === featured) return { articleId: row.article_id, changed: false };
  await queueRepo.setFeatured(tx.db, id, featured ? tx.clock.now().toISOString() : null);
  changed(changeKeys.article(row.article_id));
  return { articleId: row.article_id, changed: true };
}

/**
 * Takes a comment's GIF away and keeps its text (the desk's "remove the GIF"): its kept files
 * leave the store, and the pages that show it are dropped. `removed` is the GIF's title, or
 * undefined when the comment had none.
 */
export async function removeGif(
  tx: TxCtx,
  changed: Changed,
  id: number,
): Promise<{ articleId: number; removed: string | undefined }> {
  const row = await staffRowOrThrow(tx, id);
  const removed = await gifs.detach(tx, id);
  if (removed !== undefined && row.status === "approved")
    changed(changeKeys.article(row.article_id));
  return { articleId: row.article_id, removed };
}

/** Who answers for the newsroom: the signed-in person's account. */
export interface StaffAuthor {
  id: number;
  name: string;
  email: string;
}

export interface StaffReplied {
  id: number;
  articleId: number;
  /** The comment answered was held, and answering it published it (as WordPress does). */
  approvedParent: boolean;
}

/**
 * Answers a comment as the newsroom: published at once, under the person's name, marked as the
 * newsroom's. Answering a held comment publishes it first; a spam or binned one is refused.
 */
export async function staffReply(
  tx: TxCtx,
  changed: Changed,
  parentId: number,
  raw: RawForm,
  author: StaffAuthor,
): Promise<StaffReplied> {
  const settings = await tx.settings();
  const checked = validateStaffReply(raw, settings);
  if (!checked.ok)
    throw new Invalid("KIOSQUE_DESK_INVALID", checked.problems, { comment: parentId });
  const parent = await staffRowOrThrow(tx, parentId);
  if (parent.status === "spam" || parent.status === "trash")
    throw new Invalid("KIOSQUE_DESK_INVALID", { body: { problem: "notPublished" } }, { parentId });
  // A mention is not a thread: an answer under it would be shown nowhere.
  if (parent.kind !== "comment")
    throw new Invalid("KIOSQUE_DESK_INVALID", { body: { problem: "choice" } }, { parentId });
  const actor = `user:${author.id}`;
  const approvedParent =
    parent.status === "pending" &&
    (await changeStatus(tx, changed, [parentId], "approved", actor)).length > 0;
  const now = tx.clock.now();
  const { id } = await storeComment(
    tx,
    {
      articleId: parent.article_id,
      place: placeReply(
        {
          id: parent.id,
          parentId: parent.parent_id,
          rootId: parent.root_id,
          depth: parent.depth,
        },
        settings["comments.maxDepth"],
      ),
      name: author.name,
      email: author.email,
      website: null,
      body: checked.body,
      status: "approved",
      createdAt: now,
      emailHash: emailHash(tx, author.email),
      ipHash: null,
      staffUserId: author.id,
    },
    { actor, reasons: [{ rule: "staff" }], at: now },
  );
  return { id, articleId: parent.article_id, approvedParent };
}
