import type { Ctx } from "../../ctx.js";
import { changeKeys } from "../../lib/change-keys.js";
import { NotFound } from "../../lib/errors.js";
import { record } from "../moderation/index.js";
import { recountComments } from "./comment-count.js";
import { emailHash } from "./email-hash.js";
import { placeReply, TOP_LEVEL } from "./placement.js";
import * as repo from "./repo.js";
import { storeComment, type CommentToStore } from "./store.js";
import type { CommentStatus } from "./table.js";

export { discussionOpen } from "./discussion.js";
export { moderationQueue, mostCommentedSince, receivedPerDay, type Queue } from "./activity.js";
export { emailHash } from "./email-hash.js";
export { formStamp, freshStamp } from "./form-stamp.js";
export { postComment, type NewComment, type Posted } from "./post.js";
export { placeHeld, type HeldPlacement } from "./held.js";
export {
  heldComments,
  repliesPage,
  threadPage,
  REPLIES_PER_PAGE,
  type RepliesPage,
  type ThreadPage,
} from "./reading.js";

/** A moderator's decision on comments; logged, and the article's count kept right. */
export async function setStatus(
  ctx: Ctx,
  ids: readonly number[],
  status: CommentStatus,
  actor: string,
) {
  const changed: number[] = [];
  for (const id of ids) {
    const row = await repo.findById(ctx.db, id);
    if (!row) throw new NotFound("comment", { id });
    await ctx.write(async (tx, changed) => {
      await repo.setStatus(tx.db, id, status);
      // Every page that could show it is dropped, a held one's too: pages never hold a reader's
      // held comments (they are added for their author alone), and being sure costs one render.
      changed(changeKeys.article(row.article_id));
      await record(tx.db, id, actor, status, [{ rule: "manual" }], ctx.clock.now());
      await recountComments(tx, row.article_id);
    });
    changed.push(id);
  }
  return changed;
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
  return storeComment(
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
}
