import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { admin, dropDatabase } from "../../bench/runner/databases.js";
import { buildApp } from "../../src/app.js";
import { loadConfig, type Config } from "../../src/config/index.js";
import type { Engine, QueryObserver } from "../../src/db/storage.js";
import { fixedClock } from "../../src/lib/clock.js";
import { createLogger } from "../../src/lib/logger.js";
import { setSetting } from "../../src/modules/settings/index.js";
import { openRuntime, type Runtime } from "../../src/runtime.js";
import { testDatabaseUrl } from "./engines.js";
import { testAssetsDir } from "./paths.js";

export type TestClock = ReturnType<typeof fixedClock>;

export interface TestRuntime extends Runtime {
  clock: TestClock;
}

/** A moment in the demo's world; tests move the clock from here. */
export const T0 = new Date("2026-08-30T12:05:00.000Z");

/** A real, empty database for one test file; `drop()` removes it. */
export interface TestDatabase {
  database: Config["database"];
  dataDir: string;
  /** For PostgreSQL: a URL another process (the CLI, the server) can use as DATABASE_URL. */
  url?: string;
  drop(): Promise<void>;
}

/**
 * A real, empty database: a SQLite file in a fresh temporary folder, or a fresh database on the
 * run's PostgreSQL. `drop()` removes it.
 */
export async function makeTestDatabase(engine: Engine): Promise<TestDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "kiosque-test-"));
  const removeDir = () => fs.rmSync(dataDir, { recursive: true, force: true });
  if (engine === "sqlite") {
    return {
      database: { engine, file: path.join(dataDir, "kiosque.sqlite") },
      dataDir,
      drop: async () => removeDir(),
    };
  }
  const url = testDatabaseUrl();
  if (!url) throw new Error("no PostgreSQL for this run (KIOSQUE_TEST_ENGINES leaves it out)");
  // A whole database each, never a schema in a shared one: Kysely's migrator reads the catalogue
  // of every schema of its database, and fails when another test file drops one meanwhile.
  const name = `t_${randomBytes(6).toString("hex")}`;
  await admin(url, `create database ${name}`);
  const own = new URL(url);
  own.pathname = `/${name}`;
  return {
    database: { engine, url: own.toString() },
    dataDir,
    url: own.toString(),
    drop: async () => {
      await dropDatabase(url, name);
      removeDir();
    },
  };
}

/** A migrated database for one test file, with a clock the test sets. `close()` removes it. */
export async function openTestRuntime(
  engine: Engine,
  start = T0,
  overrides: Partial<Omit<Config, "database">> = {},
  onQuery?: QueryObserver,
): Promise<TestRuntime> {
  const clock = fixedClock(start);
  const { database, dataDir, drop } = await makeTestDatabase(engine);
  const config: Config = {
    ...loadConfig({ KIOSQUE_DATA_DIR: dataDir, LOG_LEVEL: "silent" }),
    ...overrides,
    database,
  };
  const runtime = await openRuntime(config, {
    clock,
    log: createLogger({ logLevel: process.env.TEST_LOG_LEVEL ?? "silent" }),
    ...(onQuery ? { onQuery } : {}),
  });
  // Tests post forms instantly, all from one address; the fill-time and burst rules and the
  // per-client limit have tests of their own that set them back.
  await setSetting(runtime.ctx, "comments.minFillSeconds", "0");
  await setSetting(runtime.ctx, "comments.burstMax", "0");
  await setSetting(runtime.ctx, "rateLimit.comments.max", "0");
  await setSetting(runtime.ctx, "rateLimit.search.max", "0");
  return {
    ...runtime,
    clock,
    async close() {
      await runtime.close();
      await drop();
    },
  };
}

export interface TestApp extends TestRuntime {
  app: FastifyInstance;
}

/** The whole HTTP application on a test runtime, for inject(). */
export async function openTestApp(
  engine: Engine,
  start = T0,
  overrides: Partial<Omit<Config, "database">> = {},
  onQuery?: QueryObserver,
): Promise<TestApp> {
  const runtime = await openTestRuntime(engine, start, overrides, onQuery);
  const app = await buildApp(runtime, { assetsDir: testAssetsDir });
  return {
    ...runtime,
    app,
    async close() {
      await app.close();
      await runtime.close();
    },
  };
}
