import type { Ctx } from "../../ctx.js";
import { changeKeys } from "../../lib/change-keys.js";
import { NotFound } from "../../lib/errors.js";
import { record } from "../moderation/index.js";
import { recountComments } from "./comment-count.js";
import { emailHash } from "./email-hash.js";
import { buildThreads, type PublicComment } from "./model.js";
import { placeReply, TOP_LEVEL } from "./placement.js";
import * as repo from "./repo.js";
import { storeComment, type CommentToStore } from "./store.js";
import type { CommentStatus } from "./table.js";

export { discussionOpen } from "./discussion.js";
export { emailHash } from "./email-hash.js";
export { formStamp, freshStamp } from "./form-stamp.js";
export { postComment, type NewComment, type Posted } from "./post.js";

export interface ThreadPage {
  threads: PublicComment[];
  page: number;
  totalPages: number;
}

/** One page of an article's threads, as this reader may see them (with the reader's own pending comments). */
export async function threadPage(
  ctx: Ctx,
  articleId: number,
  page: number,
  ownIds: readonly number[],
): Promise<ThreadPage> {
  const settings = await ctx.settings();
  const perPage = settings["comments.perPage"];
  const total = ctx.engine.toNumber(await repo.countRoots(ctx.db, articleId, ownIds));
  const totalPages = Math.max(1, Math.ceil(total / perPage));
  const current = Math.min(Math.max(1, page), totalPages);
  const roots = await repo.pageOfRoots(
    ctx.db,
    articleId,
    ownIds,
    settings["comments.order"],
    perPage,
    (current - 1) * perPage,
  );
  const rootIds = roots.map((r) => r.id);
  const rows = await repo.threads(ctx.db, rootIds, ownIds);
  return { threads: buildThreads(rootIds, rows), page: current, totalPages };
}

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
      // Readers see approved comments only: a change to or from "approved" changes pages.
      if (row.status === "approved" || status === "approved")
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
