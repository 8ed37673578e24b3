import type { Config } from "../config/index.js";
import type { QueryObserver, Storage } from "./engines/adapter.js";
import { openPostgres } from "./engines/postgres.js";
import { openSqlite } from "./engines/sqlite.js";

export type { Engine, EngineAdapter, QueryObserver, Storage } from "./engines/adapter.js";

/**
 * Opens the configured database with its engine's adapter: the one place an engine is chosen.
 * From here on, code asks `storage.engine` what differs.
 */
export function openStorage(
  config: Config["database"],
  onQuery?: QueryObserver,
  onConnectionLost?: (error: unknown) => void,
): Storage {
  return config.engine === "sqlite"
    ? openSqlite(config, onQuery)
    : openPostgres(config, onQuery, onConnectionLost);
}
