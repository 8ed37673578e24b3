import type { FastifyBaseLogger } from "fastify";
import type { Config } from "./config/index.js";
import type { Ctx, TxCtx } from "./ctx.js";
import { migrateToLatest } from "./db/migrate.js";
import type { ChangeFeed, ChangeHandler } from "./db/notify.js";
import { isRaceLost, WRITE_ATTEMPTS } from "./db/race-lost.js";
import { openStorage, type QueryObserver, type Storage } from "./db/storage.js";
import { transactionScope } from "./db/transaction-scope.js";
import { changeKeys } from "./lib/change-keys.js";
import { systemClock, type Clock } from "./lib/clock.js";
import { createLogger } from "./lib/logger.js";
import { ensureSecret, loadSettings, type Settings } from "./modules/settings/index.js";

/** What one process opened: the services' ctx and the storage under it. */
export interface Runtime {
  readonly ctx: Ctx;
  readonly storage: Storage;
  /** Change keys announced by this process or any other sharing the database. */
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
  const log = options.log ?? createLogger(config);
  const storage = openStorage(config.database, options.onQuery, (error) =>
    log.warn({ err: error }, "database connection lost; the next query opens another"),
  );
  try {
    const applied = await migrateToLatest(storage);
    await storage.engine.optimize();
    const secret = config.secret ?? (await ensureSecret(storage.db));
    const clock = options.clock ?? systemClock;
    const changes = await storage.engine.openChangeFeed(
      () => clock.now(),
      (error) => log.error({ err: error }, "change notices interrupted"),
    );
    let settingsCache: Promise<Settings> | undefined;
    const forgetSettings = (keys: readonly string[]) => {
      if (keys.includes(changeKeys.all)) settingsCache = undefined;
    };
    changes.subscribe(forgetSettings);
    const local: ChangeHandler[] = [forgetSettings];
    // Transactions open on storage.db; services get the guarded one (see transaction-scope.ts).
    const scope = transactionScope();
    const ctx: Ctx = {
      db: scope.guard(storage.db),
      engine: storage.engine,
      clock,
      log,
      config,
      secret,
      settings() {
        scope.refuse("ctx.settings()");
        changes.poll();
        // Read once, kept until a write announces that everything changed (settings do).
        if (!settingsCache) {
          const loading = loadSettings(storage.db);
          settingsCache = loading;
          loading.catch(() => {
            if (settingsCache === loading) settingsCache = undefined;
          });
        }
        return settingsCache;
      },
      async write(work) {
        scope.refuse("ctx.write()");
        const attempt = async () => {
          const keys = new Set<string>();
          const changed = (...k: string[]) => k.forEach((key) => keys.add(key));
          const result = await scope.within(() =>
            storage.db.transaction().execute(async (trx) => {
              const tx: TxCtx = {
                ...ctx,
                db: trx,
                // As the transaction sees them; not cached, since it may yet roll back.
                settings: () => loadSettings(trx),
                // Joins this transaction: one commit, one list of change keys.
                write: (more) => more(tx, changed),
              };
              const value = await work(tx, changed);
              if (keys.size > 0) await changes.announce(trx, [...keys]);
              return value;
            }),
          );
          if (keys.size > 0) for (const handler of local) handler([...keys]);
          return result;
        };
        // A race lost to another writer is run again, whole: its checks then see the winner's
        // commit and refuse on the field, where the first run ended in a constraint's error.
        for (let n = 1; ; n++) {
          try {
            return await attempt();
          } catch (error) {
            if (n >= WRITE_ATTEMPTS || !isRaceLost(error)) throw error;
          }
        }
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
      storage,
      applied,
      changes: feed,
      async close() {
        await changes.close();
        await storage.close();
      },
    };
  } catch (error) {
    await storage.close();
    throw error;
  }
}
