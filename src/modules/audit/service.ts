import type { Ctx, TxCtx } from "../../ctx.js";
import { Invalid } from "../../lib/errors.js";
import { isCalendarDay, nextDay, startOfDay } from "../../lib/zoned-day.js";
import { canReadJournal, ensure, type Actor } from "../accounts/index.js";
import * as repo from "./repo.js";

/** One staff action, as a module records it. */
export interface AuditEntry {
  /** Who acted: a signed-in person, or the operator (`OPERATOR`, id 0) at the command line. */
  actor: Pick<Actor, "id">;
  /** What, as `<thing>.<verb>`: "comment.approve", "ban.lift", "article.publish". */
  action: string;
  /** On what: `{ type: "comment", id: 12 }`; an action on the whole site names no id. */
  target: { type: string; id?: string | number | null };
  /**
   * What changed, for the people reading the journal: ids, statuses, field names. Never a
   * commenter's name, address or text: the log is never rewritten, so an erasure could not reach
   * them there.
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

/** A journal entry as the admin page lists it. */
export interface JournalEntry {
  id: number;
  actorId: number;
  action: string;
  targetType: string;
  targetId: string | null;
  details: Record<string, unknown>;
  at: string;
}

/** The journal's filters, as the page's query string gives them. */
export interface JournalFilters {
  /** A person's id as the filter gives it ("0": the operator). */
  person?: string | undefined;
  action?: string | undefined;
  /** Days (YYYY-MM-DD) in the site's time zone, both included. */
  from?: string | undefined;
  to?: string | undefined;
  page: number;
}

export const JOURNAL_PAGE_SIZE = 50;

export interface JournalPage {
  entries: JournalEntry[];
  page: number;
  /** Whether there is a page after this one (counting a large log would cost a whole read). */
  hasNext: boolean;
}

/** A page of the journal, newest first. Admins only. */
export async function list(ctx: Ctx, actor: Actor, filters: JournalFilters): Promise<JournalPage> {
  ensure(actor, canReadJournal);
  const problems: Record<string, { problem: "choice" }> = {};
  const person = filters.person;
  if (person !== undefined && !/^\d{1,10}$/.test(person)) problems.person = { problem: "choice" };
  for (const key of ["from", "to"] as const) {
    const day = filters[key];
    if (day !== undefined && !isCalendarDay(day)) problems[key] = { problem: "choice" };
  }
  if (Object.keys(problems).length > 0) throw new Invalid("KIOSQUE_JOURNAL_INVALID", problems);
  const zone = (await ctx.settings())["site.timezone"];
  const rows = await repo.list(ctx.db, {
    actorId: person === undefined || problems.person ? undefined : Number(person),
    action: filters.action,
    since: filters.from && startOfDay(filters.from, zone).toISOString(),
    until: filters.to && startOfDay(nextDay(filters.to), zone).toISOString(),
    limit: JOURNAL_PAGE_SIZE + 1,
    offset: (filters.page - 1) * JOURNAL_PAGE_SIZE,
  });
  return {
    entries: rows.slice(0, JOURNAL_PAGE_SIZE).map((r) => ({
      id: r.id,
      actorId: r.actor_id,
      action: r.action,
      targetType: r.target_type,
      targetId: r.target_id,
      details: parseDetails(r.details),
      at: r.created_at,
    })),
    page: filters.page,
    hasNext: rows.length > JOURNAL_PAGE_SIZE,
  };
}

function parseDetails(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
