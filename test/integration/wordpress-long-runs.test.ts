import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importWordpress } from "../../src/modules/imports/index.js";
import { readWxr } from "../../src/modules/imports/wxr/reader.js";
import { openRuntime } from "../../src/runtime.js";
import { testEngines } from "../helpers/engines.js";
import { openTestRuntime, type TestRuntime } from "../helpers/runtime.js";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kiosque-wxr-long-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const HEAD = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>T</title><link>https://long.example</link><wp:wxr_version>1.2</wp:wxr_version>`;

/** Comment `i` of a post: every fifth answers the one before it. */
const comment = (i: number) =>
  `<wp:comment><wp:comment_id>${i}</wp:comment_id><wp:comment_author>Lectrice ${i}</wp:comment_author><wp:comment_date_gmt>2024-01-02 10:00:00</wp:comment_date_gmt><wp:comment_content><![CDATA[Avis numéro ${i}, assez long pour peser un peu dans la base.]]></wp:comment_content><wp:comment_approved>1</wp:comment_approved><wp:comment_parent>${i % 5 === 0 ? i - 1 : 0}</wp:comment_parent></wp:comment>`;

/** An export of posts numbered from `first`, each with `comments` comments. */
function exportOf(name: string, posts: number, comments: number): string {
  const file = path.join(dir, name);
  const out = fs.openSync(file, "w");
  fs.writeSync(out, HEAD);
  let id = 1;
  for (let p = 1; p <= posts; p++) {
    fs.writeSync(
      out,
      `<item><title>Article ${p}</title><dc:creator>a</dc:creator><content:encoded><![CDATA[Texte ${p}.]]></content:encoded><wp:post_id>${p}</wp:post_id><wp:post_date_gmt>2024-01-01 10:00:00</wp:post_date_gmt><wp:post_name>article-${p}</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type>`,
    );
    let chunk = "";
    for (let c = 0; c < comments; c++) {
      chunk += comment(id++);
      if (chunk.length > 1_000_000) {
        fs.writeSync(out, chunk);
        chunk = "";
      }
    }
    fs.writeSync(out, `${chunk}</item>`);
  }
  fs.writeSync(out, "</channel></rss>");
  fs.closeSync(out);
  return file;
}

async function count(rt: TestRuntime, table: string): Promise<number> {
  const { rows } = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(
    table,
  )}`.execute(rt.ctx.db);
  return Number(rows[0]?.n);
}

const TABLES = ["articles", "comments", "users", "wordpress_imports", "redirects"];
const counts = async (rt: TestRuntime) =>
  Object.fromEntries(await Promise.all(TABLES.map(async (t) => [t, await count(rt, t)])));

/**
 * A second connection to the SQLite file, in a thread of its own (better-sqlite3 waits for a
 * lock synchronously: in the test's own thread it would stop the import it waits for), writing
 * every 20 ms as the site's readers would, waiting `timeoutMs` for the lock: how many writes
 * failed (and the longest wait, for a failure's message: a time is not asserted).
 */
function siteWriter(
  file: string,
  timeoutMs: number,
): { stop(): Promise<{ longest: number; failed: number }> } {
  const worker = new Worker(
    `const { parentPort, workerData } = require("node:worker_threads");
    const Database = require("better-sqlite3");
    const db = new Database(workerData.file, { timeout: workerData.timeoutMs });
    db.exec("create table if not exists probe (at text)");
    let longest = 0, failed = 0, stop = false;
    parentPort.on("message", () => { stop = true; });
    (function tick() {
      if (stop) { db.close(); parentPort.postMessage({ longest, failed }); return; }
      const started = Date.now();
      try { db.prepare("insert into probe values (?)").run(String(started)); } catch { failed++; }
      longest = Math.max(longest, Date.now() - started);
      setTimeout(tick, 20);
    })();`,
    { eval: true, workerData: { file, timeoutMs } },
  );
  return {
    stop: () =>
      new Promise((resolve) => {
        worker.once("message", (m: { longest: number; failed: number }) => {
          void worker.terminate();
          resolve(m);
        });
        worker.postMessage("stop");
      }),
  };
}

/**
 * One post with 70,000 comments took one transaction of 3 to 5 s, and the dry run of
 * any export one transaction for all of it: on SQLite the site's own writes (a reader's
 * comment) waited for it, 5 s at most, then failed.
 */
describe("long imports and the site's own writes, on sqlite", () => {
  let rt: TestRuntime;
  let file: string;
  let dbFile: string;
  beforeAll(async () => {
    rt = await openTestRuntime("sqlite");
    const database = rt.ctx.config.database;
    if (database.engine !== "sqlite") throw new Error("sqlite expected");
    dbFile = database.file;
    file = exportOf("many-comments.xml", 1, 70_000);
  }, 60_000);
  afterAll(() => rt.close());

  it("dry-runs on a private copy: nothing written, the site's writes never wait for it", async () => {
    const before = await counts(rt);
    // A wait well under the old dry run's one transaction (seconds): on the copy, none at all.
    const writer = siteWriter(dbFile, 2_000);
    const openCopy = async (copy: string) => {
      const runtime = await openRuntime({
        ...rt.ctx.config,
        database: { engine: "sqlite", file: copy },
      });
      return { ctx: runtime.ctx, close: () => runtime.close() };
    };
    const dry = await importWordpress(rt.ctx, { file, dryRun: true, openCopy });
    const waited = await writer.stop();
    expect(dry.imported["comments (approved)"]).toBe(70_000);
    expect(await counts(rt)).toEqual(before);
    expect(fs.readdirSync(path.dirname(dbFile)).filter((f) => f.startsWith(".dry-run"))).toEqual(
      [],
    );
    expect(waited.failed, `longest wait ${waited.longest} ms`).toBe(0);
  }, 120_000);

  it("commits in short transactions, a post's many comments in several", async () => {
    // The site's own wait (busy_timeout): no reader's write fails while the import runs.
    const writer = siteWriter(dbFile, 5_000);
    const report = await importWordpress(rt.ctx, { file });
    const waited = await writer.stop();
    expect(report.imported["comments (approved)"]).toBe(70_000);
    expect(await count(rt, "comments")).toBe(70_000);
    expect(waited.failed, `longest wait ${waited.longest} ms`).toBe(0);
  }, 120_000);
});

describe.each(testEngines())("a post with many comments, on %s", (engine) => {
  let rt: TestRuntime;
  beforeAll(async () => {
    rt = await openTestRuntime(engine);
  });
  afterAll(() => rt.close());

  it("is read in parts, never more comments at once than a part holds", async () => {
    const file = exportOf("parts.xml", 2, 47);
    const sizes: number[] = [];
    for await (const r of readWxr(file, undefined, { comments: 10, characters: 1_000_000 }))
      if (r.kind === "item" || r.kind === "comments") sizes.push(r.comments.length);
    expect(sizes).toEqual([10, 10, 10, 10, 7, 10, 10, 10, 10, 7]);
    // By characters too: one comment of a part's size is a part of its own.
    const chars: number[] = [];
    for await (const r of readWxr(file, undefined, { comments: 1000, characters: 500 }))
      if (r.kind === "item" || r.kind === "comments") chars.push(r.comments.length);
    expect(Math.max(...chars)).toBeLessThan(47);
  });

  it("gets all its comments in their threads, and a run stopped midway completes", async () => {
    const parts = { comments: 10, characters: 1_000_000 };
    // What a run stopped after the first post's third part kept: its first 30 comments.
    await importWordpress(rt.ctx, { file: exportOf("stopped.xml", 1, 30), commentParts: parts });
    expect(await count(rt, "comments")).toBe(30);
    const file = exportOf("threads.xml", 2, 47);
    const again = await importWordpress(rt.ctx, { file, commentParts: parts });
    expect(again.already).toEqual({ articles: 1, comments: 30 });
    expect(again.look).toEqual([]);
    expect(await count(rt, "articles")).toBe(2);
    expect(await count(rt, "comments")).toBe(94);
    const { rows } = await sql<{ n: number | string }>`
      select count(*) as n from comments where parent_id is not null`.execute(rt.ctx.db);
    // Every fifth comment answers the one before, across parts too: 9 per post, none top-level.
    expect(Number(rows[0]?.n)).toBe(18);
    const third = await importWordpress(rt.ctx, { file, commentParts: parts });
    expect(third.imported).toEqual({});
    expect(third.already.comments).toBe(94);
  });
});
