import type { Kysely } from "kysely";
import { Migrator, type Migration, type MigrationProvider } from "kysely/migration";
import type { Database } from "./schema.js";
import type { Engine } from "./dialect.js";
import { initial } from "./migrations/001-initial.js";

/** The ordered list of migrations. Names never change; new ones are appended. */
function migrations(engine: Engine): Record<string, Migration> {
  return {
    "001-initial": initial(engine),
  };
}

/**
 * Brings the schema up to date. Kysely's migrator holds a lock (a lock table row, taken in a
 * transaction) so several instances starting at once apply each migration exactly once.
 */
export async function migrateToLatest(db: Kysely<Database>, engine: Engine): Promise<string[]> {
  const provider: MigrationProvider = { getMigrations: async () => migrations(engine) };
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}
