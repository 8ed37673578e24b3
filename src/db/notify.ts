import type { Kysely } from "kysely";
import type { Tables } from "./schema.js";

/**
 * Cross-instance change notices (DESIGN principle 2): a write announces, inside its transaction,
 * the change keys (lib/change-keys.ts) it changed; every process sharing the database hears them once committed. Each
 * engine's adapter opens its own feed (`engines/sqlite.ts`: a change_log row and PRAGMA
 * data_version; `engines/postgres.ts`: NOTIFY and LISTEN). The writing process applies its own
 * tags itself, right after commit (see runtime.ts), so a reader redirected after a post never
 * sees the page from before it.
 */
export interface ChangeFeed {
  announce(trx: Kysely<Tables>, keys: readonly string[]): Promise<void>;
  subscribe(handler: ChangeHandler): void;
  /** Hear what other processes committed since the last call (SQLite); a no-op on PostgreSQL. */
  poll(): void;
  close(): Promise<void>;
}

export type ChangeHandler = (keys: readonly string[]) => void;

export function fanOut(handlers: readonly ChangeHandler[], keys: readonly string[]): void {
  for (const h of handlers) h(keys);
}
