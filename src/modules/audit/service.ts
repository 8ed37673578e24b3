import type { Ctx, TxCtx } from "../../ctx.js";
import * as repo from "./repo.js";

/**
 * Who acted. The audit log sits below the accounts module (which records its own actions here),
 * so it names the actor by id only: a signed-in person, or the operator at the command line
 * (accounts' `OPERATOR`, id 0).
 */
export interface AuditActor {
  readonly id: number;
}

/** One staff action, as a module records it. */
export interface AuditEntry {
  actor: AuditActor;
  /** What, as `<thing>.<verb>`: "comment.approve", "ban.lift", "person.role". */
  action: string;
  /** On what: `{ type: "comment", id: 12 }`; an action on the whole site names no id. */
  target: { type: string; id?: string | number | null };
  /**
   * What changed, for the people reading the journal: ids, statuses, field names. Never a
   * commenter's name, address or text, nor a password or a secret: the log is never rewritten,
   * so an erasure could not reach them there.
   */
  details?: Record<string, unknown>;
}

const row = (tx: TxCtx, e: AuditEntry) => ({
  actor_id: e.actor.id,
  action: e.action,
  target_type: e.target.type,
  target_id: e.target.id === undefined || e.target.id === null ? null : String(e.target.id),
  details: JSON.stringify(e.details ?? {}),
  created_at: tx.clock.now().toISOString(),
});

/**
 * Adds one action to the journal, in the transaction that makes it: if the action is rolled
 * back, so is its entry, and an action that happened always has one. Takes a TxCtx for that.
 */
export async function record(tx: TxCtx, entry: AuditEntry): Promise<void> {
  await repo.append(tx.db, [row(tx, entry)]);
}

/** Many entries at once (a bulk action: one per comment), in as few statements as fit. */
export async function recordMany(tx: TxCtx, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length > 0)
    await repo.append(
      tx.db,
      entries.map((e) => row(tx, e)),
    );
}

/** A journal entry, as the log holds it. */
export interface JournalEntry {
  id: number;
  actorId: number;
  action: string;
  targetType: string;
  targetId: string | null;
  details: Record<string, unknown>;
  at: string;
}

export type { AuditQuery } from "./repo.js";

/**
 * Entries newest first, filtered. Checks no permission: its caller does (the journal module's
 * `journal.list`, for admins), as the comments module's queues leave it to the desk.
 */
export async function entries(ctx: Ctx, query: repo.AuditQuery): Promise<JournalEntry[]> {
  const rows = await repo.list(ctx.db, query);
  return rows.map((r) => ({
    id: r.id,
    actorId: r.actor_id,
    action: r.action,
    targetType: r.target_type,
    targetId: r.target_id,
    details: parseDetails(r.details),
    at: r.created_at,
  }));
}

function parseDetails(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
