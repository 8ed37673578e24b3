import type { Kysely } from "kysely";
import type { Tables } from "../../db/schema.js";
import type { Reason } from "./phase.js";
import * as repo from "./repo.js";

/** Writes one decision to the append-only log. Runs inside the caller's transaction. */
export async function record(
  db: Kysely<Tables>,
  commentId: number,
  actor: string,
  status: string,
  reasons: readonly Reason[],
  at: Date,
): Promise<void> {
  await repo.appendLog(db, {
    comment_id: commentId,
    actor,
    status,
    reasons: JSON.stringify(reasons),
    created_at: at.toISOString(),
  });
}

/** The same decision on many comments (a bulk action), in as few statements as fit. */
export async function recordMany(
  db: Kysely<Tables>,
  commentIds: readonly number[],
  actor: string,
  status: string,
  reasons: readonly Reason[],
  at: Date,
): Promise<void> {
  const text = JSON.stringify(reasons);
  const created = at.toISOString();
  await repo.appendLogs(
    db,
    commentIds.map((id) => ({
      comment_id: id,
      actor,
      status,
      reasons: text,
      created_at: created,
    })),
  );
}

export interface LogLine {
  actor: string;
  status: string;
  reasons: Reason[];
  at: string;
}

const line = (r: { actor: string; status: string; reasons: string; created_at: string }) => ({
  actor: r.actor,
  status: r.status,
  reasons: JSON.parse(r.reasons) as Reason[],
  at: r.created_at,
});

export async function history(db: Kysely<Tables>, commentId: number): Promise<LogLine[]> {
  return (await repo.logFor(db, commentId)).map(line);
}

/** The log of each of these comments, oldest line first: one query for a page of the desk. */
export async function histories(
  db: Kysely<Tables>,
  commentIds: readonly number[],
): Promise<Map<number, LogLine[]>> {
  const out = new Map<number, LogLine[]>();
  for (const r of await repo.logsFor(db, commentIds)) {
    const list = out.get(r.comment_id) ?? [];
    list.push(line(r));
    out.set(r.comment_id, list);
  }
  return out;
}
