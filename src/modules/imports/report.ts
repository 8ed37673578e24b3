import { detached } from "../../lib/detached.js";

/**
 * What an import did, for the operator: what was imported, what was there already (a second
 * run), what was skipped and why, and what needs a person's look. Counts by words, so the printed
 * report reads as a list.
 */
export interface ImportReport {
  dryRun: boolean;
  imported: Record<string, number>;
  already: Record<string, number>;
  skipped: Record<string, number>;
  unknownShortcodes: Record<string, number>;
  /** What the whole run could not do, said first (no source for the images). */
  notes: string[];
  /**
   * Lines for a person to check (capped: the count of the rest is the last line), but for the
   * published pages readers see broken, which are all named (one line per article or page).
   */
  look: string[];
}

/** Lines kept for "needs a look": enough to act on, not a second copy of the site. */
const LOOK_MAX = 500;

export class ReportBuilder {
  private readonly report: ImportReport;
  private lookDropped = 0;
  /** Lines of `lookAlways`, which the cap does not count. */
  private always = 0;

  constructor(dryRun: boolean) {
    this.report = {
      dryRun,
      imported: {},
      already: {},
      skipped: {},
      unknownShortcodes: {},
      notes: [],
      look: [],
    };
  }

  imported(what: string, n = 1): void {
    this.report.imported[what] = (this.report.imported[what] ?? 0) + n;
  }

  already(what: string, n = 1): void {
    if (n === 0) return;
    this.report.already[what] = (this.report.already[what] ?? 0) + n;
  }

  skipped(why: string, n = 1): void {
    this.report.skipped[why] = (this.report.skipped[why] ?? 0) + n;
  }

  unknown(codes: ReadonlyMap<string, number>): void {
    for (const [name, n] of codes) {
      const key = detached(name);
      this.report.unknownShortcodes[key] = (this.report.unknownShortcodes[key] ?? 0) + n;
    }
  }

  look(line: string): void {
    // A copy: the line is made of the item's fields, slices of the file's chunks (fields.ts).
    if (this.report.look.length - this.always < LOOK_MAX) this.report.look.push(detached(line));
    else this.lookDropped++;
  }

  /**
   * A line never dropped by the cap: a published article readers see broken is one the operator
   * must hear of, however many others there are. One per item, so bounded by the site's size.
   */
  lookAlways(line: string): void {
    this.report.look.push(detached(line));
    this.always++;
  }

  note(line: string): void {
    if (!this.report.notes.includes(line)) this.report.notes.push(line);
  }

  done(): ImportReport {
    const look = [...this.report.look];
    if (this.lookDropped > 0) look.push(`… and ${this.lookDropped} more`);
    return { ...this.report, notes: [...this.report.notes], look };
  }
}

const lines = (counts: Record<string, number>) =>
  Object.entries(counts)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([what, n]) => `  ${String(n).padStart(7)}  ${what}`);

/** The report as the command prints it. */
export function formatReport(r: ImportReport): string {
  const out: string[] = [];
  out.push(...r.notes);
  out.push(r.dryRun ? "Dry run: nothing was written. Would import:" : "Imported:");
  out.push(...(Object.keys(r.imported).length ? lines(r.imported) : ["  nothing"]));
  if (Object.keys(r.already).length)
    out.push("Already imported (left as they are):", ...lines(r.already));
  if (Object.keys(r.skipped).length) out.push("Skipped:", ...lines(r.skipped));
  if (Object.keys(r.unknownShortcodes).length)
    out.push("Shortcodes and blocks of unknown plugins (removed):", ...lines(r.unknownShortcodes));
  if (r.look.length) out.push("Needs a look:", ...r.look.map((l) => `  - ${l}`));
  return out.join("\n");
}
