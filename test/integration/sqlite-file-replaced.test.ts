import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestApp, type TestApp } from "../helpers/runtime.js";

/**
 * The SQLite file deleted or replaced under a running site: the process keeps writing to the
 * file it opened, which nobody will open again (an outside attack deleted it: comments went on
 * being acknowledged, /readyz said ready, and the next start wrote the demo into a new file).
 */
describe("a SQLite file taken from under the site", () => {
  let t: TestApp;
  let file: string;
  beforeAll(async () => {
    t = await openTestApp("sqlite");
    const database = t.ctx.config.database;
    if (database.engine !== "sqlite") throw new Error("SQLite expected");
    file = database.file;
  });
  afterAll(() => t.close());

  const ready = async () => (await t.app.inject({ url: "/readyz" })).statusCode;

  it("is not ready while its file is gone or another, and ready again once it is back", async () => {
    expect(await ready()).toBe(200);
    fs.renameSync(file, `${file}.moved`);
    expect(await ready()).toBe(503);
    // Another file at its path (a copy put over it) is not the one this process writes to.
    fs.copyFileSync(`${file}.moved`, file);
    expect(await ready()).toBe(503);
    fs.rmSync(file);
    fs.renameSync(`${file}.moved`, file);
    expect(await ready()).toBe(200);
  });
});
