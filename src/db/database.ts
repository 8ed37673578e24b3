import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import pg from "pg";
import {
  Kysely,
  PostgresDialect,
  SqliteDialect,
  sql,
  type KyselyConfig,
  type SqliteDatabase,
} from "kysely";
import type { Config } from "../config/index.js";
import type { Database } from "./schema.js";
import { capabilities, type DialectCapabilities } from "./dialect.js";
import { postgresChangeFeed, sqliteChangeFeed, type ChangeFeed } from "./notify.js";

export interface Db {
  readonly db: Kysely<Database>;
  readonly dialect: DialectCapabilities;
  /** True when the engine answers a trivial query: what /readyz reports. */
  ping(): Promise<boolean>;
  /**
   * Keeps the query planner's statistics current. SQLite plans without statistics until ANALYZE
   * has run, and may then walk a low-selectivity index; PostgreSQL's autovacuum does this itself.
   */
  optimize(): Promise<void>;
  /** How this process hears about other processes' writes; open once the schema is migrated. */
  openChangeFeed(now: () => Date, onError: (error: unknown) => void): Promise<ChangeFeed>;
  close(): Promise<void>;
}

/** Sees every statement sent (tests count and EXPLAIN them); not set in production. */
export type QueryObserver = (sql: string, parameters: readonly unknown[]) => void;

function logger(onQuery: QueryObserver | undefined): KyselyConfig["log"] {
  if (!onQuery) return undefined;
  return (event) => {
    if (event.level === "query") onQuery(event.query.sql, event.query.parameters);
  };
}

export function openDatabase(database: Config["database"], onQuery?: QueryObserver): Db {
  if (database.engine === "sqlite") return openSqlite(database.file, onQuery);
  return openPostgres(database.url, database.schema, onQuery);
}

function openSqlite(file: string, onQuery: QueryObserver | undefined): Db {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const handle = new SQLite(file);
  // WAL: readers never wait for the writer. synchronous=NORMAL in WAL mode keeps every committed
  // transaction across a process crash (only an OS crash can lose the last ones).
  handle.pragma("journal_mode = WAL");
  handle.pragma("synchronous = NORMAL");
  handle.pragma("foreign_keys = ON");
  handle.pragma("busy_timeout = 5000");
  // Bounds each ANALYZE that `optimize` runs, so it stays a matter of milliseconds on any size.
  handle.pragma("analysis_limit = 1000");
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: withStatementCache(handle) }),
    log: logger(onQuery),
  });
  return {
    db,
    dialect: capabilities("sqlite"),
    ping: () => ping(db),
    openChangeFeed: async (now) => sqliteChangeFeed(handle, now),
    // 0x10002: look at every table and ANALYZE those never analysed or much changed since
    // (SQLite's recommendation for long-lived connections, bounded by analysis_limit).
    optimize: async () => void handle.pragma("optimize=0x10002"),
    close: () => db.destroy(),
  };
}

/** Distinct statements kept prepared; the application sends a few dozen shapes. */
const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely prepares each statement anew, and preparing costs about as much as running a small
 * query. The same SQL text (values travel as parameters) reuses its prepared statement.
 */
function withStatementCache(handle: SQLite.Database): SqliteDatabase {
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

function openPostgres(
  url: string,
  schema: string | undefined,
  onQuery: QueryObserver | undefined,
): Db {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    // A separate schema per test run keeps parallel tests apart on one database.
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), log: logger(onQuery) });
  return {
    db,
    dialect: capabilities("postgres"),
    ping: () => ping(db),
    optimize: async () => {},
    async openChangeFeed(_now, onError) {
      const feed = postgresChangeFeed(url, { schema, onError });
      await feed.listen();
      return feed;
    },
    close: () => db.destroy(),
  };
}

async function ping(db: Kysely<Database>): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}
