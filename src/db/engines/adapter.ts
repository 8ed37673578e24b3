import { sql, type Kysely, type KyselyConfig } from "kysely";
import type { ChangeFeed } from "../notify.js";
import type { Tables } from "../schema.js";

/** The engines Kysely drives for Kiosque: what a backup records and the frozen migrations are told. */
export type Engine = "sqlite" | "postgres";

/**
 * Everything that differs between SQLite and PostgreSQL, in one object per engine
 * (`engines/sqlite.ts`, `engines/postgres.ts`), as Kysely's dialect adapters: code asks the
 * adapter and never tests the engine's name. An adapter is bound to the database it was opened
 * with. Methods that take a `db` run on that connection or transaction (the caller's); the others
 * use connections or handles of their own.
 */
export interface EngineAdapter {
  /** Only for what must record or hand on the name: a backup's header, the frozen migrations. */
  readonly name: Engine;
  /**
   * The engine's full-text index over the search module's terms (migration 015): SQLite's FTS5
   * table or PostgreSQL's tsvector. The search module keeps both queries side by side and picks
   * by this.
   */
  readonly fullText: "fts5" | "tsvector";
  /** A count (count(*) and the like) as a number, whatever type the driver returned it as. */
  toNumber(value: string | number | bigint | null | undefined): number;
  /** True when the engine answers a trivial query: what /readyz reports. */
  ping(): Promise<boolean>;
  /** Keeps the query planner's statistics current (at start, after seeding, hourly). */
  optimize(): Promise<void>;
  /** How this process hears about other processes' writes; open once the schema is migrated. */
  openChangeFeed(now: () => Date, onError: (error: unknown) => void): Promise<ChangeFeed>;

  /**
   * Runs `work` on one connection, alone among every process sharing this database: the
   * migration lock (decision 006). Kysely's migrator takes its lock too late and leaves SQLite
   * DDL outside a transaction.
   */
  exclusively<T>(work: (conn: Kysely<Tables>) => Promise<T>): Promise<T>;
  /** The schema the migrator's bookkeeping tables belong to, where an engine has several. */
  migrationSchema(conn: Kysely<Tables>): Promise<string | undefined>;

  /**
   * Inside a write transaction (`db`): waits until no other transaction holds `key`, then holds
   * it until this one ends. What one writer checks under it, no writer of the same key changes
   * before the commit. SQLite's write transactions already run one at a time (IMMEDIATE):
   * nothing to take there.
   */
  holdKey(db: Kysely<Tables>, key: string): Promise<void>;
  /** Runs `read` in one read-only transaction that sees the database as of one instant. */
  snapshot<T>(read: (db: Kysely<Tables>) => Promise<T>): Promise<T>;
  /** This schema's base tables, their columns in order with primary-key positions. */
  columns(db: Kysely<Tables>): Promise<Column[]>;
  /** Table → table it references by a foreign key. */
  references(db: Kysely<Tables>): Promise<{ table: string; references: string }[]>;
  /**
   * Makes what was just deleted or overwritten in these tables unrecoverable from the database's
   * files (an erasure, forgotten addresses, a dropped salt). After the commit, never inside a
   * transaction: SQLite checkpoints its WAL away, PostgreSQL vacuums the tables.
   */
  forgetDeleted(tables: readonly string[]): Promise<void>;
  /**
   * The largest id each table with a generated id ever handed out (deleted rows' included): what
   * a reader's cookie may still name.
   */
  identities(db: Kysely<Tables>): Promise<Record<string, number>>;
  /**
   * After rows came back with their own ids: the next generated id follows the largest present
   * and every value in `atLeast` (ids handed out before, here or on the site backed up), so no
   * new row ever takes an id something outside the database may still hold.
   */
  resetIdentities(
    db: Kysely<Tables>,
    tables: readonly string[],
    atLeast: Readonly<Record<string, number>>,
  ): Promise<void>;
}

export interface Column {
  table: string;
  column: string;
  /** Position in the primary key, from 1; 0 when not part of it. */
  key: number;
}

/** An opened database: its Kysely instance, the engine's adapter bound to it, and the way out. */
export interface Storage {
  readonly db: Kysely<Tables>;
  readonly engine: EngineAdapter;
  close(): Promise<void>;
}

/** Sees every statement sent (tests count and EXPLAIN them); not set in production. */
export type QueryObserver = (sql: string, parameters: readonly unknown[]) => void;

export function queryLog(onQuery: QueryObserver | undefined): KyselyConfig["log"] {
  if (!onQuery) return undefined;
  return (event) => {
    if (event.level === "query") onQuery(event.query.sql, event.query.parameters);
  };
}

/** The same trivial question for both engines. */
export async function answers(db: Kysely<Tables>): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}
