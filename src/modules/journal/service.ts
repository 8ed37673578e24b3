import type { Ctx } from "../../ctx.js";
import { Invalid } from "../../lib/errors.js";
import { endOfDay, isCalendarDay, startOfDay } from "../../lib/zoned-day.js";
import { canReadJournal, ensure, type Actor } from "../accounts/index.js";
import { audit, type JournalEntry } from "../audit/index.js";

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
  const rows = await audit.entries(ctx, {
    actorId: person === undefined ? undefined : Number(person),
    action: filters.action,
    since: filters.from && startOfDay(filters.from, zone)?.toISOString(),
    // Undefined for the last day there is: open-ended, as no filter (endOfDay).
    until: filters.to && endOfDay(filters.to, zone)?.toISOString(),
    limit: JOURNAL_PAGE_SIZE + 1,
    offset: (filters.page - 1) * JOURNAL_PAGE_SIZE,
  });
  return {
    entries: rows.slice(0, JOURNAL_PAGE_SIZE),
    page: filters.page,
    hasNext: rows.length > JOURNAL_PAGE_SIZE,
  };
}
