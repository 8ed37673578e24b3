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
