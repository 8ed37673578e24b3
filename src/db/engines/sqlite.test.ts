import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { sql, type Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateToLatest } from "../migrate.js";
import type { Storage } from "./adapter.js";
import { openSqlite } from "./sqlite.js";

/** A table outside the schema's types, for values of every storage class. */
interface Sample {
  id: number;
  whole: number | null;
  label: string | null;
  raw: Buffer | null;
}

describe("values sent to SQLite", () => {
  let dir: string;
  let storage: Storage;
  // The sample table is not part of the application's schema.
  const samples = () => (storage.db as unknown as Kysely<{ s: Sample }>).selectFrom("s");

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "kiosque-sqlite-"));
    storage = openSqlite({ engine: "sqlite", file: path.join(dir, "values.sqlite") });
    await sql`create table s (id integer primary key, whole integer, label text, raw blob)`.execute(
      storage.db,
    );
    await sql`insert into s (whole, label, raw) values
      (5, '5', x'05'), (0, 'zéro', null), (null, '100%_sûr', x'00ff'), (7, null, null)`.execute(
      storage.db,
    );
  });
  afterAll(async () => {
    await storage.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("travel as +?, so that the planner never asks for a statement to be prepared again", () => {
    const compiled = samples()
      .select("id")
      .where("whole", "=", 5)
      .where("label", "in", ["a", "b"])
      .limit(3)
      .offset(1)
      .compile();
    expect(compiled.sql.match(/\+\?/g)).toHaveLength(5);
    expect(compiled.sql).not.toMatch(/(^|[^+])\?/);
  });

  it("keep their meaning: affinity, NULL, blobs, patterns, lists, limits", async () => {
    const ids = async (query: ReturnType<typeof samples>) =>
      (await query.select("id").orderBy("id").execute()).map((r) => r.id);
    // A column's affinity still applies to the value compared with it.
    expect(await ids(samples().where("whole", "=", "5" as unknown as number))).toEqual([1]);
    expect(await ids(samples().where("label", "=", "5"))).toEqual([1]);
    expect(await ids(samples().where("whole", "=", 0))).toEqual([2]);
    expect(await ids(samples().where("whole", "is", null))).toEqual([3]);
    expect(await ids(samples().where("raw", "=", Buffer.from([0, 255])))).toEqual([3]);
    expect(await ids(samples().where(sql<boolean>`label like ${"100!%!_%"} escape '!'`))).toEqual([
      3,
    ]);
    expect(await ids(samples().where("whole", "in", [5, 7]))).toEqual([1, 4]);
    expect(await ids(samples().where("whole", ">", 4).limit(1).offset(1))).toEqual([4]);
    const typed = await samples()
      .select(() => [
        sql<string>`typeof(${"5"})`.as("text"),
        sql<string>`typeof(${5})`.as("number"),
        sql<string>`typeof(${null})`.as("nothing"),
      ])
      .executeTakeFirstOrThrow();
    expect(typed).toEqual({
      text: "text",
      number: expect.stringMatching(/integer|real/),
      nothing: "null",
    });
  });
});

describe("the change feed on SQLite", () => {
  let dir: string;
  let file: string;
  let writer: Storage;
  let reader: Storage;
  const now = () => new Date();
  const fail = (error: unknown) => {
    throw error;
  };

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "kiosque-feed-"));
    file = path.join(dir, "feed.sqlite");
    writer = openSqlite({ engine: "sqlite", file });
    await migrateToLatest(writer);
    reader = openSqlite({ engine: "sqlite", file });
  });
  afterAll(async () => {
    await reader.close();
    await writer.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("hears every commit of another connection at the next poll, across WAL restarts", async () => {
    const written = await writer.engine.openChangeFeed(now, fail);
    const heard: string[] = [];
    const feed = await reader.engine.openChangeFeed(now, fail);
    feed.subscribe((keys) => heard.push(...keys));
    for (let i = 0; i < 60; i++) {
      await writer.db.transaction().execute((trx) => written.announce(trx, [`k${i}`]));
      feed.poll();
      expect(heard).toEqual(Array.from({ length: i + 1 }, (_, j) => `k${j}`));
      // Nothing new: nothing heard twice.
      feed.poll();
      expect(heard).toHaveLength(i + 1);
      // A checkpoint that empties the WAL: the next commit starts it afresh, with new salts and
      // a frame count back at the start, which must not pass for "unchanged".
      if (i % 20 === 19) await sql`pragma wal_checkpoint(TRUNCATE)`.execute(writer.db);
    }
    await feed.close();
    await written.close();
  });

  it("leaves SQLite's locks on the shared memory file in place when it closes", async () => {
    expect(locksOn(`${file}-shm`)).toBeGreaterThan(0);
    const feed = await reader.engine.openChangeFeed(now, fail);
    feed.poll();
    await feed.close();
    expect(locksOn(`${file}-shm`)).toBeGreaterThan(0);
  });

  it("leaves the database file's locks in place when another connection opens it", async () => {
    expect(locksOn(file)).toBeGreaterThan(0);
    const another = openSqlite({ engine: "sqlite", file });
    expect(locksOn(file)).toBeGreaterThan(0);
    await another.close();
  });
});

/**
 * The POSIX locks this process holds on a file. Closing any descriptor of a file drops every
 * such lock of the process, SQLite's included (sqlite.org/howtocorrupt.html, 2.2). Linux lists
 * them in /proc/locks: "id: POSIX ADVISORY READ pid maj:min:inode start end".
 */
function locksOn(file: string): number {
  const inode = fs.statSync(file).ino;
  return fs
    .readFileSync("/proc/locks", "utf8")
    .split("\n")
    .filter((line) => {
      const fields = line.trim().split(/\s+/);
      return fields[4] === String(process.pid) && fields[5]?.endsWith(`:${inode}`);
    }).length;
}

describe("a write transaction on SQLite", () => {
  let dir: string;
  let storage: Storage;
  let file: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "kiosque-sqlite-"));
    file = path.join(dir, "writers.sqlite");
    storage = openSqlite({ engine: "sqlite", file });
    await sql`create table t (id integer primary key, n integer)`.execute(storage.db);
  });
  afterAll(async () => {
    await storage.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("holds the write lock from its start: another process's commit cannot slip in and fail it", async () => {
    // Another process's connection (the other worker, a command), which does not wait.
    const other = new Database(file);
    other.pragma("busy_timeout = 0");
    let otherRefused = false;
    try {
      await storage.db.transaction().execute(async (trx) => {
        await sql`select count(*) from t`.execute(trx);
        try {
          other.exec("insert into t (n) values (2)");
        } catch (error) {
          otherRefused = (error as { code?: string }).code === "SQLITE_BUSY";
        }
        // Deferred, this write failed with SQLITE_BUSY_SNAPSHOT: the other commit came between.
        await sql`insert into t (n) values (1)`.execute(trx);
      });
    } finally {
      other.close();
    }
    expect(otherRefused).toBe(true);
    const { rows } = await sql<{ n: number }>`select n from t`.execute(storage.db);
    expect(rows.map((r) => r.n)).toEqual([1]);
  });
});
