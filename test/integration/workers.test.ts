import fs from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import {
  acknowledged,
  commentFields,
  commentPost,
  send,
  type Outcome,
} from "../helpers/comment-load.js";
import { testEngines } from "../helpers/engines.js";
import { makeTestDatabase } from "../helpers/runtime.js";
import { startServer, type RunningServer } from "../helpers/server.js";

/**
 * `npm start` serves from several processes sharing the port (src/supervisor.ts): each its own
 * database connection and page cache, the others' writes heard through the change feed.
 */

/** Comments approved at once, so that a post shows on the public page. */
const SETTINGS = { "comments.holdFirst": "false", "comments.burstMax": "0" };
/**
 * Fresh connections read through: the kernel spreads each to one worker as it hashes the
 * connection, so with 2 workers the chance that all of them land on the same one is 2^-23.
 */
const READS = 24;
/** PostgreSQL's notice travels to the other worker's LISTEN connection; a moment at most. */
const NOTICE_WITHIN_MS = 5_000;

describe.each(testEngines())("several server processes on %s", (engine) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function start(extra: Record<string, string> = {}): Promise<RunningServer> {
    const env: Record<string, string> = { KIOSQUE_WORKERS: "2", ...extra };
    if (engine === "postgres") {
      const database = await makeTestDatabase(engine);
      cleanups.push(() => database.drop());
      env.DATABASE_URL = database.url ?? "";
    }
    const server = await startServer({ settings: SETTINGS, env });
    cleanups.push(() => server.stop());
    await until(() => listeningWorkers(server).length === 2, 30_000, "two workers listening");
    return server;
  }

  it("shows a comment posted through one process through every other at once", async () => {
    const server = await start();
    const slug = await openDiscussion(server.url);
    const page = () => read(server.url, `/article/${slug}`);
    // Every worker renders the page and keeps it in its cache.
    for (let i = 0; i < READS; i++) expect((await page()).status).toBe(200);

    const fields = commentFields("workers");
    const posted = await send(server.url, commentPost(slug, fields)).outcome;
    const ack = posted.kind === "answered" ? acknowledged(posted.answer) : undefined;
    expect(ack, server.output()).toMatchObject({ status: "approved" });

    const stale: number[] = [];
    for (let i = 0; i < READS; i++) {
      const deadline = performance.now() + NOTICE_WITHIN_MS;
      for (let attempt = 0; ; attempt++) {
        const answer = await page();
        expect(answer.status).toBe(200);
        if (answer.body.includes(fields.body ?? "")) break;
        // SQLite: the reading process sees the change feed's data_version moved before it
        // answers, so never a stale page.
        stale.push(i);
        if (engine === "sqlite" || performance.now() > deadline) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
    if (engine === "sqlite") expect(stale).toEqual([]);
    const final = await page();
    expect(final.body).toContain(fields.body);
  });

  it("writes the demo newsroom once: the first process to open the database, alone", async () => {
    const server = await start({ LOG_LEVEL: "debug" });
    // Sockets listen a moment before the supervisor hears so from both processes.
    await until(() => server.output().includes("Kiosque is serving"), 10_000, "the start line");
    const output = server.output();
    expect(output.match(/demo content written/g), output).toHaveLength(1);
    // The supervisor's account: the second opens only once the first serves, and the site is
    // said to be served once both do.
    const steps = output
      .match(/"msg":"(may open the database|serving|Kiosque is serving)/g)
      ?.map((m) => m.slice(7));
    expect(steps, output).toEqual([
      "may open the database",
      "serving",
      "may open the database",
      "serving",
      "Kiosque is serving",
    ]);
    expect(output).not.toMatch(/died|could not be made ready/);
    expect((await read(server.url, "/")).status).toBe(200);
  });

  it("has each worker give its heap back once quiet (src/idle-collect.ts)", async () => {
    const server = await start({ LOG_LEVEL: "debug" });
    const workers = listeningWorkers(server);
    for (const pid of workers)
      expect(fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0")).toContain("--expose-gc");
    for (let i = 0; i < READS; i++) expect((await read(server.url, "/")).status).toBe(200);
    // Quiet from here: each worker collects within a few of its one-second ticks.
    const given = () =>
      [...server.output().matchAll(/"pid":(\d+),[^\n]*"msg":"quiet: heap given back"/g)].map((m) =>
        Number(m[1]),
      );
    await until(() => workers.every((pid) => given().includes(pid)), 15_000, "both collections");
    for (const line of server
      .output()
      .split("\n")
      .filter((l) => l.includes("heap given back"))) {
      const { heapMB, nowMB } = JSON.parse(line) as { heapMB: number; nowMB: number };
      expect(nowMB).toBeLessThan(heapMB);
    }
  });

  it("starts again a process that dies, and stops them all on SIGTERM", async () => {
    const server = await start();
    const [victim, survivor] = listeningWorkers(server);
    if (!victim || !survivor) throw new Error("no workers");
    // Malloc keeps its own adaptive thresholds in each worker: a fixed 32 KiB one cost every
    // cold page 16–33 page faults and ~0.5 ms of CPU (decision 033).
    const mallocSettings = (entries: string[]) =>
      entries.filter((e) => /^(MALLOC_|GLIBC_TUNABLES=)/.test(e)).sort();
    const ours = mallocSettings(Object.entries(process.env).map(([k, v]) => `${k}=${v}`));
    for (const pid of [victim, survivor])
      expect(mallocSettings(fs.readFileSync(`/proc/${pid}/environ`, "utf8").split("\0"))).toEqual(
        ours,
      );
    process.kill(victim, "SIGKILL");
    await until(
      () => {
        const now = listeningWorkers(server);
        return now.length === 2 && !now.includes(victim);
      },
      30_000,
      "a new worker",
    );
    const replacement = listeningWorkers(server).find((pid) => pid !== survivor);
    for (let i = 0; i < READS; i++) expect((await read(server.url, "/")).status).toBe(200);

    const exit = await server.kill("SIGTERM");
    expect(exit, server.output()).toEqual({ code: 0, signal: null });
    for (const pid of [survivor, replacement]) expect(alive(pid ?? 0), `worker ${pid}`).toBe(false);
    const after = await send(server.url, { method: "GET", path: "/healthz" }).outcome;
    expect(after).toMatchObject({ kind: "failed", error: "ECONNREFUSED" });
    expect(server.output()).not.toMatch(/failed to stop|took too long/);
  });

  it("starts every worker again when all die at once, and stops them all on SIGHUP", async () => {
    const server = await start();
    const first = listeningWorkers(server);
    // Within their first 30 s: each is started again after a pause, which was the only thing
    // left to keep the supervisor alive, and it exited 0 with nobody serving.
    for (const pid of first) process.kill(pid, "SIGKILL");
    await until(
      () => {
        const now = listeningWorkers(server);
        return now.length === 2 && now.every((pid) => !first.includes(pid));
      },
      30_000,
      "two new workers",
    );
    expect(alive(server.pid)).toBe(true);
    for (let i = 0; i < READS; i++) expect((await read(server.url, "/")).status).toBe(200);

    // The terminal it ran in closed: a graceful stop, as on SIGTERM.
    const workers = listeningWorkers(server);
    const exit = await server.kill("SIGHUP");
    expect(exit, server.output()).toEqual({ code: 0, signal: null });
    for (const pid of workers) expect(alive(pid), `worker ${pid}`).toBe(false);
  });
});

/** The supervisor's children, from /proc (Linux, as reusePort). */
function workersOf(pid: number): number[] {
  try {
    const text = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8");
    return text.split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** The supervisor's children that hold a socket listening on the server's port (/proc/net/tcp). */
function listeningWorkers(server: RunningServer): number[] {
  const port = Number(new URL(server.url).port).toString(16).toUpperCase().padStart(4, "0");
  const inodes = new Set(
    fs
      .readFileSync("/proc/net/tcp", "utf8")
      .split("\n")
      .map((line) => line.trim().split(/\s+/))
      .filter((f) => f[1]?.endsWith(`:${port}`) && f[3] === "0A")
      .map((f) => f[9]),
  );
  return workersOf(server.pid).filter((pid) => {
    try {
      return fs
        .readdirSync(`/proc/${pid}/fd`)
        .some((fd) =>
          inodes.has(/^socket:\[(\d+)\]$/.exec(readLink(`/proc/${pid}/fd/${fd}`))?.[1]),
        );
    } catch {
      return false;
    }
  });
}

function readLink(file: string): string {
  try {
    return fs.readlinkSync(file);
  } catch {
    return "";
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until(check: () => boolean, withinMs: number, what: string): Promise<void> {
  const deadline = performance.now() + withinMs;
  while (!check()) {
    if (performance.now() > deadline) throw new Error(`waited ${withinMs} ms for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A GET on a connection of its own, so that each read may land on any worker. */
async function read(url: string, path: string): Promise<{ status: number; body: string }> {
  const outcome: Outcome = await send(url, { method: "GET", path }).outcome;
  if (outcome.kind === "failed") throw new Error(`GET ${path}: ${outcome.error}`);
  return { status: outcome.answer.status, body: outcome.answer.body };
}

/** An article of the demo newsroom whose discussion takes comments. */
async function openDiscussion(url: string): Promise<string> {
  const home = (await read(url, "/")).body;
  for (const [, slug] of home.matchAll(/href="\/article\/([^"#?]+)"/g)) {
    if (slug && (await read(url, `/article/${slug}`)).body.includes('id="comment-form"'))
      return slug;
  }
  throw new Error("no open discussion in the demo newsroom");
}
