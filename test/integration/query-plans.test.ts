import { CompiledQuery, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sign } from "../../src/lib/crypto.js";
import { comments } from "../../src/modules/comments/index.js";
import { setSetting } from "../../src/modules/settings/index.js";
import { testEngines } from "../helpers/engines.js";
import { makeArticle, makeAuthor, makeCategory } from "../helpers/factories.js";
import { openTestApp, type TestApp } from "../helpers/runtime.js";

interface Query {
  sql: string;
  parameters: readonly unknown[];
}

/** Tables that grow with the site: never read whole on a reader's path. */
const BIG = new Set(["articles", "comments", "article_tags", "article_authors", "moderation_log"]);

/** Names a big table goes by in this statement: itself and its aliases. */
function bigNames(statement: string): Set<string> {
  const names = new Set(BIG);
  for (const [, table, alias] of statement.matchAll(/"(\w+)" as "(\w+)"/g)) {
    if (BIG.has(table!)) names.add(alias!);
  }
  return names;
}

/**
 * True when a SQLite plan line walks a growing table whole: a SCAN (through an index too: an
 * index walked end to end is as long a read), or a SEARCH whose only constraints are the status
 * and a date, which every published article or approved comment meets. The home page's "latest"
 * list and its count are such a walk by nature (newest first, stopped by LIMIT), and only they
 * may. A search of comments by article alone is one too.
 */
// SQLite's statements carry values as `+?` (engines/sqlite.ts says why).
const latestPattern =
  /where "a"\."status" = \+?\? and "a"\."published_at" <= \+?\?( order by [^()]*)?$/;
function readsWhole(detail: string, names: Set<string>, statement: string): boolean {
  const scan = /^SCAN (\w+)(.*)$/.exec(detail);
  if (scan)
    return names.has(scan[1]!) && !(/USING/.test(scan[2]!) && latestPattern.test(statement));
  const search = /^SEARCH (\w+) USING (?:COVERING )?INDEX \w+ \((.*)\)$/.exec(detail);
  if (!search || !names.has(search[1]!)) return false;
  const columns = search[2]!.split(" AND ").map((c) => c.replace(/[=<>].*$/, ""));
  const weak =
    columns.every((c) => ["status", "published_at", "created_at"].includes(c)) ||
    // All of an article's comments, held and spam included, to find one reader's: a busy
    // article makes that a long read on every post.
    (search[1] === "comments" && columns.every((c) => c === "article_id"));
  return weak && !latestPattern.test(statement);
}

/**
 * Every statement the reader's pages send, through EXPLAIN: no full read of a growing table.
 * The page cache is off so every request reaches the database; the planner is told to avoid
 * sequential scans (PostgreSQL) so a missing index shows even on a small test table.
 */
describe.each(testEngines())("queries of the reader's pages on %s", (engine) => {
  let t: TestApp;
  let recording: Query[] | undefined;
  let few: { slug: string };
  let many: { slug: string };

  beforeAll(async () => {
    t = await openTestApp(engine, undefined, { pageCacheBytes: 0 }, (sqlText, parameters) =>
      recording?.push({ sql: sqlText, parameters }),
    );
    await setSetting(t.ctx, "comments.holdFirst", "false");
    await setSetting(t.ctx, "comments.perPage", "10");
    // The burst rule's look-up is part of a post (the test runtime turns the rule off).
    await setSetting(t.ctx, "comments.burstMax", "5");
    const author = await makeAuthor(t.ctx, "Claire Dumas");
    const categories = [await makeCategory(t.ctx, "Monde"), await makeCategory(t.ctx, "Sport")];
    for (let i = 0; i < 24; i++) {
      await makeArticle(t.ctx, {
        categorySlug: categories[i % 2]!.slug,
        authorId: author.id,
        // "Budget" is on every article and "Climat" on a few, as tags are on a real site: the
        // planner rightly walks the latest articles for the one and looks the other up.
        tags: ["Budget", i % 8 === 0 ? "Climat" : "Eau"],
        publishedAt: new Date(t.clock.now().getTime() - (i + 2) * 3_600_000),
      });
    }
    few = await makeArticle(t.ctx, { categorySlug: categories[0]!.slug, tags: ["Budget"] });
    many = await makeArticle(t.ctx, { categorySlug: categories[0]!.slug, tags: ["Budget"] });
    const say = (slug: string, i: number, parent?: number) =>
      comments.postComment(
        t.ctx,
        {
          articleSlug: slug,
          form: {
            name: `L${i}`,
            email: `l${i}@example.net`,
            body: `Avis ${slug} ${i}`,
            parent: parent ? String(parent) : "",
          },
          ip: undefined,
        },
        [],
      );
    await say(few.slug, 1);
    for (let i = 0; i < 40; i++) {
      const top = await say(many.slug, 100 + i);
      await say(many.slug, 200 + i, top.comment.id);
    }
    // What the server's hourly job does (jobs/optimize-database.ts): planner statistics.
    await t.storage.engine.optimize();
  });
  afterAll(() => t.close());

  async function queriesOf(
    url: string,
    init: { method?: "GET" | "POST"; payload?: string; cookie?: string } = {},
  ) {
    recording = [];
    const res = await t.app.inject({
      url,
      method: init.method ?? "GET",
      ...(init.cookie ? { headers: { cookie: init.cookie } } : {}),
      ...(init.payload
        ? {
            payload: init.payload,
            headers: {
              "content-type": "application/x-www-form-urlencoded",
              accept: "application/json",
            },
          }
        : {}),
    });
    const queries = recording;
    recording = undefined;
    expect(res.statusCode, url).toBeLessThan(400);
    return queries;
  }

  it("asks the database a fixed number of questions per page, however many comments or articles it shows", async () => {
    // What a process reads once and keeps (settings, the footer's pages) is read by this first one.
    await queriesOf("/?page=1");
    const small = await queriesOf(`/article/${few.slug}`);
    const large = await queriesOf(`/article/${many.slug}`);
    // One more at most: the comments' count, asked only when they fill more than the first page.
    expect(large.length - small.length).toBeGreaterThanOrEqual(0);
    expect(large.length - small.length).toBeLessThanOrEqual(1);
    // 13: one of them reads the GIFs of the page's comments, all at once (issue 12).
    expect(large.length).toBeLessThanOrEqual(13);
    const home = await queriesOf("/");
    expect(home.length).toBeLessThanOrEqual(8);
  });

  it("reads the site's chrome once, and again after a change", async () => {
    const readsSections = (queries: readonly Query[]) =>
      queries.filter((q) => /^select \* from "categories"/.test(q.sql)).length;
    await queriesOf(`/article/${few.slug}`);
    // Misses of other pages (a crawler) read sections, logo and footer pages no more.
    expect(readsSections(await queriesOf(`/article/${many.slug}`))).toBe(0);
    // A new section changes every page's navigation: the next render reads it, and shows it.
    await makeCategory(t.ctx, "Culture");
    expect(readsSections(await queriesOf(`/article/${few.slug}`))).toBe(1);
    const page = await t.app.inject({ url: `/article/${many.slug}` });
    expect(page.body).toContain(">Culture<");
  });

  it("reads no growing table whole", async () => {
    const pages = [
      "/",
      "/?page=2",
      "/rubrique/" +
        (await t.ctx.db.selectFrom("categories").select("slug").executeTakeFirstOrThrow()).slug,
      "/tag/budget",
      "/tag/climat",
      "/auteur/claire-dumas",
      `/article/${many.slug}`,
      `/article/${many.slug}?cpage=2`,
      "/feed.xml",
    ];
    const seen = new Map<string, Query>();
    for (const url of pages) for (const q of await queriesOf(url)) seen.set(q.sql, q);
    const post = await queriesOf(`/article/${few.slug}/commentaires`, {
      method: "POST",
      payload: "name=Zo%C3%A9&email=zoe%40example.net&body=Bonjour+%C3%A0+tous",
    });
    for (const q of post) seen.set(q.sql, q);
    // The author of a held comment gets a page of their own, with other queries.
    const held =
      post.length > 0
        ? await t.ctx.db
            .selectFrom("comments")
            .select("id")
            .where("status", "=", "pending")
            .executeTakeFirst()
        : undefined;
    const cookie = `kq_mine=${sign(t.ctx.secret, String(held?.id ?? 1))}`;
    for (const q of await queriesOf(`/article/${few.slug}`, { cookie })) seen.set(q.sql, q);

    const selects = [...seen.values()].filter((q) => /^\s*select/i.test(q.sql));
    expect(selects.length).toBeGreaterThan(10);
    expect(
      selects.some((q) => /"ip_hash" = /.test(q.sql)),
      "the burst rule's query",
    ).toBe(true);
    const fullReads: string[] = [];
    await t.ctx.db.connection().execute(async (conn) => {
      if (engine === "postgres") await sql`set enable_seqscan = off`.execute(conn);
      try {
        for (const q of selects) {
          const names = bigNames(q.sql);
          if (engine === "sqlite") {
            const plan = await conn.executeQuery<{ detail: string }>(
              CompiledQuery.raw(`explain query plan ${q.sql}`, [...q.parameters]),
            );
            for (const { detail } of plan.rows) {
              if (readsWhole(detail, names, q.sql)) fullReads.push(`${detail}  ←  ${q.sql}`);
            }
          } else {
            const plan = await conn.executeQuery<{ "QUERY PLAN": string }>(
              CompiledQuery.raw(`explain ${q.sql}`, [...q.parameters]),
            );
            for (const row of plan.rows) {
              const m = /Seq Scan on (\w+)/.exec(row["QUERY PLAN"]);
              if (m && names.has(m[1]!)) fullReads.push(`${row["QUERY PLAN"].trim()}  ←  ${q.sql}`);
            }
          }
        }
      } finally {
        if (engine === "postgres") await sql`reset enable_seqscan`.execute(conn);
      }
    });
    expect(fullReads).toEqual([]);
  });
});

/**
 * What an article's render reads must not grow with the site. With 100,000 articles, counting
 * shared tags over every article of the article's tags (thousands for a common tag) cost 12 ms
 * a render, a crawler's every request. PostgreSQL's EXPLAIN ANALYZE counts the rows each plan
 * node produced: the article page's statements must produce as many on a site three times larger.
 * (SQLite reports no such count; the statements are the same on both engines.)
 */
describe.each(testEngines().filter((e) => e === "postgres"))(
  "rows an article's render reads on %s",
  (engine) => {
    let t: TestApp;
    let recording: Query[] | undefined;
    let category: { slug: string };
    let author: { id: number };
    let target: { slug: string };

    beforeAll(async () => {
      t = await openTestApp(engine, undefined, { pageCacheBytes: 0 }, (sqlText, parameters) =>
        recording?.push({ sql: sqlText, parameters }),
      );
      category = await makeCategory(t.ctx, "Monde");
      author = await makeAuthor(t.ctx, "Claire Dumas");
      target = await makeArticle(t.ctx, {
        categorySlug: category.slug,
        authorId: author.id,
        tags: ["Budget", "Eau"],
      });
      await more(80);
    });
    afterAll(() => t.close());

    /** Articles sharing the target's tags, older than it: the "related" candidates grow. */
    async function more(count: number) {
      for (let i = 0; i < count; i++)
        await makeArticle(t.ctx, {
          categorySlug: category.slug,
          authorId: author.id,
          tags: ["Budget", "Eau"],
          publishedAt: new Date(t.clock.now().getTime() - (i + 2) * 3_600_000),
        });
      await t.storage.engine.optimize();
    }

    /** Total rows produced by every plan node of every statement of the article page. */
    async function rowsRead(): Promise<Map<string, number>> {
      recording = [];
      const res = await t.app.inject({ url: `/article/${target.slug}` });
      const queries = recording;
      recording = undefined;
      expect(res.statusCode).toBe(200);
      const rows = new Map<string, number>();
      // Indexes first, as the planner chooses on a large site whose statistics say so (on a test
      // table it may read a few dozen rows whole and sort them instead).
      await t.ctx.db.connection().execute(async (conn) => {
        await sql`set enable_seqscan = off`.execute(conn);
        await sql`set enable_bitmapscan = off`.execute(conn);
        try {
          for (const q of queries.filter((q) => /^\s*select/i.test(q.sql))) {
            const plan = await conn.executeQuery<{ "QUERY PLAN": { Plan: PlanNode }[] }>(
              CompiledQuery.raw(`explain (analyze, format json) ${q.sql}`, [...q.parameters]),
            );
            const root = plan.rows[0]?.["QUERY PLAN"][0]?.Plan;
            rows.set(q.sql, root ? produced(root) : 0);
          }
        } finally {
          await sql`reset enable_seqscan`.execute(conn);
          await sql`reset enable_bitmapscan`.execute(conn);
        }
      });
      return rows;
    }

    it("reads as many rows for an article on a site three times larger", async () => {
      const before = await rowsRead();
      await more(160);
      const after = await rowsRead();
      // A statement that follows the site grows with it, threefold here. The related list is
      // stored and its articles change as the site grows, and with them their tags' rows (8 →
      // 10): a few rows of difference are which articles are shown, not how many are read.
      const grown = [...after]
        .filter(([statement, n]) => n > (before.get(statement) ?? 0) * 1.5)
        .map(([statement, n]) => `${before.get(statement)} → ${n} rows: ${statement}`);
      expect(grown).toEqual([]);
    });
  },
);

interface PlanNode {
  "Actual Rows": number;
  "Actual Loops": number;
  Plans?: PlanNode[];
}

function produced(node: PlanNode): number {
  const own = node["Actual Rows"] * node["Actual Loops"];
  return own + (node.Plans ?? []).reduce((n, child) => n + produced(child), 0);
}
