import type { TxCtx } from "../../ctx.js";
import { related } from "../related/index.js";
import { search } from "../search/index.js";

type Changed = (...keys: string[]) => void;

/**
 * Search and the related lists follow every change of what readers see of an article, in the
 * transaction that made it: a rolled-back save leaves them as they were, and no queue has to be
 * trusted across instances (decision 019). MUST run after the article's row, tags and status are
 * written: it reads them back. Search first: related weighs the terms search just counted.
 */
export async function reindexArticle(tx: TxCtx, changed: Changed, id: number): Promise<void> {
  const doc = await search.refreshDocument(tx, id);
  await related.refresh(tx, changed, id, doc);
}
