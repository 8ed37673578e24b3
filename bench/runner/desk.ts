import { loadConfig } from "../../src/config/index.js";
import { createLogger } from "../../src/lib/logger.js";
import { openRuntime } from "../../src/runtime.js";
import { kiosqueCli, type DatabaseLocation, type Server } from "./kiosque.js";
import { quantile } from "./load.js";

/**
 * Issue 11's figures: the moderation desk as one moderator uses it, on the running server.
 * - A queue page (pending, newest first, 50 comments with their reasons, every queue counted):
 *   sequential requests of its first pages, p50 and p95. Baseline in the same run: `/readyz` on
 *   the same server, sequentially (the framework, the session-less route and one database round
 *   trip: the floor of any answer).
 * - "Approve 1,000 selected comments in one action": the bulk form posted with 1,000 pending ids
 *   (JSON answer), wall time. Baseline: one bare `UPDATE … WHERE id IN (…)` of the same rows in a
 *   transaction, from this process (what any implementation must at least do: it puts them back
 *   to pending, on a database the run throws away). Then a sample of
 *   the articles touched is read several times from the server: every answer must show the new
 *   count (no process kept its old page).
 */
export interface DeskFigure {
  comments: number;
  pending: number;
  queue: { requests: number; p50Ms: number; p95Ms: number };
  readyz: { requests: number; p50Ms: number; p95Ms: number };
  approve: {
    selected: number;
    ms: number;
    /** The same comments, one bare UPDATE in a transaction. */
    sqlMs: number;
    pagesChecked: number;
    /** Answers that still showed an article's count from before the action (must be 0). */
    stalePages: number;
  };
}

const MODERATOR = { email: "bench-desk@redaction.example", password: "mot de passe du bench desk" };
/** How many comments the bulk action takes: the figure. */
const SELECTED = 1_000;
/** Articles of the action read back, each this many times (every worker should answer one). */
const SAMPLED_ARTICLES = 20;
const READS_PER_ARTICLE = 4;

async function timed(url: string, init: RequestInit): Promise<{ ms: number; res: Response }> {
  const t0 = performance.now();
  const res = await fetch(url, init);
  await res.arrayBuffer();
  return { ms: performance.now() - t0, res };
}

function latencies(values: number[]) {
  const sorted = Float64Array.from(values).sort();
  return { requests: values.length, p50Ms: quantile(sorted, 0.5), p95Ms: quantile(sorted, 0.95) };
}

async function signIn(baseUrl: string): Promise<string> {
  const res = await fetch(`${baseUrl}/admin/connexion`, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "sec-fetch-site": "same-origin",
    },
    body: new URLSearchParams(MODERATOR),
    redirect: "manual",
  });
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0] ?? "")
    .find((c) => c.startsWith("kq_staff="));
  if (res.status !== 303 || !cookie) throw new Error(`desk sign-in failed: ${res.status}`);
  return cookie;
}

const countTitle = (html: string) => /id="comments-title"[^>]*>([^<]*)</.exec(html)?.[1] ?? "";

export async function measureDesk(
  server: Server,
  location: DatabaseLocation,
  requests: number,
): Promise<DeskFigure> {
  await kiosqueCli(location, [
    "user",
    "create",
    "--email",
    MODERATOR.email,
    "--password",
    MODERATOR.password,
    "--role",
    "moderator",
    "--name",
    "Bench Desk",
  ]);
  const cookie = await signIn(server.baseUrl);
  const config = loadConfig({
    LOG_LEVEL: "silent",
    ...(location.engine === "sqlite"
      ? { KIOSQUE_DATA_DIR: location.dataDir }
      : { DATABASE_URL: location.url }),
  });
  const runtime = await openRuntime(config, { log: createLogger({ logLevel: "silent" }) });
  try {
    const { db } = runtime.ctx;
    const count = async (status?: string) =>
      Number(
        (
          await db
            .selectFrom("comments")
            .select((eb) => eb.fn.countAll().as("n"))
            .$if(status !== undefined, (q) => q.where("status", "=", status as "pending"))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const [comments, pending] = [await count(), await count("pending")];

    // Queue pages: the first pages, in turn, as a moderator works through them.
    const pages = Math.max(1, Math.min(20, Math.floor(pending / 50)));
    const headers = { cookie, "accept-encoding": "br, gzip" };
    const queueMs: number[] = [];
    const readyMs: number[] = [];
    // One warm-up request each, not counted: the first opens the connection.
    await timed(`${server.baseUrl}/admin/commentaires?statut=pending`, { headers });
    await timed(`${server.baseUrl}/readyz`, {});
    for (let i = 0; i < requests; i++) {
      const page = (i % pages) + 1;
      const { ms, res } = await timed(
        `${server.baseUrl}/admin/commentaires?statut=pending&page=${page}`,
        { headers },
      );
      if (res.status !== 200) throw new Error(`queue page ${page}: ${res.status}`);
      queueMs.push(ms);
      readyMs.push((await timed(`${server.baseUrl}/readyz`, {})).ms);
    }

    // The bulk action: 1,000 pending comments (or all there are), and a sample of their pages.
    const rows = await db
      .selectFrom("comments as c")
      .innerJoin("articles as a", "a.id", "c.article_id")
      .select(["c.id", "c.article_id", "a.slug", "a.status"])
      .where("c.status", "=", "pending")
      .orderBy("c.created_at", "desc")
      .orderBy("c.id", "desc")
      .limit(SELECTED)
      .execute();
    const chosen = rows;
    const sample = [
      ...new Map(
        chosen.filter((r) => r.status === "published").map((r) => [r.article_id, r.slug]),
      ).values(),
    ].slice(0, SAMPLED_ARTICLES);
    const before = new Map<string, string>();
    for (const slug of sample) {
      // Read enough times that every process has the page cached.
      for (let i = 0; i < READS_PER_ARTICLE; i++) {
        const html = await (await fetch(`${server.baseUrl}/article/${slug}`)).text();
        before.set(slug, countTitle(html));
      }
    }
    const body = new URLSearchParams({ action: "approve", portee: "selection" });
    for (const r of chosen) body.append("ids", String(r.id));
    const { ms, res } = await timed(`${server.baseUrl}/admin/commentaires/lot`, {
      method: "POST",
      headers: {
        cookie,
        accept: "application/json",
        "content-type": "application/x-www-form-urlencoded",
        "sec-fetch-site": "same-origin",
      },
      body,
    });
    if (res.status !== 200) throw new Error(`bulk approve: ${res.status}`);
    let stale = 0;
    for (const slug of sample)
      for (let i = 0; i < READS_PER_ARTICLE; i++) {
        const html = await (await fetch(`${server.baseUrl}/article/${slug}`)).text();
        if (countTitle(html) === before.get(slug)) stale++;
      }

    // The baseline: the same rows, one statement, one transaction (back to pending: the run's
    // database is thrown away).
    const ids = chosen.map((r) => r.id);
    const t0 = performance.now();
    await db.transaction().execute(async (tx) => {
      await tx.updateTable("comments").set({ status: "pending" }).where("id", "in", ids).execute();
    });
    const sqlMs = performance.now() - t0;

    return {
      comments,
      pending,
      queue: latencies(queueMs),
      readyz: latencies(readyMs),
      approve: {
        selected: chosen.length,
        ms,
        sqlMs,
        pagesChecked: sample.length * READS_PER_ARTICLE,
        stalePages: stale,
      },
    };
  } finally {
    await runtime.close();
  }
}

/** The two figures, as the report prints them. */
export function describeDesk(f: DeskFigure): { queue: string; approve: string } {
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  return {
    queue:
      `p95 ${ms(f.queue.p95Ms)} (p50 ${ms(f.queue.p50Ms)}), ${f.queue.requests} sequential; ` +
      `baseline /readyz p95 ${ms(f.readyz.p95Ms)} (${(f.queue.p95Ms / f.readyz.p95Ms).toFixed(1)}×); ` +
      `${f.comments.toLocaleString("en")} comments, ${f.pending.toLocaleString("en")} pending`,
    approve:
      `${f.approve.selected.toLocaleString("en")} selected: ${Math.round(f.approve.ms)} ms; ` +
      `bare UPDATE of the same rows ${f.approve.sqlMs.toFixed(1)} ms (${(f.approve.ms / f.approve.sqlMs).toFixed(0)}×); ` +
      `${f.approve.stalePages} stale of ${f.approve.pagesChecked} article reads after`,
  };
}
