import type { Insertable, Kysely } from "kysely";
import type { Tables } from "../../db/schema.js";
import type { AuditLogTable } from "./table.js";

/**
 * Rows per INSERT: seven parameters each keeps a statement far under SQLite's 32,766 bound
 * parameters, and a bulk action over a thousand comments is two statements.
 */
const ROWS_PER_INSERT = 500;

/** The only write there is: rows are added, never changed or removed. */
export async function append(
  db: Kysely<Tables>,
  rows: readonly Insertable<AuditLogTable>[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT)
    await db
      .insertInto("audit_log")
      .values(rows.slice(i, i + ROWS_PER_INSERT))
      .execute();
}

export interface AuditQuery {
  actorId?: number | undefined;
  action?: string | undefined;
  /** ISO instants: from (inclusive), until (exclusive). */
  since?: string | undefined;
  until?: string | undefined;
  limit: number;
  offset: number;
}

/** Newest first, filtered; served by the (actor_id | action | —, created_at) indexes. */
export async function list(db: Kysely<Tables>, q: AuditQuery) {
  return db
    .selectFrom("audit_log")
    .selectAll()
    .$if(q.actorId !== undefined, (b) => b.where("actor_id", "=", q.actorId as number))
    .$if(q.action !== undefined, (b) => b.where("action", "=", q.action as string))
    .$if(q.since !== undefined, (b) => b.where("created_at", ">=", q.since as string))
    .$if(q.until !== undefined, (b) => b.where("created_at", "<", q.until as string))
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(q.limit)
    .offset(q.offset)
    .execute();
}
