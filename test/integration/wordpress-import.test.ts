import path from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importWordpress, type ImportReport } from "../../src/modules/imports/index.js";
import { testEngines } from "../helpers/engines.js";
import { root } from "../helpers/paths.js";
import { openTestRuntime, type TestRuntime } from "../helpers/runtime.js";

const fixture = (name: string) => path.join(root, "test/fixtures/wordpress", name);
const THEME_DATA = fixture("themeunittestdata.wordpress.xml");
const BLOCK_DATA = fixture("64-block-test-data.xml");

async function count(rt: TestRuntime, table: string, where = sql`1 = 1`): Promise<number> {
  const { rows } = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(
    table,
  )} where ${where}`.execute(rt.ctx.db);
  return Number(rows[0]?.n);
}

/** Every table's row count: what "nothing changed" is checked against. */
async function counts(rt: TestRuntime): Promise<Record<string, number>> {
  const tables = [
    "users",
    "categories",
    "tags",
    "articles",
    "article_tags",
    "article_authors",
    "article_slugs",
    "comments",
    "moderation_log",
    "site_pages",
    "redirects",
    "wordpress_imports",
    "media",
  ];
  return Object.fromEntries(await Promise.all(tables.map(async (t) => [t, await count(rt, t)])));
}

describe.each(testEngines())("WordPress theme unit test data on %s", (engine) => {
  let rt: TestRuntime;
  let report: ImportReport;
  beforeAll(async () => {
    rt = await openTestRuntime(engine);
    report = await importWordpress(rt.ctx, { file: THEME_DATA });
  }, 120_000);
  afterAll(() => rt.close());

  it("imports every post, page, author, section and tag of the export", async () => {
    // 56 published posts (one with a password: a draft here), 1 future, 1 draft; 21 pages.
    expect(report.imported["articles (published)"]).toBe(55);
    expect(report.imported["articles (scheduled)"]).toBe(1);
    expect(report.imported["articles (draft)"]).toBe(2);
    expect(report.look.some((l) => l.includes("had a password"))).toBe(true);
    expect(await count(rt, "articles")).toBe(58);
    expect(await count(rt, "site_pages")).toBe(21);
    // themedemos and themereviewteam, and a byline the file spells ">themereviewteam".
    expect(await count(rt, "users")).toBe(3);
    expect(await count(rt, "users", sql`password_hash = ''`)).toBe(3);
    expect(await count(rt, "articles", sql`sticky = 1`)).toBe(1);
    expect(report.skipped["items of type nav_menu_item"]).toBe(70);
    expect(await count(rt, "tags")).toBeGreaterThan(100);
  });

  it("keeps every comment with its thread, and counts right", async () => {
    // 33 in the file: 5 on pages (which have no discussion here) are counted as skipped.
    expect(await count(rt, "comments")).toBe(28);
    expect(report.skipped["comments on pages"]).toBe(5);
    const { rows } = await sql<{ id: number; comment_count: number; approved: number | string }>`
      select a.id, a.comment_count,
        (select count(*) from comments c
          where c.article_id = a.id and c.status = 'approved' and c.kind = 'comment') as approved
      from articles a`.execute(rt.ctx.db);
    // Pingbacks and trackbacks are kept as mentions, out of the count.
    for (const r of rows) expect(r.comment_count).toBe(Number(r.approved));
    expect(await count(rt, "comments", sql`kind in ('pingback', 'trackback')`)).toBeGreaterThan(0);
    expect(await count(rt, "comments", sql`depth > 0`)).toBeGreaterThan(0);
  });

  it("gives classic posts their paragraphs and drops block comments", async () => {
    const { rows } = await sql<{ body_html: string }>`
      select body_html from articles`.execute(rt.ctx.db);
    for (const r of rows) {
      expect(r.body_html).not.toContain("<!-- wp:");
      expect(r.body_html).not.toMatch(/<script|onerror=|javascript:/i);
    }
  });

  it("changes nothing when the same file is imported again", async () => {
    const before = await counts(rt);
    const again = await importWordpress(rt.ctx, { file: THEME_DATA });
    expect(await counts(rt)).toEqual(before);
    expect(again.imported).toEqual({});
    expect(again.already.articles).toBe(58);
  });

  it("imports block-editor content as clean HTML", async () => {
    await importWordpress(rt.ctx, { file: BLOCK_DATA });
    const { rows } = await sql<{ body_html: string }>`
      select body_html from articles`.execute(rt.ctx.db);
    for (const r of rows) expect(r.body_html).not.toContain("<!-- wp:");
  });
});
