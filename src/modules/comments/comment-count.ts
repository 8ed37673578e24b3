import type { Ctx } from "../../ctx.js";
import { articles } from "../articles/index.js";
import * as repo from "./repo.js";

/**
 * The rule for an article's comment count: its approved comments, counted again (never
 * incremented, so a count that went wrong heals at the next change). The articles module only
 * keeps the number. Runs in the caller's transaction (`db`).
 */
export async function recountComments(
  ctx: Pick<Ctx, "dialect">,
  db: Ctx["db"],
  articleId: number,
): Promise<void> {
  // MUST come before the count: it makes a concurrent writer's count wait for this commit.
  await articles.lockForUpdate({ db }, articleId);
  const count = ctx.dialect.toNumber(await repo.countApproved(db, articleId));
  await articles.setCommentCount({ db }, articleId, count);
}
