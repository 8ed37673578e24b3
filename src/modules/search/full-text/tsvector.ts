import { sql } from "kysely";
import type { Match } from "../query.js";
import type { FullTextQuery } from "./full-text.js";

/**
 * PostgreSQL full text over the `simple` configuration: the terms are already folded and
 * stemmed by us, so the engine must not stem again (`french` would, differently from SQLite).
 * The expression is built from our terms only (a–z, 0–9) and sent as a parameter.
 */
/** `weight` "A" keeps to the headline and tags (setweight in migration 015). */
function parts(m: Match, weight: "" | "A" = ""): string[] {
  const w = (term: string) => (weight ? `${term}:${weight}` : term);
  return [
    ...m.groups.map((g) => (g.length === 1 ? w(g[0]!) : `(${g.map(w).join(" | ")})`)),
    ...m.phrases.map((p) => `(${p.map(w).join(" <-> ")})`),
    ...(m.prefix ? [`${m.prefix}:*${weight}`] : []),
  ];
}

export function tsqueryExpression(m: Match): string {
  return parts(m).join(" & ");
}

const titleHas = (m: Match, join: " & " | " | ") =>
  sql`(d.tsv @@ to_tsquery('simple', ${parts(m, "A").join(join)}))::int`;

export const tsvector: FullTextQuery = {
  from: (m: Match) =>
    sql`search_documents d join articles a on a.id = d.article_id
      cross join to_tsquery('simple', ${tsqueryExpression(m)}) fq`,
  where: () => sql`d.tsv @@ fq`,
  id: sql<number>`d.article_id`,
  ids: (m: Match) =>
    sql`select article_id as id from search_documents where tsv @@ to_tsquery('simple', ${tsqueryExpression(m)})`,
  // Asked of each matching row only: no bound needed.
  rank: (m: Match) => sql<number>`(2 * ${titleHas(m, " & ")} + ${titleHas(m, " | ")})`,
};
