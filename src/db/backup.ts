import fs from "node:fs";
import { sql, type Kysely, type RawBuilder } from "kysely";
import { DEFAULT_MIGRATION_LOCK_TABLE, DEFAULT_MIGRATION_TABLE } from "kysely/migration";
import type { Ctx } from "../ctx.js";
import { changeKeys } from "../lib/change-keys.js";
import type { Tables } from "./schema.js";
import type { Column, EngineAdapter } from "./engines/adapter.js";
import {
  BackupRefused,
  FORMAT,
  VERSION,
  endLine,
  headerLine,
  checkBackup,
  readBackup,
  rowLine,
  tableLine,
  writeAtomically,
  type BackupHeader,
} from "./backup-format.js";

export { BackupRefused } from "./backup-format.js";

export type Progress = (done: number, total: number) => void;

export interface BackupReport {
  file: string;
  bytes: number;
  seconds: number;
  /** Rows per table, in the file's order. */
  rows: Record<string, number>;
}

/**
 * Not site content: the migrator's own bookkeeping (the target has its own), the change log,
 * which only says what other processes must forget (a restore announces "everything" instead),
 * and the day's client-address salt, which must die with its day (decision 010): kept in a
 * backup, it would let that day's hashes be tested against addresses for as long as the file
 * lives. A restored site makes a new salt at its next post.
 */
const NOT_BACKED_UP = new Set<string>([
  DEFAULT_MIGRATION_TABLE,
  DEFAULT_MIGRATION_LOCK_TABLE,
  "change_log" satisfies keyof Tables,
  "ip_salts" satisfies keyof Tables,
  // Counters of the last minutes, keyed by client: nothing to keep, and nothing to restore.
  "rate_limits" satisfies keyof Tables,
  // Comment forms refused minutes ago, e-mails in them (decision 022): a reader's, not the site's.
  "refused_comment_forms" satisfies keyof Tables,
  // Made from the articles (search index, vocabulary, related vectors and lists): `kiosque
  // restore` rebuilds them after the articles are back (the pins, an editor's choice, are kept).
  // On PostgreSQL the index's `tsv` is a generated column, which an INSERT may not name.
  "search_documents" satisfies keyof Tables,
  "search_terms" satisfies keyof Tables,
  "related_terms" satisfies keyof Tables,
  "related_lists" satisfies keyof Tables,
]);

/** Rows read per keyset query: a million comments never sit in memory at once. */
const READ_BATCH = 1000;
/**
 * Bytes of rows held at once, reading or restoring: a table of images (`media_blobs`, megabytes a
 * row) must not come into memory a thousand rows at a time. Each table's first read takes a few
 * rows; the next ones take as many as fit, up to READ_BATCH.
 */
const BATCH_BYTES = 32 * 1024 * 1024;
const FIRST_BATCH = 16;

/** About what a row weighs in memory: bytes and text by their length, anything else a word. */
function weight(values: readonly unknown[]): number {
  let bytes = 0;
  for (const v of values)
    bytes += v instanceof Uint8Array ? v.byteLength : typeof v === "string" ? v.length : 8;
  return bytes;
}
/** Bound parameters per INSERT, under SQLite's 32,766 and PostgreSQL's 65,535. */
const MAX_PARAMETERS = 30_000;

interface TablePlan {
  name: string;
  columns: string[];
  /** Primary key, or every column for a table without one (then read by offset, see rowsOf). */
  key: string[];
  keyed: boolean;
}

/** The tables to save, parents before children so that restoring them in order satisfies keys. */
async function plan(db: Kysely<Tables>, engine: EngineAdapter): Promise<TablePlan[]> {
  const byTable = new Map<string, Column[]>();
  for (const c of await engine.columns(db)) {
    if (NOT_BACKED_UP.has(c.table)) continue;
    byTable.set(c.table, [...(byTable.get(c.table) ?? []), c]);
  }
  const parents = new Map<string, Set<string>>([...byTable.keys()].map((t) => [t, new Set()]));
  for (const { table, references } of await engine.references(db)) {
    // A table referring to itself (a reply's parent) is satisfied by key order: parents come first.
    if (table !== references && byTable.has(references)) parents.get(table)?.add(references);
  }
  const ordered: string[] = [];
  while (ordered.length < parents.size) {
    const ready = [...parents].find(
      ([t, ps]) => !ordered.includes(t) && [...ps].every((p) => ordered.includes(p)),
    );
    if (!ready) throw new Error(`foreign keys form a cycle among ${[...parents.keys()]}`);
    ordered.push(ready[0]);
  }
  return ordered.map((name) => {
    const columns = byTable.get(name) ?? [];
    const key = columns
      .filter((c) => c.key > 0)
      .sort((a, b) => a.key - b.key)
      .map((c) => c.column);
    const all = columns.map((c) => c.column);
    return { name, columns: all, key: key.length > 0 ? key : all, keyed: key.length > 0 };
  });
}

const list = (names: readonly string[]): RawBuilder<unknown> =>
  sql.join(names.map((n) => sql.ref(n)));

/**
 * A table's rows in key order, a batch at a time: after the last key seen (or by offset). Batches
 * are sized by the rows' weight (BATCH_BYTES), at most `batch` rows.
 */
async function* rowsOf(
  db: Kysely<Tables>,
  table: TablePlan,
  batch: number,
): AsyncGenerator<unknown[][]> {
  let last: unknown[] | undefined;
  let size = Math.min(FIRST_BATCH, batch);
  for (let offset = 0; ;) {
    const after =
      last && table.keyed ? sql`where (${list(table.key)}) > (${sql.join(last)})` : sql``;
    const skip = table.keyed ? sql`` : sql`offset ${offset}`;
    const { rows } = await sql<Record<string, unknown>>`select ${list(table.columns)}
      from ${sql.table(table.name)} ${after} order by ${list(table.key)} limit ${size} ${skip}`.execute(
      db,
    );
    if (rows.length === 0) return;
    const values = rows.map((r) => table.columns.map((c) => r[c]));
    yield values;
    if (rows.length < size) return;
    offset += rows.length;
    const end = rows[rows.length - 1] as Record<string, unknown>;
    last = table.key.map((c) => end[c]);
    const perRow = values.reduce((sum, v) => sum + weight(v), 0) / values.length;
    size = Math.max(1, Math.min(batch, Math.floor(BATCH_BYTES / Math.max(1, perRow))));
  }
}

async function appliedMigrations(db: Kysely<Tables>): Promise<string[]> {
  const migrations = sql.table(DEFAULT_MIGRATION_TABLE);
  const { rows } = await sql<{
    name: string;
  }>`select name from ${migrations} order by name`.execute(db);
  return rows.map((r) => r.name);
}

/**
 * Writes every table of the site to `file`, as of one instant, while the site keeps serving and
 * taking comments. `file` appears whole at the end, or not at all.
 */
export async function backup(
  ctx: Ctx,
  file: string,
  options: { onProgress?: Progress; batch?: number } = {},
): Promise<BackupReport> {
  const started = performance.now();
  const { engine } = ctx;
  const rows: Record<string, number> = {};
  const bytes = await engine.snapshot(async (db) => {
    const tables = await plan(db, engine);
    const header: BackupHeader = {
      format: FORMAT,
      version: VERSION,
      createdAt: ctx.clock.now().toISOString(),
      engine: engine.name,
      migrations: await appliedMigrations(db),
      tables: tables.map((t) => t.name),
      identities: await engine.identities(db),
    };
    let total = 0;
    for (const t of tables) {
      const { rows: count } = await sql<{ n: string | number }>`select count(*) as n
        from ${sql.table(t.name)}`.execute(db);
      total += ctx.engine.toNumber(count[0]?.n);
    }
    async function* chunks(): AsyncGenerator<string> {
      yield headerLine(header);
      let done = 0;
      for (const t of tables) {
        yield tableLine(t.name, t.columns);
        let n = 0;
        for await (const values of rowsOf(db, t, options.batch ?? READ_BATCH)) {
          yield values.map(rowLine).join("");
          n += values.length;
          done += values.length;
          options.onProgress?.(done, total);
        }
        rows[t.name] = n;
      }
      yield endLine(rows);
    }
    return writeAtomically(file, chunks());
  });
  return { file, bytes, rows, seconds: (performance.now() - started) / 1000 };
}

/**
 * Replaces every backed-up table's rows with the file's, in one transaction, then tells every
 * instance to forget all it cached. Refuses (BackupRefused, nothing written) a file that is not a
 * whole kiosque backup, one made at another schema version, and — unless `force` — a database
 * that already has articles or comments.
 */
export async function restore(
  ctx: Ctx,
  file: string,
  options: { force?: boolean; onProgress?: Progress } = {},
): Promise<BackupReport> {
  const started = performance.now();
  // A first reading writes nothing: a cut or corrupt file is refused before any row is touched.
  const { header, rows } = await checkBackup(file);
  const migrations = await appliedMigrations(ctx.db);
  if (migrations.join() !== header.migrations.join()) {
    throw new BackupRefused("KIOSQUE_BACKUP_SCHEMA_MISMATCH", {
      file,
      reason: "the backup and this database are at different schema versions",
      backup: header.migrations,
      database: migrations,
    });
  }
  const { rows: content } = await sql<{ n: string | number }>`select
    (select count(*) from articles) + (select count(*) from comments) as n`.execute(ctx.db);
  if (!options.force && ctx.engine.toNumber(content[0]?.n) > 0) {
    throw new BackupRefused("KIOSQUE_RESTORE_NOT_EMPTY", {
      file,
      reason: "this database already has articles or comments; --force replaces them",
    });
  }
  const total = Object.values(rows).reduce((a, b) => a + b, 0);
  await refusingDamage(file, () => replaceRows(ctx, file, header, total, options));
  const bytes = (await fs.promises.stat(file)).size;
  return { file, bytes, rows, seconds: (performance.now() - started) / 1000 };
}

/**
 * A file whose lines all read may still hold rows the schema refuses (edited or damaged on disk:
 * a comment of an article that is not there, an id twice, text where a number goes). The
 * database refuses the row, the transaction rolls back, nothing is written: the operator hears
 * it as the damaged backup it is, not as a database failure.
 */
async function refusingDamage(file: string, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    const code = String((error as { code?: unknown }).code ?? "");
    // SQLite's constraint and type refusals; PostgreSQL's classes 22 (data) and 23 (integrity).
    if (/^SQLITE_(CONSTRAINT|MISMATCH)|^2[23]/.test(code))
      throw new BackupRefused("KIOSQUE_BACKUP_DAMAGED", {
        file,
        reason: `a row does not fit the database (${(error as Error).message})`,
      });
    throw error;
  }
}

async function replaceRows(
  ctx: Ctx,
  file: string,
  header: BackupHeader,
  total: number,
  options: { onProgress?: Progress },
): Promise<void> {
  const tables = header.tables;
  await ctx.write(async (tx, changed) => {
    // Ids this database already handed out, read before its rows go: a reader of this site may
    // hold one in a cookie as surely as a reader of the backed-up one.
    const before = await tx.engine.identities(tx.db);
    const handedOut = { ...before };
    for (const [t, n] of Object.entries(header.identities ?? {}))
      if (Number.isSafeInteger(n)) handedOut[t] = Math.max(n, handedOut[t] ?? 0);
    // Children before parents, the reverse of the file's order.
    for (const t of [...tables].reverse()) await sql`delete from ${sql.table(t)}`.execute(tx.db);
    let table = "";
    let columns: string[] = [];
    let pending: unknown[][] = [];
    let pendingBytes = 0;
    let done = 0;
    const flush = async () => {
      if (pending.length === 0) return;
      await sql`insert into ${sql.table(table)} (${list(columns)})
        values ${sql.join(pending.map((r) => sql`(${sql.join(r)})`))}`.execute(tx.db);
      done += pending.length;
      pending = [];
      pendingBytes = 0;
      options.onProgress?.(done, total);
    };
    for await (const part of readBackup(file, () => {})) {
      if (part.kind === "table") {
        await flush();
        ({ table, columns } = part);
      } else {
        pending.push(part.values);
        pendingBytes += weight(part.values);
        if (
          (pending.length + 1) * columns.length > MAX_PARAMETERS ||
          pending.length >= 500 ||
          pendingBytes >= BATCH_BYTES
        )
          await flush();
      }
    }
    await flush();
    await tx.engine.resetIdentities(tx.db, tables, handedOut);
    changed(changeKeys.all);
  });
}
