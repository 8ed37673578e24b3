import type { Ctx } from "../../ctx.js";
import { Invalid, NotFound } from "../../lib/errors.js";
import { FormReader, type RawForm } from "../../lib/form-fields.js";
import { nextTurn } from "../../lib/next-turn.js";
import { parseRowId } from "../../lib/row-id.js";
import { canModerate, ensure, type Actor } from "../accounts/index.js";
import { audit } from "../audit/index.js";
import {
  comments,
  type MenuCounts,
  type QueueFilter,
  type QueueMark,
  type QueuePage,
  type StaffAuthor,
  type StatusChange,
} from "../comments/index.js";

/**
 * The moderation desk's rules: who may act (`canModerate`), and every action written with its
 * entry in the journal (audit) in one transaction. The comments module keeps its own rules
 * (log, counts, caches) in the functions called here.
 */

/** Someone acting on the desk: a signed-in person, or the operator at the command line. */
export interface Moderator extends Actor {
  /** How the moderation log names them: "user:5" unless said ("cli:alice"). */
  readonly via?: string;
}

const logName = (m: Moderator) => m.via ?? `user:${m.id}`;

/** What a moderator does to comments' status, by the name the forms and the journal use. */
export const deskActions = ["approve", "spam", "trash", "restore"] as const;
export type DeskAction = (typeof deskActions)[number];

const statusFor = {
  approve: "approved",
  spam: "spam",
  trash: "trash",
  restore: "restore",
} as const;

/**
 * Comments per transaction in a bulk action: a thousand comments are two, so a long action never
 * holds the database's write lock for long, and each batch's pages are dropped as it commits.
 */
export const BULK_BATCH = 500;
/** Comments one request may name (a selection); a whole queue goes by `actOnQueue`. */
export const MAX_SELECTED = 1000;

export async function queue(
  ctx: Ctx,
  actor: Actor,
  filter: QueueFilter,
  page: number,
): Promise<QueuePage> {
  ensure(actor, canModerate);
  return comments.queuePage(ctx, filter, page);
}

/**
 * The counts the newsroom's menu shows a moderator (pending, spam), on every page and, live, to
 * the menu's island (`GET /admin/commentaires/compteurs`).
 */
export async function menuCounts(ctx: Ctx, actor: Actor): Promise<MenuCounts> {
  ensure(actor, canModerate);
  return comments.menuCounts(ctx);
}

async function actOnBatch(
  ctx: Ctx,
  actor: Moderator,
  ids: readonly number[],
  action: DeskAction,
  requireAll: boolean,
): Promise<StatusChange[]> {
  return ctx.write(async (tx, changed) => {
    if (requireAll) await comments.requireAll(tx, ids);
    const moved = await comments.changeStatus(tx, changed, ids, statusFor[action], logName(actor));
    await audit.recordMany(
      tx,
      moved.map((m) => ({
        actor,
        action: `comment.${action}`,
        target: { type: "comment", id: m.id },
        details: { from: m.from, to: m.to, article: m.articleId },
      })),
    );
    return moved;
  });
}

/**
 * Approves, marks as spam, bins or restores these comments (a selection, or one): a batch per
 * transaction. Comments already there are left alone and not journaled. An unknown id refuses
 * its batch.
 */
export async function act(
  ctx: Ctx,
  actor: Moderator,
  ids: readonly number[],
  action: DeskAction,
): Promise<StatusChange[]> {
  ensure(actor, canModerate);
  const unique = [...new Set(ids)];
  const moved: StatusChange[] = [];
  for (let i = 0; i < unique.length; i += BULK_BATCH) {
    if (i > 0) await nextTurn();
    moved.push(...(await actOnBatch(ctx, actor, unique.slice(i, i + BULK_BATCH), action, true)));
  }
  return moved;
}

/**
 * The same action on a whole filtered queue, as the moderator saw it: every comment matching,
 * from the newest they were shown (`upTo`) down, a batch per transaction. Returns how many moved.
 */
export async function actOnQueue(
  ctx: Ctx,
  actor: Moderator,
  filter: QueueFilter,
  upTo: number,
  action: DeskAction,
): Promise<number> {
  ensure(actor, canModerate);
  const mark = await markOf(ctx, upTo);
  let moved = 0;
  for await (const ids of comments.queueBatches(ctx, filter, mark, BULK_BATCH)) {
    moved += (await actOnBatch(ctx, actor, ids, action, false)).length;
    await nextTurn();
  }
  return moved;
}

/** Where the queue stood for the moderator: the newest comment they were shown. */
async function markOf(ctx: Ctx, id: number): Promise<QueueMark> {
  const row = await comments.staffComment(ctx, id);
  // Gone since (erased): nothing newer than the moment of the action then.
  return row
    ? { createdAt: row.createdAt, id: row.id }
    : { createdAt: ctx.clock.now().toISOString(), id };
}

/** The action a form names, or Invalid (`action`: not one of them). */
export function readAction(value: unknown): DeskAction {
  const form = new FormReader({ action: value });
  const action = form.choice("action", deskActions);
  if (!action) throw new Invalid("KIOSQUE_DESK_INVALID", form.problems);
  return action;
}

/** A bulk form: the action, then a selection of ids or the whole filtered queue. */
export interface BulkRequest {
  action: DeskAction;
  scope: "selection" | "queue";
  ids: number[];
  upTo: number | undefined;
}

/** Reads the bulk form; refuses (Invalid, per field) a missing action or an empty selection. */
export function readBulk(raw: RawForm): BulkRequest {
  const form = new FormReader(raw);
  const action = form.choice("action", deskActions);
  const scope = form.choice("portee", ["selection", "queue"] as const, "selection");
  const ids = form
    .list("ids", { max: 20, maxItems: MAX_SELECTED })
    .map((v) => parseRowId(v))
    .filter((id): id is number => id !== undefined);
  const upToText = form.text("jusqua", { max: 20 });
  const upTo = upToText ? parseRowId(upToText) : undefined;
  if (scope === "selection" && ids.length === 0) form.refuse("ids", { problem: "required" });
  if (scope === "queue" && upTo === undefined) form.refuse("ids", { problem: "required" });
  if (!form.ok || !action || !scope) throw new Invalid("KIOSQUE_DESK_INVALID", form.problems);
  return { action, scope, ids, upTo };
}

/** Edits a comment's name, website or text; the original is kept. Returns the fields changed. */
export async function edit(
  ctx: Ctx,
  actor: Moderator,
  id: number,
  raw: RawForm,
): Promise<string[]> {
  ensure(actor, canModerate);
  return ctx.write(async (tx, changed) => {
    const done = await comments.editComment(tx, changed, id, raw, {
      id: actor.id,
      actor: logName(actor),
    });
    if (done.fields.length > 0)
      await audit.record(tx, {
        actor,
        action: "comment.edit",
        target: { type: "comment", id },
        details: { fields: done.fields, article: done.articleId },
      });
    return done.fields;
  });
}

/** Puts a comment first under its article, or takes it back. */
export async function feature(
  ctx: Ctx,
  actor: Moderator,
  id: number,
  featured: boolean,
): Promise<boolean> {
  ensure(actor, canModerate);
  return ctx.write(async (tx, changed) => {
    const done = await comments.setFeatured(tx, changed, id, featured);
    if (done.changed)
      await audit.record(tx, {
        actor,
        action: featured ? "comment.feature" : "comment.unfeature",
        target: { type: "comment", id },
        details: { article: done.articleId },
      });
    return done.changed;
  });
}

/**
 * Takes a comment's GIF away, keeping its text; journaled with the GIF's title. False when the
 * comment had none (nothing done, nothing journaled); NotFound for an unknown comment.
 */
export async function removeGif(ctx: Ctx, actor: Moderator, id: number): Promise<boolean> {
  ensure(actor, canModerate);
  return ctx.write(async (tx, changed) => {
    const done = await comments.removeGif(tx, changed, id);
    if (done.removed === undefined) return false;
    await audit.record(tx, {
      actor,
      action: "comment.gif-remove",
      target: { type: "comment", id },
      details: { article: done.articleId, title: done.removed },
    });
    return true;
  });
}

/** Answers a comment for the newsroom, as the signed-in person (a held one is approved first). */
export async function reply(
  ctx: Ctx,
  actor: Moderator & StaffAuthor,
  parentId: number,
  raw: RawForm,
) {
  ensure(actor, canModerate);
  return ctx.write(async (tx, changed) => {
    const done = await comments.staffReply(tx, changed, parentId, raw, actor);
    if (done.approvedParent)
      await audit.record(tx, {
        actor,
        action: "comment.approve",
        target: { type: "comment", id: parentId },
        details: { from: "pending", to: "approved", article: done.articleId, reply: done.id },
      });
    await audit.record(tx, {
      actor,
      action: "comment.reply",
      target: { type: "comment", id: done.id },
      details: { parent: parentId, article: done.articleId },
    });
    return done;
  });
}

/** A comment the desk's forms show (edit, ban): NotFound when it is gone. */
export async function comment(ctx: Ctx, actor: Actor, id: number) {
  ensure(actor, canModerate);
  const found = await comments.staffComment(ctx, id);
  if (!found) throw new NotFound("comment", { id });
  return found;
}
