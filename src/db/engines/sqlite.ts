import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import {
  CompiledQuery,
  Kysely,
  SqliteDialect,
  SqliteDriver,
  SqliteQueryCompiler,
  sql,
  type DatabaseConnection,
  type Driver,
  type SqliteDatabase,
} from "kysely";
import { ConfigError, type Config } from "../../config/index.js";
import { BytesRemain } from "../../lib/bytes-remain.js";
import { offerDirectReads } from "../../lib/compiled-once.js";
import { fanOut, type ChangeFeed, type ChangeHandler } from "../notify.js";
import type { Tables } from "../schema.js";
import {
  answers,
  queryLog,
  type Column,
  type EngineAdapter,
  type QueryObserver,
  type Storage,
} from "./adapter.js";
import { sqliteDriverProblem } from "./sqlite-driver.js";

/** Change-log rows older than this have been read by every live process. */
const LOG_RETENTION_MS = 3_600_000;
/** Distinct statements kept prepared; the application sends a few dozen shapes. */
const STATEMENT_CACHE_SIZE = 500;

/** SQLite's page cache per connection, in KiB (see openSqlite). */
const PAGE_CACHE_KIB = 4096;

/** Checkpoint retries while another process reads: ~5 s in all, then say so. */
const CHECKPOINT_ATTEMPTS = 6;
const CHECKPOINT_RETRY_MS = 300;

/** One file, one connection: writers take turns, readers never wait for them (WAL). */
export function openSqlite(
  config: Extract<Config["database"], { engine: "sqlite" }>,
  onQuery?: QueryObserver,
): Storage {
  // Said before the driver's binary is loaded: on a Node too old for it, loading it crashes.
  const tooOld = sqliteDriverProblem(process.versions);
  if (tooOld) throw new ConfigError(tooOld);
  ownerOnly(config.file);
  const handle = new SQLite(config.file);
  const opened = fs.statSync(config.file);
  // Deleted rows are overwritten with zeros in the file instead of lingering in free space: an
  // erased e-mail, a forgotten address hash, a past day's salt (decision 010) must not be
  // readable from the file afterwards. forgetDeleted then clears the WAL's older copies.
  handle.pragma("secure_delete = ON");
  // WAL: readers never wait for the writer. synchronous=NORMAL in WAL mode keeps every committed
  // transaction across a process crash (only an OS crash can lose the last ones).
  handle.pragma("journal_mode = WAL");
  handle.pragma("synchronous = NORMAL");
  handle.pragma("foreign_keys = ON");
  handle.pragma("busy_timeout = 5000");
  // SQLite's page cache is per connection, so per server process (better-sqlite3 builds it at
  // 16 MB): every worker kept its own copy of pages the OS already caches once for all of them.
  // 4 MB holds the indexes' upper levels; a page outside it is a read from the OS cache
  // (microseconds). Measured at 100k articles: ~15 MB less per process after a crawl.
  handle.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
  // Bounds each ANALYZE that `optimize` runs, so it stays a matter of milliseconds on any size.
  handle.pragma("analysis_limit = 1000");
  const statements = withStatementCache(handle);
  const db = new Kysely<Tables>({
    dialect: new KeptPlansDialect(statements, () => handle.inTransaction),
    log: queryLog(onQuery),
  });
  offerDirectReads(db, (sqlText, parameters) => {
    // A transaction holds the one connection across its awaits (another request's: this request
    // may not query the outer db inside its own): the read waits for it in Kysely's queue, as it
    // always did, and never sees what the transaction has not committed.
    if (handle.inTransaction) return false;
    const statement = statements.prepare(sqlText);
    if (!statement.reader) return false;
    onQuery?.(sqlText, parameters);
    return statement.all(parameters);
  });
  const engine: EngineAdapter = {
    name: "sqlite",
    fullText: "fts5",
    // better-sqlite3 returns integers as numbers (safeIntegers is off).
    toNumber: (value) => (value == null ? 0 : Number(value)),
    // The file this process writes to must still be the one at its path: deleted or replaced
    // under a running site (a mistaken rm, a copy over it), it takes every comment into a file
    // no one will open again, and the next start writes the demo into a new one. Not ready then.
    ping: async () => sameFile(config.file, opened) && (await answers(db)),
    // SQLite plans without statistics until ANALYZE has run, and may then walk a low-selectivity
    // index. 0x10002: look at every table and ANALYZE those never analysed or much changed since
    // (SQLite's recommendation for long-lived connections, bounded by analysis_limit).
    optimize: async () => void handle.pragma("optimize=0x10002"),
    openChangeFeed: async (now) => changeFeed(handle, config.file, now),
    // One IMMEDIATE transaction around all of it, so another process waits (busy_timeout) and a
    // crash leaves no half-applied migration behind.
    exclusively: (work) =>
      db.connection().execute(async (conn) => {
        await sql`begin immediate`.execute(conn);
        try {
          const result = await work(conn);
          await sql`commit`.execute(conn);
          return result;
        } catch (error) {
          // Already rolled back by SQLite itself after some failures (see CauseKeepingDriver).
          if (handle.inTransaction) await sql`rollback`.execute(conn);
          throw error;
        }
      }),
    migrationSchema: async () => undefined,
    holdKey: async () => undefined,
    snapshot: (read) => snapshot(config.file, read),
    columns: async (conn) =>
      (
        await sql<Column>`select t.name as "table", c.name as "column", c.pk as "key"
          from pragma_table_list t join pragma_table_info(t.name) c
          where t.schema = 'main' and t.type = 'table' and t.name not like 'sqlite_%'
          order by t.name, c.cid`.execute(conn)
      ).rows,
    references: async (conn) =>
      (
        await sql<{ table: string; references: string }>`select t.name as "table",
            f."table" as "references"
          from pragma_table_list t join pragma_foreign_key_list(t.name) f
          where t.schema = 'main' and t.type = 'table'`.execute(conn)
      ).rows,
    // TRUNCATE: copy every frame into the file (where secure_delete zeroed the deleted bytes)
    // and empty the WAL, whose older frames still hold the pages as they were before.
    // A reader of another process (a backup's snapshot, a render) holding an old page keeps
    // the WAL until it ends: try again shortly, then say so.
    forgetDeleted: async () => {
      for (let attempt = 1; ; attempt++) {
        const [result] = withoutBusyWait(
          handle,
          () => handle.pragma("wal_checkpoint(TRUNCATE)") as { busy: number }[],
        );
        if (!result?.busy) return;
        if (attempt === CHECKPOINT_ATTEMPTS)
          throw new BytesRemain(
            "the WAL still holds erased bytes: another process is reading or writing; run the command again once it is done",
          );
        await new Promise((resolve) => setTimeout(resolve, CHECKPOINT_RETRY_MS * attempt));
      }
    },
    // AUTOINCREMENT keeps the largest id ever inserted in sqlite_sequence, which a program may
    // raise (never lower: the next id would collide with a present one).
    identities: async (conn) =>
      Object.fromEntries(
        (
          await sql<{ name: string; seq: number }>`select name, seq from sqlite_sequence`.execute(
            conn,
          )
        ).rows.map((r) => [r.name, Number(r.seq)]),
      ),
    async resetIdentities(conn, tables, atLeast) {
      for (const table of tables) {
        const floor = atLeast[table];
        if (floor === undefined) continue;
        const updated = await sql`update sqlite_sequence set seq = max(seq, ${floor})
          where name = ${table}`.execute(conn);
        if (Number(updated.numAffectedRows ?? 0) === 0)
          await sql`insert into sqlite_sequence (name, seq) values (${table}, ${floor})`.execute(
            conn,
          );
      }
    },
  };
  return { db, engine, close: () => db.destroy() };
}

/**
 * The database holds commenters' e-mails: its folder (when we make it), file, WAL and shared
 * memory are the owner's only, like backups. SQLite gives the WAL and SHM files the mode of the
 * database file, so the file is made (or tightened) first. Made only when absent: closing a
 * descriptor of a file this process has open in SQLite would drop SQLite's locks on it (see
 * walIndexWatch), and a second connection of one process (a test's second instance) opens here.
 */
function ownerOnly(file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  try {
    fs.closeSync(fs.openSync(file, "wx", 0o600));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  for (const f of [file, `${file}-wal`, `${file}-shm`]) {
    try {
      fs.chmodSync(f, 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
  }
}

/**
 * Its own connection: the site's one connection stays free for writers meanwhile. In WAL mode a
 * read transaction sees the database as of its first read, whatever commits after.
 */
async function snapshot<T>(file: string, read: (db: Kysely<Tables>) => Promise<T>): Promise<T> {
  const handle = new SQLite(file, { readonly: true, fileMustExist: true });
  handle.pragma("busy_timeout = 5000");
  const db = new Kysely<Tables>({
    dialect: new KeptPlansDialect(handle, () => handle.inTransaction),
  });
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
}

/** The WAL index's header: two copies of 48 bytes at the start of the `-shm` file. */
const WAL_INDEX_HEADER_BYTES = 96;

/**
 * Whether anything may have been committed since the last call, from the WAL index's header
 * (https://sqlite.org/walformat.html, the same in every SQLite since 3.7.0, as processes of
 * different versions share it). Every commit, from any connection, changes its change counter
 * and its last frame, and a WAL started afresh its salts. So an unchanged header means nothing
 * new; any difference, a header caught mid-update included, means "ask SQLite". This is one
 * pread, against PRAGMA data_version's read transaction: two fcntl locks and an fstat, about
 * 3 µs alone and more when the workers contend, paid by every cached page (a tenth of a
 * worker's time serving one). Without the file (not yet made), it always says "ask".
 *
 * Its descriptor is NEVER closed. SQLite holds POSIX locks on the `-shm` file, and closing any
 * descriptor of a file drops every such lock the process holds on it: SQLite's among them
 * (sqlite.org/howtocorrupt.html, 2.2), while the connection they guard is still open. One
 * descriptor per feed, one feed per process, released with the process.
 */
function walIndexWatch(dbFile: string): { changed(): boolean } {
  const shm = `${dbFile}-shm`;
  const seen = Buffer.alloc(WAL_INDEX_HEADER_BYTES);
  const now = Buffer.alloc(WAL_INDEX_HEADER_BYTES);
  let fd: number | undefined;
  let known = false;
  return {
    changed() {
      try {
        fd ??= fs.openSync(shm, "r");
        const n = fs.readSync(fd, now, 0, WAL_INDEX_HEADER_BYTES, 0);
        if (n < WAL_INDEX_HEADER_BYTES) return true;
      } catch {
        return true;
      }
      if (known && now.equals(seen)) return false;
      now.copy(seen);
      known = true;
      return true;
    },
  };
}

/**
 * A change_log row in the writing transaction; other processes notice that the file changed
 * (the WAL index's header moved, then PRAGMA data_version) and read the new rows.
 */
function changeFeed(handle: SQLite.Database, dbFile: string, now: () => Date): ChangeFeed {
  const handlers: ChangeHandler[] = [];
  const version = handle.prepare("PRAGMA data_version").pluck();
  const newer = handle.prepare("select id, tags from change_log where id > ? order by id");
  const prune = handle.prepare("delete from change_log where created_at < ?");
  prune.run(new Date(now().getTime() - LOG_RETENTION_MS).toISOString());
  const wal = walIndexWatch(dbFile);
  // Read first: a commit after it shows in data_version below, or in the header next time.
  wal.changed();
  let lastVersion = version.get() as number;
  let lastId =
    (handle.prepare("select coalesce(max(id), 0) from change_log").pluck().get() as number) ?? 0;
  return {
    async announce(trx, tags) {
      await trx
        .insertInto("change_log")
        .values({ tags: JSON.stringify(tags), created_at: now().toISOString() })
        .execute();
    },
    subscribe: (handler) => void handlers.push(handler),
    poll() {
      if (!wal.changed()) return;
      const v = version.get() as number;
      if (v === lastVersion) return;
      lastVersion = v;
      for (const row of newer.all(lastId) as { id: number; tags: string }[]) {
        lastId = row.id;
        fanOut(handlers, JSON.parse(row.tags) as string[]);
      }
    },
    async close() {},
  };
}

/**
 * Values travel as `+?`, not `?`. When the planner looks at a bound value (an `x = ?` left as a
 * filter, a `LIMIT ?`, a LIKE pattern), SQLite marks the statement to be prepared again once that
 * value is unbound, and better-sqlite3 unbinds after every run: a join was parsed and planned anew
 * on every execution. At 100k articles that was 8 % of a cold article render's CPU. Unary plus
 * leaves the value and its (absent) affinity as they were and indexes usable, but the planner does
 * not look through it, so each prepared plan is kept (what SQLITE_DBCONFIG_ENABLE_QPSG does, which
 * better-sqlite3 cannot set). Plans no longer depend on one value's statistics; none of ours did.
 */
class KeptPlansCompiler extends SqliteQueryCompiler {
  protected override getCurrentParameterPlaceholder(): string {
    return "+?";
  }
}

class KeptPlansDialect extends SqliteDialect {
  readonly #database: SqliteDatabase;
  readonly #inTransaction: () => boolean;
  constructor(database: SqliteDatabase, inTransaction: () => boolean) {
    super({ database });
    this.#database = database;
    this.#inTransaction = inTransaction;
  }
  override createDriver(): Driver {
    return new CauseKeepingDriver({ database: this.#database }, this.#inTransaction);
  }
  override createQueryCompiler(): SqliteQueryCompiler {
    return new KeptPlansCompiler();
  }
}

/**
 * SQLite rolls a transaction back by itself after some failures (SQLITE_FULL: a full disk or
 * max_page_count, SQLITE_IOERR, SQLITE_NOMEM, an interrupt). Kysely's ROLLBACK then fails with
 * "cannot rollback - no transaction is active", and that error replaced the one that said what
 * happened: the operator read of a rollback, not of a full disk. Rolled back already, nothing is
 * left to undo: the first error goes on.
 *
 * Transactions (ctx.write, which only writers use) begin IMMEDIATE: a deferred one that read
 * first and wrote after failed at once with SQLITE_BUSY_SNAPSHOT when another process (the
 * other worker, a command) committed in between, busy_timeout or not. Taking the write lock at
 * the start makes such a writer wait its turn instead, as writes are one at a time anyway.
 */
class CauseKeepingDriver extends SqliteDriver {
  readonly #inTransaction: () => boolean;
  constructor(config: { database: SqliteDatabase }, inTransaction: () => boolean) {
    super(config);
    this.#inTransaction = inTransaction;
  }
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("begin immediate"));
  }
  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    if (this.#inTransaction()) await super.rollbackTransaction(connection);
  }
}

/**
 * Runs `work` without SQLite's wait for a busy database: a TRUNCATE checkpoint waits for every
 * reader of another process (a backup's snapshot) to end, and better-sqlite3 waits holding the
 * thread, so a worker's hourly job stopped its requests for 5 s a try. The caller's awaited
 * pauses between tries let them go on. Nothing else can run in between: it is synchronous.
 */
function withoutBusyWait<T>(handle: SQLite.Database, work: () => T): T {
  const waited = handle.pragma("busy_timeout", { simple: true }) as number;
  handle.pragma("busy_timeout = 0");
  try {
    return work();
  } finally {
    handle.pragma(`busy_timeout = ${waited}`);
  }
}

/** Whether `file` is still the file that was opened (same device and inode). */
function sameFile(file: string, opened: fs.Stats): boolean {
  try {
    const now = fs.statSync(file);
    return now.ino === opened.ino && now.dev === opened.dev;
  } catch {
    return false;
  }
}

/**
 * Kysely prepares each statement anew, and preparing costs about as much as running a small
 * query. The same SQL text (values travel as parameters) reuses its prepared statement.
 */
function withStatementCache(
  handle: SQLite.Database,
): SqliteDatabase & { prepare(sqlText: string): SQLite.Statement } {
  const statements = new Map<string, SQLite.Statement>();
  return {
    close: () => handle.close(),
    prepare(sqlText: string) {
      let statement = statements.get(sqlText);
      if (!statement) {
        statement = handle.prepare(sqlText);
        if (statements.size >= STATEMENT_CACHE_SIZE) {
          const oldest = statements.keys().next().value;
          if (oldest !== undefined) statements.delete(oldest);
        }
        statements.set(sqlText, statement);
      }
      return statement;
    },
  };
}
