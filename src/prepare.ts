import type { Config } from "./config/index.js";
import { migrateToLatest } from "./db/migrate.js";
import { openStorage } from "./db/storage.js";
import type { Runtime } from "./runtime.js";

/**
 * What the supervisor does before its workers open the database: the schema brought up to date.
 * It loads the database code alone, not the application its workers load meanwhile.
 */
export async function migrateDatabase(config: Config): Promise<void> {
  const storage = openStorage(config.database);
  try {
    await migrateToLatest(storage);
  } finally {
    await storage.close();
  }
}

/**
 * After every worker has stopped. SQLite folds its WAL into the file and removes it only when a
 * connection closes with no other process holding the file: two workers closing at the same
 * moment could each see the other's, and leave every recent write in the WAL beside the file (a
 * copy of the file alone would miss them). One connection, opened and closed alone, does it.
 */
export async function closeDatabase(config: Config): Promise<void> {
  if (config.database.engine !== "sqlite") return;
  await openStorage(config.database).close();
}

/** The demo newsroom, written once into an empty database when the demo is on. */
export async function seedIfEmpty(config: Config, runtime: Runtime): Promise<void> {
  if (!config.demo) return;
  const { seedDemo } = await import("./modules/demo/index.js");
  const seeded = await seedDemo(runtime.ctx);
  if (seeded) {
    runtime.ctx.log.info(seeded, "demo content written to the empty database");
    await runtime.storage.engine.optimize();
  }
}
