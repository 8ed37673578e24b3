import type { Kysely } from "kysely";
import type { FastifyBaseLogger } from "fastify";
import type { Config } from "./config/index.js";
import type { Database } from "./db/schema.js";
import type { DialectCapabilities } from "./db/dialect.js";
import type { Clock } from "./lib/clock.js";
import { openDatabase, type Db, type QueryObserver } from "./db/database.js";
import type { ChangeFeed } from "./db/notify.js";
import { migrateToLatest } from "./db/migrate.js";
import { changeKeys } from "./lib/change-keys.js";
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
  /**
   * Runs `work` in one transaction. The cache tags it names with `changed` are announced to every
   * instance with the commit, and applied in this process right after it.
   */
  write<T>(
    work: (trx: Kysely<Database>, changed: (...tags: string[]) => void) => Promise<T>,
  ): Promise<T>;
}

export interface Runtime {
  readonly ctx: Ctx;
  readonly database: Db;
  /** Tags changed by this process or any other sharing the database. */
  readonly changes: ChangeFeed;
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
  options: { clock?: Clock; log?: FastifyBaseLogger; onQuery?: QueryObserver } = {},
): Promise<Runtime> {
  const database = openDatabase(config.database, options.onQuery);
  try {
    const applied = await migrateToLatest(database.db, database.dialect.engine);
    await database.optimize();
    const secret = config.secret ?? (await ensureSecret(database.db));
    const clock = options.clock ?? systemClock;
    const log = options.log ?? createLogger(config);
    const changes = await database.openChangeFeed(
      () => clock.now(),
      (error) => log.error({ err: error }, "change notices interrupted"),
    );
    let settingsCache: Promise<Settings> | undefined;
    const forgetSettings = (tags: readonly string[]) => {
      if (tags.includes(changeKeys.all)) settingsCache = undefined;
    };
    changes.subscribe(forgetSettings);
    const local: ((tags: readonly string[]) => void)[] = [forgetSettings];
    const ctx: Ctx = {
      db: database.db,
      dialect: database.dialect,
      clock,
      log,
      config,
      secret,
      settings() {
        changes.poll();
        // Read once, kept until a write announces that everything changed (settings do).
        if (!settingsCache) {
          const loading = loadSettings(database.db);
          settingsCache = loading;
          loading.catch(() => {
            if (settingsCache === loading) settingsCache = undefined;
          });
        }
        return settingsCache;
      },
      async write(work) {
        const tags = new Set<string>();
        const result = await database.db.transaction().execute(async (trx) => {
          const value = await work(trx, (...t) => t.forEach((tag) => tags.add(tag)));
          if (tags.size > 0) await changes.announce(trx, [...tags]);
          return value;
        });
        if (tags.size > 0) for (const handler of local) handler([...tags]);
        return result;
      },
    };
    // This process's own writes reach its subscribers at once; other processes' through the feed.
    const feed: ChangeFeed = {
      ...changes,
      subscribe(handler) {
        local.push(handler);
        changes.subscribe(handler);
      },
    };
    return {
      ctx,
      database,
      applied,
      changes: feed,
      async close() {
        await changes.close();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
