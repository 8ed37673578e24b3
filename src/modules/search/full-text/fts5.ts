import { sql, type RawBuilder } from "kysely";
import type { Match } from "../query.js";
import type { FullTextQuery } from "./full-text.js";

/**
 * SQLite FTS5. Terms hold only a–z and 0–9 (lib/french-text.ts) and are still quoted, so no
 * word of the reader's is ever read as FTS5 syntax (NEAR, OR, a column filter, `*`, `-`).
 */
const q = (term: string) => `"${term}"`;

function parts(m: Match): string[] {
  return [
    ...m.groups.map((g) => (g.length === 1 ? q(g[0]!) : `(${g.map(q).join(" OR ")})`)),
    ...m.phrases.map((p) => q(p.join(" "))),
    ...(m.prefix ? [`${q(m.prefix)}*`] : []),
  ];
}

export function fts5Expression(m: Match): string {
  return parts(m).join(" AND ");
}

/** The headline-and-tags column only: every part of the match, or any. */
const inTitle = (m: Match, join: " AND " | " OR ") => `title_terms : (${parts(m).join(join)})`;
const titleHas = (m: Match, join: " AND " | " OR ", minId: number) =>
  sql`(search_fts.rowid in (select rowid from search_fts
    where search_fts match ${inTitle(m, join)} and rowid >= ${minId}))`;

export const fts5: FullTextQuery = {
  // CROSS JOIN: SQLite keeps the FTS5 table outside, so the match drives and each hit finds its
  // article by key (left to itself, the planner may walk the articles and probe the index).
  from: () => sql`search_fts cross join articles a on a.id = search_fts.rowid`,
  where: (m: Match): RawBuilder<unknown> => sql`search_fts match ${fts5Expression(m)}`,
  id: sql<number>`search_fts.rowid`,
  ids: (m: Match) =>
    sql`select rowid as id from search_fts where search_fts match ${fts5Expression(m)}`,
  // The headline's matches are read once per statement (an IN list), from `minId` on only.
  rank: (m: Match, minId = 0) =>
    sql<number>`(2 * ${titleHas(m, " AND ", minId)} + ${titleHas(m, " OR ", minId)})`,
};
