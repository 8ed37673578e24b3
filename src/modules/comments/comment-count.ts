import type { TxCtx } from "../../ctx.js";
import { articles } from "../articles/index.js";
import * as repo from "./repo.js";

/**
 * The rule for an article's comment count: the comments readers see (approved, in a thread
 * whose comments above are approved too: repo.ts `hiddenApproved`), counted again (never incremented,
 * so a count that went wrong heals at the next change). The articles module only keeps the
 * number. Takes a TxCtx: the lock below means something only inside a transaction.
 */
export async function recountComments(tx: TxCtx, articleId: number): Promise<void> {
  // MUST come before the count: it makes a concurrent writer's count wait for this commit.
  await articles.lockForUpdate(tx, articleId);
  const approved = tx.engine.toNumber(await repo.countApproved(tx.db, articleId));
  const count = approved - (await repo.hiddenApproved(tx.db, articleId)).length;
  await articles.setCommentCount(tx, articleId, count);
}
