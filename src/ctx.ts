import type { Kysely, Transaction } from "kysely";
import type { FastifyBaseLogger } from "fastify";
import type { Config } from "./config/index.js";
import type { EngineAdapter } from "./db/engines/adapter.js";
import type { Tables } from "./db/schema.js";
import type { Clock } from "./lib/clock.js";
import type { Settings } from "./modules/settings/index.js";

/** Everything a service may use, handed over explicitly: no singletons. Built by runtime.ts. */
export interface Ctx {
  readonly db: Kysely<Tables>;
  /** What differs between SQLite and PostgreSQL (counts, for services): ask it, never the name. */
  readonly engine: EngineAdapter;
  readonly clock: Clock;
  readonly log: FastifyBaseLogger;
  readonly config: Config;
  /** Key for signed cookies and keyed hashes (config, or generated once and kept in the database). */
  readonly secret: string;
  /** The newsroom's settings as stored now (read per request so every instance agrees). */
  settings(): Promise<Settings>;
  /**
   * Runs `work` in one transaction, handing it `tx`: this ctx with the transaction as its `db`.
   * The work uses `tx` and only `tx` (and passes it to what it calls): the ctx `write` was called
   * on refuses queries, settings and writes until the transaction ends, since they would run
   * outside it. `tx.write` joins the transaction instead of opening another. The change keys named
   * with `changed` are announced to every instance with the commit, and applied in this process
   * right after it.
   */
  write<T>(work: (tx: TxCtx, changed: (...keys: string[]) => void) => Promise<T>): Promise<T>;
}

/** The ctx inside `write`: its `db` is the transaction, so what requires a TxCtx runs inside one. */
export interface TxCtx extends Ctx {
  readonly db: Transaction<Tables>;
}
