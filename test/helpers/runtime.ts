import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import pg from "pg";
import { buildApp } from "../../src/app.js";
import { loadConfig, type Config } from "../../src/config/index.js";
import { openRuntime, type Runtime } from "../../src/ctx.js";
import type { Engine } from "../../src/db/dialect.js";
import { fixedClock } from "../../src/lib/clock.js";
import { createLogger } from "../../src/lib/logger.js";
import { setSetting } from "../../src/modules/settings/index.js";
import { testAssetsDir } from "./paths.js";

export type TestClock = ReturnType<typeof fixedClock>;

export interface TestRuntime extends Runtime {
  clock: TestClock;
  engine: Engine;
}

/** A moment in the demo's world; tests move the clock from here. */
export const T0 = new Date("2026-08-30T12:05:00.000Z");

/**
 * A real, empty database for one test file: a SQLite file in a fresh temporary folder, or a
 * fresh schema in the test PostgreSQL database. `close()` removes it.
 */
export async function openTestRuntime(engine: Engine, start = T0): Promise<TestRuntime> {
  const clock = fixedClock(start);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "kiosque-test-"));
  let database: Config["database"];
  let dropSchema = async () => {};
  if (engine === "postgres") {
    const url = process.env.KIOSQUE_TEST_DATABASE_URL;
    if (!url) throw new Error("KIOSQUE_TEST_DATABASE_URL is required for PostgreSQL tests");
    const schema = `t_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    database = { engine: "postgres", url, schema };
    dropSchema = async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop schema ${schema} cascade`);
      await c.end();
    };
  } else {
    database = { engine: "sqlite", file: path.join(dataDir, "kiosque.sqlite") };
  }
  const config: Config = { ...loadConfig({ KIOSQUE_DATA_DIR: dataDir, LOG_LEVEL: "silent" }), database };
  const runtime = await openRuntime(config, { clock, log: createLogger({ logLevel: process.env.TEST_LOG_LEVEL ?? "silent" }) });
  // Tests post forms instantly; the fill-time rule has tests of its own that set it back.
  await setSetting(runtime.ctx.db, "comments.minFillSeconds", "0");
  return {
    ...runtime,
    clock,
    engine,
    async close() {
      await runtime.close();
      await dropSchema();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface TestApp extends TestRuntime {
  app: FastifyInstance;
}

/** The whole HTTP application on a test runtime, for inject(). */
export async function openTestApp(engine: Engine, start = T0): Promise<TestApp> {
  const runtime = await openTestRuntime(engine, start);
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
