import type { Ctx, TxCtx } from "../../ctx.js";
import { NotFound } from "../../lib/errors.js";
import { emailHash } from "./email-hash.js";
import { placeReply, TOP_LEVEL } from "./placement.js";
import * as repo from "./repo.js";
import { statesOf } from "./queue-repo.js";
import { changeStatus } from "./staff.js";
import { storeComment, type CommentToStore } from "./store.js";
import type { CommentStatus } from "./table.js";

export { discussionOpen } from "./discussion.js";
export { moderationQueue, mostCommentedSince, receivedPerDay, type Queue } from "./activity.js";
export { emailHash } from "./email-hash.js";
export { formStamp, freshStamp } from "./form-stamp.js";
export { postComment, type NewComment, type Posted } from "./post.js";
export {
  forgetExpiredRefused,
  forgetRefused,
  keepRefused,
  refusedForm,
  refusedFormNow,
  REFUSED_FORM_TTL_S,
  type RefusedForm,
  type RefusedFormInput,
} from "./refused-form.js";
export { placeHeld, type HeldPlacement } from "./held.js";
export {
  changeStatus,
  editComment,
  removeGif,
  setFeatured,
  staffReply,
  type StaffAuthor,
  type StaffReplied,
  type StatusAction,
  type StatusChange,
} from "./staff.js";
export {
  COUNT_CAP,
  QUEUE_PAGE_SIZE,
  pendingCount,
  menuCounts,
  queueBatches,
  queuePage,
  queueStatuses,
  staffComment,
  type Count,
  type MenuCounts,
  type DeskComment,
  type QueueFilter,
  type QueueMark,
  type QueuePage,
} from "./queue.js";
export {
  heldComments,
  latestForFeed,
  repliesPage,
  threadPage,
  REPLIES_PER_PAGE,
  type Mention,
  type RepliesPage,
  type ThreadPage,
} from "./reading.js";

/**
 * A moderator's decision on comments, in one transaction: logged, the articles' counts kept
 * right, their pages dropped. An unknown id refuses the whole decision (NotFound). The desk
 * (modules/desk) does the same through `changeStatus`, with the staff action recorded.
 */
export async function setStatus(
  ctx: Ctx,
  ids: readonly number[],
  status: CommentStatus,
  actor: string,
) {
  await ctx.write(async (tx, changed) => {
    await requireAll(tx, ids);
    await changeStatus(tx, changed, ids, status, actor);
  });
  return [...ids];
}

/** Refuses (NotFound) when one of these comments does not exist. */
export async function requireAll(tx: TxCtx, ids: readonly number[]): Promise<void> {
  const found = new Set((await statesOf(tx.db, ids)).map((r) => r.id));
  const missing = ids.find((id) => !found.has(id));
  if (missing !== undefined) throw new NotFound("comment", { id: missing });
}

export async function listForStaff(ctx: Ctx, status: CommentStatus | undefined, limit: number) {
  return repo.listForStaff(ctx.db, status, limit);
}

/** What an import knows of a comment: the stored fields less those derived here. */
export type ImportedComment = Omit<CommentToStore, "place" | "emailHash" | "ipHash"> & {
  parentId: number | null;
};

/**
 * Writes a comment whose fate is already decided (demo content, imports from another platform):
 * no form rules, no pipeline, but the same placement, thread bookkeeping, log line and count.
 * A parent that does not exist leaves the comment at the top level.
 */
export async function importComment(
  ctx: Ctx,
  input: ImportedComment,
  actor: string,
): Promise<number> {
  const parent = input.parentId !== null ? await repo.findById(ctx.db, input.parentId) : undefined;
  const place = parent
    ? placeReply(
        { id: parent.id, parentId: parent.parent_id, rootId: parent.root_id, depth: parent.depth },
        (await ctx.settings())["comments.maxDepth"],
      )
    : TOP_LEVEL;
  const { id } = await storeComment(
    ctx,
    {
      articleId: input.articleId,
      place,
      name: input.name,
      email: input.email,
      website: input.website,
      body: input.body,
      status: input.status,
      createdAt: input.createdAt,
      emailHash: emailHash(ctx, input.email),
      ipHash: null,
    },
    { actor, reasons: [{ rule: "import" }], at: ctx.clock.now() },
  );
  return id;
}
