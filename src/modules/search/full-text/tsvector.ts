import { sql } from "kysely";
import type { Match } from "../query.js";
import type { FullTextQuery } from "./full-text.js";

/**
 * PostgreSQL full text over the `simple` configuration: the terms are already folded and
 * stemmed by us, so the engine must not stem again (`french` would, differently from SQLite).
 * The expression is built from our terms only (letters and digits, none of tsquery's operators)
 * and sent as a parameter.
 */
function parts(m: Match): string[] {
  return [
    ...m.groups.map((g) => (g.length === 1 ? g[0]! : `(${g.join(" | ")})`)),
    ...m.phrases.map((p) => `(${p.join(" <-> ")})`),
    ...(m.prefix ? [`${m.prefix}:*`] : []),
  ];
}

export function tsqueryExpression(m: Match): string {
  return parts(m).join(" & ");
}

export const tsvector: FullTextQuery = {
  from: (m: Match) =>
    sql`search_documents d join articles a on a.id = d.article_id
      cross join to_tsquery('simple', ${tsqueryExpression(m)}) fq`,
  where: () => sql`d.tsv @@ fq`,
  id: sql<number>`d.article_id`,
};
