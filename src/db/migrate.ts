import { sql, type Kysely } from "kysely";
import { Migrator, type Migration, type MigrationProvider } from "kysely/migration";
import type { Database } from "./schema.js";
import type { Engine } from "./dialect.js";
import { initial } from "./migrations/001-initial.js";
import { changeLog } from "./migrations/002-change-log.js";
import { threadIndex } from "./migrations/003-thread-index.js";
import { authorIndex } from "./migrations/004-author-index.js";
import { ipPrivacy } from "./migrations/005-ip-privacy.js";

/** The ordered list of migrations. Names never change; new ones are appended. */
function migrations(engine: Engine): Record<string, Migration> {
  return {
    "001-initial": initial(engine),
    "002-change-log": changeLog(engine),
    "003-thread-index": threadIndex(),
    "004-author-index": authorIndex(),
    "005-ip-privacy": ipPrivacy(),
  };
}

/** Any constant will do, as long as no other code uses it: "kios" in ASCII. */
const PG_LOCK_KEY = 0x6b696f73;

/**
 * Runs `work` alone among every process sharing this database: where the engines differ most.
 * - PostgreSQL: a session advisory lock, held on the connection the migrations run on;
 * - SQLite: one IMMEDIATE transaction around all of it, so another process waits (busy_timeout)
 *   and a crash leaves no half-applied migration behind (Kysely would not wrap SQLite DDL itself).
 */
async function exclusively<T>(
  db: Kysely<Database>,
  engine: Engine,
  work: (conn: Kysely<Database>) => Promise<T>,
): Promise<T> {
  return db.connection().execute(async (conn) => {
    if (engine === "postgres") {
      await sql`select pg_advisory_lock(${PG_LOCK_KEY})`.execute(conn);
      try {
        return await work(conn);
      } finally {
        await sql`select pg_advisory_unlock(${PG_LOCK_KEY})`.execute(conn);
      }
    }
    await sql`begin immediate`.execute(conn);
    try {
      const result = await work(conn);
      await sql`commit`.execute(conn);
      return result;
    } catch (error) {
      await sql`rollback`.execute(conn);
      throw error;
    }
  });
}

/**
 * Brings the schema up to date, once, however many instances start at the same moment.
 * Returns the names of the migrations this call applied.
 */
export async function migrateToLatest(db: Kysely<Database>, engine: Engine): Promise<string[]> {
  const provider: MigrationProvider = { getMigrations: async () => migrations(engine) };
  return exclusively(db, engine, async (conn) => {
    // Kysely looks for its bookkeeping tables by name in every schema; name ours explicitly so a
    // neighbouring schema's tables (another site, another test run) are never taken for ours.
    const schema =
      engine === "postgres"
        ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(conn)).rows[0]
            ?.schema
        : undefined;
    const migrator = new Migrator({
      db: conn,
      provider,
      ...(schema ? { migrationTableSchema: schema } : {}),
    });
    const { error, results } = await migrator.migrateToLatest();
    if (error) throw error;
    return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
  });
}
