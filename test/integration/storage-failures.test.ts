import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import SQLite from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runKiosque } from "../helpers/cli.js";
import { testDatabaseUrl, testEngines } from "../helpers/engines.js";
import { root } from "../helpers/paths.js";
import { freePort } from "../helpers/server.js";

/** The environment of an operator's shell: only what points the command at its database. */
function envWith(vars: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: "warn", KIOSQUE_DEMO: "0" };
  delete env.DATABASE_URL;
  return { ...env, ...vars };
}

/** A line for the operator, not a trace: no stack frame, nothing of the URL's password. */
function expectOneLine(err: string, said: RegExp) {
  expect(err).toMatch(said);
  expect(err).not.toMatch(/^\s+at /m);
  expect(err).not.toContain("pass-word-secret");
}

/** `node dist/server.js` (its supervisor and workers) until it exits by itself. */
async function runServer(env: NodeJS.ProcessEnv): Promise<{ code: number; output: string }> {
  const port = String(await freePort());
  return new Promise((resolve) =>
    execFile(
      process.execPath,
      [path.join(root, "dist/server.js")],
      { env: { ...env, PORT: port, LOG_LEVEL: "info" }, timeout: 30_000 },
      (error, out, err) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, output: out + err }),
    ),
  );
}

describe("a database out of reach, said plainly", () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "kiosque-failure-"));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("says PostgreSQL is not there, from a command and from the server", async () => {
    const port = await freePort();
    const env = envWith({
      KIOSQUE_DATA_DIR: dir,
      DATABASE_URL: `postgres://kiosque:pass-word-secret@127.0.0.1:${port}/kiosque`,
    });
    const command = await runKiosque(env, "migrate");
    expect(command.code).toBe(1);
    expectOneLine(
      command.err,
      new RegExp(`^kiosque: cannot reach PostgreSQL at 127\\.0\\.0\\.1:${port}`),
    );

    const server = await runServer(env);
    expect(server.code).toBe(1);
    expect(server.output).toContain(`cannot reach PostgreSQL at 127.0.0.1:${port}`);
    expect(server.output).not.toContain("pass-word-secret");
    // Its workers, still loading, were stopped: that is not a failure of theirs to report, nor
    // a signal anybody sent.
    expect(server.output).not.toContain("failed to stop");
    expect(server.output).not.toMatch(/SIGTERM|shutting down/);
  });

  it("refuses a DATABASE_URL the driver cannot read, or an empty one, before opening anything", async () => {
    // Port out of range: the driver's URL parser threw from deep in the start, with a trace.
    const malformed = envWith({
      KIOSQUE_DATA_DIR: dir,
      DATABASE_URL: "postgres://kiosque:pass-word-secret@127.0.0.1:99999/kiosque",
    });
    const command = await runKiosque(malformed, "migrate");
    expect(command.code).toBe(1);
    expectOneLine(command.err, /DATABASE_URL: expected a PostgreSQL URL/);
    const server = await runServer(malformed);
    expect(server.code).toBe(1);
    expectOneLine(server.output, /DATABASE_URL: expected a PostgreSQL URL/);

    // Set but empty once meant SQLite: a new, empty site for an operator who meant PostgreSQL.
    const empty = await runKiosque(envWith({ KIOSQUE_DATA_DIR: dir, DATABASE_URL: "" }), "migrate");
    expect(empty.code).toBe(1);
    expectOneLine(empty.err, /DATABASE_URL: set but empty: give a value or unset it/);
    expect(fs.existsSync(path.join(dir, "kiosque.sqlite"))).toBe(false);
  });

  it("says a SQLite file is busy, or is not a database", async () => {
    const dataDir = fs.mkdtempSync(path.join(dir, "sqlite-"));
    const env = envWith({ KIOSQUE_DATA_DIR: dataDir });
    expect((await runKiosque(env, "migrate")).code).toBe(0);

    // Another process in the middle of a long write (the server's first start seeding the demo).
    const holder = new SQLite(path.join(dataDir, "kiosque.sqlite"));
    holder.exec("begin immediate");
    try {
      const busy = await runKiosque(env, "settings", "set", "site.name", "Le Quotidien");
      expect(busy.code).toBe(1);
      expectOneLine(busy.err, /^kiosque: the database .*kiosque\.sqlite is busy/);
    } finally {
      holder.exec("rollback");
      holder.close();
    }
    expect((await runKiosque(env, "settings", "set", "site.name", "Le Quotidien")).code).toBe(0);

    const broken = fs.mkdtempSync(path.join(dir, "broken-"));
    fs.writeFileSync(path.join(broken, "kiosque.sqlite"), Buffer.alloc(8192, "not a database "));
    const notADatabase = await runKiosque(envWith({ KIOSQUE_DATA_DIR: broken }), "migrate");
    expect(notADatabase.code).toBe(1);
    expectOneLine(notADatabase.err, /is not a readable Kiosque database/);
  });

  it("says a data folder that is a file, a database from a newer Kiosque, a bad id: one line", async () => {
    const file = path.join(dir, "not-a-folder");
    fs.writeFileSync(file, "x");
    const notAFolder = await runKiosque(envWith({ KIOSQUE_DATA_DIR: file }), "user", "list");
    expect(notAFolder.code).toBe(1);
    expectOneLine(notAFolder.err, /not-a-folder is not a folder: KIOSQUE_DATA_DIR/);

    const dataDir = fs.mkdtempSync(path.join(dir, "newer-"));
    const env = envWith({ KIOSQUE_DATA_DIR: dataDir });
    expect((await runKiosque(env, "migrate")).code).toBe(0);
    // A migration this version does not have: a later Kiosque ran it.
    const db = new SQLite(path.join(dataDir, "kiosque.sqlite"));
    db.prepare("insert into kysely_migration (name, timestamp) values (?, ?)").run(
      "099-from-a-later-version",
      "2030-01-01T00:00:00.000Z",
    );
    db.close();
    for (const args of [["migrate"], ["user", "list"]]) {
      const newer = await runKiosque(env, ...args);
      expect(newer.code, args.join(" ")).toBe(1);
      expectOneLine(newer.err, /newer Kiosque \(migration 099-from-a-later-version\)/);
    }
    // The server's supervisor, which migrates before its workers listen, says it the same way:
    // its log line, with no trace in it.
    const server = await runServer(env);
    expect(server.code).toBe(1);
    expect(server.output).toContain("newer Kiosque (migration 099-from-a-later-version)");
    expect(server.output).not.toContain('"stack"');

    const fresh = fs.mkdtempSync(path.join(dir, "ids-"));
    for (const id of ["abc", "-1", "0", "1.5", "99999999999999999999999"]) {
      const bad = await runKiosque(envWith({ KIOSQUE_DATA_DIR: fresh }), "comments", "approve", id);
      expect(bad.code, id).toBe(2);
      expectOneLine(bad.err, /expected a positive whole number/);
    }
  });

  // Only where the run has a PostgreSQL (always in `npm test`; not with KIOSQUE_TEST_ENGINES=sqlite).
  if (testEngines().includes("postgres"))
    it("says which PostgreSQL database is missing, without its password", async () => {
      const url = new URL(testDatabaseUrl());
      url.pathname = "/kiosque_no_such_database";
      const missing = await runKiosque(
        envWith({ KIOSQUE_DATA_DIR: dir, DATABASE_URL: url.toString() }),
        "migrate",
      );
      expect(missing.code).toBe(1);
      expectOneLine(
        missing.err,
        new RegExp(`^kiosque: PostgreSQL at ${url.hostname}:${url.port} has no such database`),
      );
      if (url.password) expect(missing.err).not.toContain(decodeURIComponent(url.password));
    });
});
