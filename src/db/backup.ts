import fs from "node:fs";
import SQLite from "better-sqlite3";
import { Kysely, SqliteDialect, sql, type RawBuilder } from "kysely";
import { DEFAULT_MIGRATION_LOCK_TABLE, DEFAULT_MIGRATION_TABLE } from "kysely/migration";
import type { Ctx } from "../ctx.js";
import { changeKeys } from "../lib/change-keys.js";
import type { Database } from "./schema.js";
import type { Engine } from "./dialect.js";
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

type Db = Kysely<Database>;
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
  "change_log" satisfies keyof Database,
  "ip_salts" satisfies keyof Database,
]);

/** Rows read per keyset query: a million comments never sit in memory at once. */
const READ_BATCH = 1000;
/** Bound parameters per INSERT, under SQLite's 32,766 and PostgreSQL's 65,535. */
const MAX_PARAMETERS = 30_000;

interface Column {
  table: string;
  column: string;
  /** Position in the primary key, from 1; 0 when not part of it. */
  key: number;
}
interface TablePlan {
  name: string;
  columns: string[];
  /** Primary key, or every column for a table without one (then read by offset, see rowsOf). */
  key: string[];
  keyed: boolean;
}

/** Where the engines differ for backup and restore, side by side. */
interface BackupEngine {
  /** Runs `read` in one read-only transaction that sees the database as of one instant. */
  snapshot<T>(ctx: Ctx, read: (db: Db) => Promise<T>): Promise<T>;
  /** This schema's base tables, their columns in order with primary-key positions. */
  columns(db: Db): Promise<Column[]>;
  /** Table → table it references by a foreign key. */
  references(db: Db): Promise<{ table: string; references: string }[]>;
  /** After rows came back with their own ids: make the next generated id follow the largest. */
  resetIdentities(db: Db, tables: readonly string[]): Promise<void>;
}

const engines: Record<Engine, BackupEngine> = {
  sqlite: {
    // Its own connection: the site's one connection stays free for writers meanwhile. In WAL mode
    // a read transaction sees the database as of its first read, whatever commits after.
    async snapshot(ctx, read) {
      if (ctx.config.database.engine !== "sqlite") throw new Error("not a SQLite configuration");
      const handle = new SQLite(ctx.config.database.file, { readonly: true, fileMustExist: true });
      handle.pragma("busy_timeout = 5000");
      const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: handle }) });
      try {
        return await db.connection().execute(async (conn) => {
          await sql`begin`.execute(conn);
          try {
            return await read(conn);
          } finally {
            await sql`rollback`.execute(conn);
          }
        });
      } finally {
        await db.destroy();
      }
    },
    columns: async (db) =>
      (
        await sql<Column>`select t.name as "table", c.name as "column", c.pk as "key"
          from pragma_table_list t join pragma_table_info(t.name) c
          where t.schema = 'main' and t.type = 'table' and t.name not like 'sqlite_%'
          order by t.name, c.cid`.execute(db)
      ).rows,
    references: async (db) =>
      (
        await sql<{ table: string; references: string }>`select t.name as "table",
            f."table" as "references"
          from pragma_table_list t join pragma_foreign_key_list(t.name) f
          where t.schema = 'main' and t.type = 'table'`.execute(db)
      ).rows,
    // AUTOINCREMENT keeps the largest id ever inserted (sqlite_sequence) by itself.
    resetIdentities: async () => {},
  },
  postgres: {
    snapshot: (ctx, read) =>
      ctx.db
        .transaction()
        .setIsolationLevel("repeatable read")
        .setAccessMode("read only")
        .execute(read),
    columns: async (db) =>
      (
        await sql<Column>`select t.relname as "table", a.attname as "column", coalesce((
            select k.n from unnest(i.indkey) with ordinality k(num, n) where k.num = a.attnum
          ), 0)::int as "key"
          from pg_class t join pg_attribute a on a.attrelid = t.oid
          left join pg_index i on i.indrelid = t.oid and i.indisprimary
          where t.relkind = 'r' and t.relnamespace = current_schema()::regnamespace
            and a.attnum > 0 and not a.attisdropped
          order by t.relname, a.attnum`.execute(db)
      ).rows,
    references: async (db) =>
      (
        await sql<{ table: string; references: string }>`select t.relname as "table",
            r.relname as "references"
          from pg_constraint f join pg_class t on t.oid = f.conrelid
          join pg_class r on r.oid = f.confrelid
          where f.contype = 'f' and f.connamespace = current_schema()::regnamespace`.execute(db)
      ).rows,
    async resetIdentities(db, tables) {
      const generated = await sql<{ table: string; column: string }>`select table_name as "table",
          column_name as "column"
        from information_schema.columns where table_schema = current_schema()
          and (is_identity = 'YES' or column_default like 'nextval(%')`.execute(db);
      for (const { table, column } of generated.rows) {
        if (!tables.includes(table)) continue;
        const [t, c] = [sql.table(table), sql.ref(column)];
        await sql`select setval(pg_get_serial_sequence(${`"${table}"`}, ${column}),
          coalesce((select max(${c}) from ${t}), 0) + 1, false)`.execute(db);
      }
    },
  },
};

/** The tables to save, parents before children so that restoring them in order satisfies keys. */
async function plan(db: Db, engine: BackupEngine): Promise<TablePlan[]> {
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

/** A table's rows in key order, a batch at a time: after the last key seen (or by offset). */
async function* rowsOf(db: Db, table: TablePlan, batch: number): AsyncGenerator<unknown[][]> {
  let last: unknown[] | undefined;
  for (let offset = 0; ; offset += batch) {
    const after =
      last && table.keyed ? sql`where (${list(table.key)}) > (${sql.join(last)})` : sql``;
    const skip = table.keyed ? sql`` : sql`offset ${offset}`;
    const { rows } = await sql<Record<string, unknown>>`select ${list(table.columns)}
      from ${sql.table(table.name)} ${after} order by ${list(table.key)} limit ${batch} ${skip}`.execute(
      db,
    );
    if (rows.length === 0) return;
    const values = rows.map((r) => table.columns.map((c) => r[c]));
    yield values;
    const end = rows[rows.length - 1] as Record<string, unknown>;
    last = table.key.map((c) => end[c]);
    if (rows.length < batch) return;
  }
}

async function appliedMigrations(db: Db): Promise<string[]> {
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
  const engine = engines[ctx.dialect.engine];
  const rows: Record<string, number> = {};
  const bytes = await engine.snapshot(ctx, async (db) => {
    const tables = await plan(db, engine);
    const header: BackupHeader = {
      format: FORMAT,
      version: VERSION,
      createdAt: ctx.clock.now().toISOString(),
      engine: ctx.dialect.engine,
      migrations: await appliedMigrations(db),
      tables: tables.map((t) => t.name),
    };
    let total = 0;
    for (const t of tables) {
      const { rows: count } = await sql<{ n: string | number }>`select count(*) as n
        from ${sql.table(t.name)}`.execute(db);
      total += ctx.dialect.toNumber(count[0]?.n);
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
  if (!options.force && ctx.dialect.toNumber(content[0]?.n) > 0) {
    throw new BackupRefused("KIOSQUE_RESTORE_NOT_EMPTY", {
      file,
      reason: "this database already has articles or comments; --force replaces them",
    });
  }
  const tables = header.tables;
  const total = Object.values(rows).reduce((a, b) => a + b, 0);
  const engine = engines[ctx.dialect.engine];
  await ctx.write(async (trx, changed) => {
    // Children before parents, the reverse of the file's order.
    for (const t of [...tables].reverse()) await sql`delete from ${sql.table(t)}`.execute(trx);
    let table = "";
    let columns: string[] = [];
    let pending: unknown[][] = [];
    let done = 0;
    const flush = async () => {
      if (pending.length === 0) return;
      await sql`insert into ${sql.table(table)} (${list(columns)})
        values ${sql.join(pending.map((r) => sql`(${sql.join(r)})`))}`.execute(trx);
      done += pending.length;
      pending = [];
      options.onProgress?.(done, total);
    };
    for await (const part of readBackup(file, () => {})) {
      if (part.kind === "table") {
        await flush();
        ({ table, columns } = part);
      } else {
        pending.push(part.values);
        if ((pending.length + 1) * columns.length > MAX_PARAMETERS || pending.length >= 500)
          await flush();
      }
    }
    await flush();
    await engine.resetIdentities(trx, tables);
    changed(changeKeys.all);
  });
  const bytes = (await fs.promises.stat(file)).size;
  return { file, bytes, rows, seconds: (performance.now() - started) / 1000 };
}
