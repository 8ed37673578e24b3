import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStorage } from "../../src/db/storage.js";
import { cliEnv, runKiosque } from "../helpers/cli.js";
import { testEngines } from "../helpers/engines.js";
import { makeTestDatabase, type TestDatabase } from "../helpers/runtime.js";

/**
 * A command that fails on an error nothing foresaw (here a table gone from under it) says so in
 * one line and exits 1: an operator's script, a cron mail, read the code and the line, and a
 * stack trace with exit code 0 told them the reindex had worked.
 */
describe.each(testEngines())("a command's unexpected error, on %s", (engine) => {
  let database: TestDatabase;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    database = await makeTestDatabase(engine);
    env = cliEnv(database);
    expect((await runKiosque(env, "seed-demo")).code).toBe(0);
    const storage = openStorage(database.database);
    await sql`drop table related_lists`.execute(storage.db);
    await storage.close();
  }, 120_000);
  afterAll(() => database.drop());

  it("is said in one line, naming the command, with exit code 1", async () => {
    const res = await runKiosque(env, "reindex");
    expect(res.code, res.err).toBe(1);
    expect(res.err).not.toMatch(/^\s+at /m);
    expect(res.err.trimEnd().split("\n"), res.err).toHaveLength(1);
    expect(res.err).toMatch(
      /^kiosque: reindex stopped on an unexpected error: .*related_lists.* \(LOG_LEVEL=debug shows where\)\.\n$/,
    );
  }, 60_000);

  it("comes with where it happened when LOG_LEVEL asks for details", async () => {
    const res = await runKiosque({ ...env, LOG_LEVEL: "debug" }, "reindex");
    expect(res.code).toBe(1);
    expect(res.err).toMatch(/^kiosque: reindex stopped on an unexpected error: /);
    expect(res.err).toMatch(/^\s+at /m);
  }, 60_000);
});
