import type { Ctx } from "../../src/ctx.js";
import { comments, type CommentStatus } from "../../src/modules/comments/index.js";

let n = 0;

/** Comments of one status on an article, a minute apart (newest last), by new readers. */
export async function seedComments(
  ctx: Ctx,
  articleId: number,
  count: number,
  over: {
    status?: CommentStatus;
    body?: (i: number) => string;
    name?: (i: number) => string;
    email?: (i: number) => string;
    parentId?: number | null;
  } = {},
): Promise<number[]> {
  const ids: number[] = [];
  const start = ctx.clock.now().getTime() - count * 60_000;
  for (let i = 0; i < count; i++) {
    const k = ++n;
    ids.push(
      await comments.importComment(
        ctx,
        {
          articleId,
          parentId: over.parentId ?? null,
          name: over.name?.(i) ?? `Lecteur ${k}`,
          email: over.email?.(i) ?? `lecteur${k}@example.net`,
          website: null,
          body: over.body?.(i) ?? `Avis numéro ${k}.`,
          status: over.status ?? "pending",
          createdAt: new Date(start + i * 60_000),
        },
        "test",
      ),
    );
  }
  return ids;
}

/** Every row of the journal, oldest first. */
export async function journal(ctx: Ctx) {
  return ctx.db.selectFrom("audit_log").selectAll().orderBy("id").execute();
}

/** A comment's status as stored. */
export async function statusOf(ctx: Ctx, id: number): Promise<string | undefined> {
  const row = await ctx.db
    .selectFrom("comments")
    .select("status")
    .where("id", "=", id)
    .executeTakeFirst();
  return row?.status;
}
