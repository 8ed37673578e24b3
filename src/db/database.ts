import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import pg from "pg";
import { Kysely, PostgresDialect, SqliteDialect, sql } from "kysely";
import type { Config } from "../config/index.js";
import type { Database } from "./schema.js";
import { capabilities, type DialectCapabilities } from "./dialect.js";
import { postgresChangeFeed, sqliteChangeFeed, type ChangeFeed } from "./notify.js";

export interface Db {
  readonly db: Kysely<Database>;
  readonly dialect: DialectCapabilities;
  /** True when the engine answers a trivial query: what /readyz reports. */
  ping(): Promise<boolean>;
  /** How this process hears about other processes' writes; open once the schema is migrated. */
  openChangeFeed(now: () => Date, onError: (error: unknown) => void): Promise<ChangeFeed>;
  close(): Promise<void>;
}

export function openDatabase(database: Config["database"]): Db {
  if (database.engine === "sqlite") return openSqlite(database.file);
  return openPostgres(database.url, database.schema);
}

function openSqlite(file: string): Db {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const handle = new SQLite(file);
  // WAL: readers never wait for the writer. synchronous=NORMAL in WAL mode keeps every committed
  // transaction across a process crash (only an OS crash can lose the last ones).
  handle.pragma("journal_mode = WAL");
  handle.pragma("synchronous = NORMAL");
  handle.pragma("foreign_keys = ON");
  handle.pragma("busy_timeout = 5000");
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: handle }) });
  return {
    db,
    dialect: capabilities("sqlite"),
    ping: () => ping(db),
    openChangeFeed: async (now) => sqliteChangeFeed(handle, now),
    close: () => db.destroy(),
  };
}

function openPostgres(url: string, schema: string | undefined): Db {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    // A separate schema per test run keeps parallel tests apart on one database.
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    dialect: capabilities("postgres"),
    ping: () => ping(db),
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
