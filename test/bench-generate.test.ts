import { sql, type Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateDataset, type DatasetTarget } from "../bench/data/generate-dataset.js";
import { BENCH_ARTICLE_SLUG, userRows, type DatasetSpec } from "../bench/data/plan.js";
import { openStorage, type Storage } from "../src/db/storage.js";
import type { Tables } from "../src/db/schema.js";
import { testEngines } from "./helpers/engines.js";
import { makeTestDatabase, type TestDatabase } from "./helpers/runtime.js";

/** The bench's dataset, scaled down: the article benchmark's 200 comments become 20. */
const spec: DatasetSpec = { articles: 20, comments: 300, benchComments: 20, seed: 42 };

function targetOf(t: TestDatabase): DatasetTarget {
  if (t.database.engine === "sqlite") return { engine: "sqlite", dataDir: t.dataDir };
  if (!t.url) throw new Error("PostgreSQL test database without its own URL");
  return { engine: "postgres", url: t.url };
}

async function count(db: Kysely<Tables>, query: ReturnType<typeof sql<{ n: unknown }>>) {
  const { rows } = await query.execute(db);
  return Number(rows[0]?.n);
}

describe("bench data plan", () => {
  it("depends on the seed", () => {
    expect(userRows(42)).toEqual(userRows(42));
    expect(userRows(42)).not.toEqual(userRows(43));
  });
});

describe.each(testEngines())("bench data generator on %s", (engine) => {
  // Two databases filled from the same seed: they must hold the same rows.
  const made: TestDatabase[] = [];
  const opened: Storage[] = [];
  let first: Kysely<Tables>;
  let second: Kysely<Tables>;

  beforeAll(async () => {
    for (let i = 0; i < 2; i++) {
      const t = await makeTestDatabase(engine);
      made.push(t);
      await generateDataset(spec, targetOf(t));
      opened.push(openStorage(t.database));
    }
    [first, second] = opened.map((o) => o.db) as [Kysely<Tables>, Kysely<Tables>];
  });

  afterAll(async () => {
    for (const o of opened) await o.close();
    for (const t of made) await t.drop();
  });

  it("writes the rows it was asked for", async () => {
    const n = (table: string) =>
      count(first, sql<{ n: unknown }>`select count(*) as n from ${sql.table(table)}`);
    expect(await n("articles")).toBe(20);
    expect(await n("comments")).toBe(300);
    expect(await n("categories")).toBe(8);
    expect(await n("tags")).toBe(200);
    expect(await n("users")).toBe(20);
    // Two to four tags per article.
    expect(await n("article_tags")).toBeGreaterThanOrEqual(40);
    expect(await n("article_tags")).toBeLessThanOrEqual(80);
  });

  it("gives the bench article exactly its approved comments", async () => {
    const bench = await first
      .selectFrom("articles")
      .select(["id", "comment_count", "status"])
      .where("slug", "=", BENCH_ARTICLE_SLUG)
      .executeTakeFirstOrThrow();
    expect(bench).toMatchObject({ comment_count: 20, status: "published" });
    const approved = await count(
      first,
      sql<{ n: unknown }>`select count(*) as n from comments
        where article_id = ${bench.id} and status = 'approved'`,
    );
    expect(approved).toBe(20);
  });

  it("keeps every article's comment_count equal to its approved comments", async () => {
    const wrong = await count(
      first,
      sql<{ n: unknown }>`select count(*) as n from articles a where a.comment_count <>
        (select count(*) from comments c where c.article_id = a.id and c.status = 'approved')`,
    );
    expect(wrong).toBe(0);
    const statuses = await first
      .selectFrom("comments")
      .select("status")
      .distinct()
      .orderBy("status")
      .execute();
    expect(statuses.map((s) => s.status)).toContain("pending");
  });

  it("threads replies consistently", async () => {
    const topLevelWrong = await count(
      first,
      sql<{ n: unknown }>`select count(*) as n from comments
        where parent_id is null and (root_id <> id or depth <> 0)`,
    );
    const repliesWrong = await count(
      first,
      sql<{ n: unknown }>`select count(*) as n from comments c join comments p on p.id = c.parent_id
        where c.root_id <> p.root_id or c.depth <> p.depth + 1 or c.article_id <> p.article_id`,
    );
    const replies = await count(
      first,
      sql<{ n: unknown }>`select count(*) as n from comments where parent_id is not null`,
    );
    // The site's default comments.maxDepth (5): depths 0 to 4, as comments/placement.ts places them.
    const tooDeep = await count(
      first,
      sql<{ n: unknown }>`select count(*) as n from comments where depth > 4`,
    );
    expect(topLevelWrong).toBe(0);
    expect(tooDeep).toBe(0);
    expect(repliesWrong).toBe(0);
    expect(replies).toBeGreaterThan(0);
  });

  it("writes the same rows from the same seed", async () => {
    const sample = (db: Kysely<Tables>) =>
      Promise.all([
        db.selectFrom("articles").selectAll().where("id", "in", [1, 7, 20]).orderBy("id").execute(),
        db
          .selectFrom("comments")
          .selectAll()
          .where("id", "in", [1, 37, 150, 299, 300])
          .orderBy("id")
          .execute(),
        db.selectFrom("article_tags").selectAll().orderBy("article_id").orderBy("tag_id").execute(),
      ]);
    const [a, b] = await Promise.all([sample(first), sample(second)]);
    expect(a[0]).toHaveLength(3);
    expect(a[1]).toHaveLength(5);
    expect(b).toEqual(a);
  });

  it("refuses a database that already has articles", async () => {
    const [t] = made;
    if (!t) throw new Error("no test database");
    await expect(generateDataset(spec, targetOf(t))).rejects.toThrow(/already has articles/);
  });
});
