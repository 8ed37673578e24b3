import { sql, type RawBuilder } from "kysely";
import type { Match } from "../query.js";
import type { FullTextQuery } from "./full-text.js";

/**
 * SQLite FTS5. Terms hold only letters and digits (lib/french-text.ts) and are still quoted, so no
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

export const fts5: FullTextQuery = {
  // CROSS JOIN: SQLite keeps the FTS5 table outside, so the match drives (in rowid order, which
  // FTS5 gives either way without sorting) and each hit finds its rows by key. The document is
  // joined rather than read through FTS5's external content, which would read its body terms too.
  from: () => sql`search_fts
    cross join search_documents d on d.article_id = search_fts.rowid
    cross join articles a on a.id = search_fts.rowid`,
  where: (m: Match): RawBuilder<unknown> => sql`search_fts match ${fts5Expression(m)}`,
  id: sql<number>`search_fts.rowid`,
};
