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

export async function history(db: Kysely<Tables>, commentId: number) {
  return (await repo.logFor(db, commentId)).map((r) => ({
    actor: r.actor,
    status: r.status,
    reasons: JSON.parse(r.reasons) as Reason[],
    at: r.created_at,
  }));
}
