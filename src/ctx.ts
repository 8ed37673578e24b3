import type { Kysely } from "kysely";
import type { FastifyBaseLogger } from "fastify";
import type { Config } from "./config/index.js";
import type { Database } from "./db/schema.js";
import type { DialectCapabilities } from "./db/dialect.js";
import type { Clock } from "./lib/clock.js";
import { openDatabase, type Db } from "./db/database.js";
import { migrateToLatest } from "./db/migrate.js";
import { systemClock } from "./lib/clock.js";
import { createLogger } from "./lib/logger.js";
import { ensureSecret, loadSettings, type Settings } from "./modules/settings/index.js";

/** Everything a service may use, handed over explicitly: no singletons. */
export interface Ctx {
  readonly db: Kysely<Database>;
  readonly dialect: DialectCapabilities;
  readonly clock: Clock;
  readonly log: FastifyBaseLogger;
  readonly config: Config;
  /** Key for signed cookies and keyed hashes (config, or generated once and kept in the database). */
  readonly secret: string;
  /** The newsroom's settings as stored now (read per request so every instance agrees). */
  settings(): Promise<Settings>;
}

export interface Runtime {
  readonly ctx: Ctx;
  readonly database: Db;
  /** Migrations this start applied (none when the schema was already current). */
  readonly applied: readonly string[];
  close(): Promise<void>;
}

/**
 * Opens the database, brings its schema up to date (under the migrator's lock, so instances may
 * start together) and settles the secret. The caller owns the result and closes it.
 */
export async function openRuntime(
  config: Config,
  options: { clock?: Clock; log?: FastifyBaseLogger } = {},
): Promise<Runtime> {
  const database = openDatabase(config.database);
  try {
    const applied = await migrateToLatest(database.db, database.dialect.engine);
    const secret = config.secret ?? (await ensureSecret(database.db));
    const ctx: Ctx = {
      db: database.db,
      dialect: database.dialect,
      clock: options.clock ?? systemClock,
      log: options.log ?? createLogger(config),
      config,
      secret,
      settings: () => loadSettings(database.db),
    };
    return { ctx, database, applied, close: () => database.close() };
  } catch (error) {
    await database.close();
    throw error;
  }
}
