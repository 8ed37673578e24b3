import path from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  importWordpress,
  type ImportReport,
  type MediaSource,
} from "../../src/modules/imports/index.js";
import { testEngines } from "../helpers/engines.js";
import { root } from "../helpers/paths.js";
import { openTestRuntime, type TestRuntime } from "../helpers/runtime.js";

const THEME_DATA = path.join(root, "test/fixtures/wordpress/themeunittestdata.wordpress.xml");

/** Every table an import writes, by its row count: what "nothing written" is checked against. */
async function counts(rt: TestRuntime): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of [
    "users",
    "categories",
    "tags",
    "articles",
    "article_tags",
    "comments",
    "site_pages",
    "redirects",
    "wordpress_imports",
    "media",
  ]) {
    const { rows } = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(
      t,
    )}`.execute(rt.ctx.db);
    out[t] = Number(rows[0]?.n);
  }
  return out;
}

const asRun = (r: ImportReport) => ({ ...r, dryRun: false });

/**
 * A dry run counted apart from the run, with rules of its own: on the theme unit test data it
 * said 2 authors (3), 29 comments (24: 5 are on pages), 110 tags (179), 6 menu terms imported
 * (skipped), 37 images (none could be), and none of the "needs a look" lines.
 */
describe.each(testEngines())("a dry run predicts the run on %s", (engine) => {
  let rt: TestRuntime;
  let first: ImportReport;
  beforeAll(async () => {
    rt = await openTestRuntime(engine);
  });
  afterAll(() => rt.close());

  it("says what the run then does, line for line, and writes nothing", async () => {
    const empty = await counts(rt);
    const dry = await importWordpress(rt.ctx, { file: THEME_DATA, dryRun: true });
    expect(dry.dryRun).toBe(true);
    expect(await counts(rt)).toEqual(empty);
    const real = await importWordpress(rt.ctx, { file: THEME_DATA });
    first = real;
    expect(asRun(dry)).toEqual(real);
    expect(real.imported["authors (accounts without a password)"]).toBe(3);
    expect(real.skipped["comments on pages"]).toBe(5);
    expect(real.skipped["terms of taxonomy nav_menu"]).toBe(6);
    expect(real.imported.images).toBeUndefined();
    expect(real.skipped["images not copied (no --uploads folder, no --download)"]).toBe(35);
    expect(real.notes.join(" ")).toMatch(/No --uploads folder and no --download: no image/);
    expect(real.look.some((l) => l.includes("had a password: imported as a draft"))).toBe(true);

    // After it, a dry run is a second run: everything already there.
    const imported = await counts(rt);
    const dryAgain = await importWordpress(rt.ctx, { file: THEME_DATA, dryRun: true });
    expect(await counts(rt)).toEqual(imported);
    expect(asRun(dryAgain)).toEqual(await importWordpress(rt.ctx, { file: THEME_DATA }));
  }, 120_000);

  it("names every published article and page whose images stay elsewhere, with its address", async () => {
    // Readers' browsers load no image from another site here (CSP img-src 'self').
    // The first test's run, on this database.
    const report = first;
    const showingElsewhere = async (table: "articles" | "site_pages", prefix: string) =>
      (
        await rt.ctx.db
          .selectFrom(table)
          .select("slug")
          .where("status", "=", "published")
          .where("body_html", "like", '%<img%src="http%')
          .execute()
      ).map((row) => `${prefix}${row.slug}`);
    const broken = [
      ...(await showingElsewhere("articles", "/article/")),
      ...(await showingElsewhere("site_pages", "/page/")),
    ];
    expect(broken.length).toBeGreaterThan(5);
    const lines = report.look.filter((l) => l.includes("still at the old site"));
    for (const address of broken)
      expect(
        lines.filter((l) => l.includes(`published at ${address}:`)),
        address,
      ).toHaveLength(1);
    expect(lines).toHaveLength(broken.length);
  }, 120_000);

  it("says how many images it would look for, and where, without looking", async () => {
    const fresh = await openTestRuntime(engine);
    try {
      let asked = 0;
      const uploads: MediaSource = {
        where: "the uploads folder ./uploads",
        fetch: async () => {
          asked++;
          return { problem: "absent" };
        },
      };
      const dry = await importWordpress(fresh.ctx, {
        file: THEME_DATA,
        dryRun: true,
        media: uploads,
      });
      expect(asked).toBe(0);
      expect(dry.imported["images to look for in the uploads folder ./uploads"]).toBe(35);
      expect(dry.skipped["attachments that are not images"]).toBe(2);
      expect(dry.notes.join(" ")).toContain("Dry run: images are not looked for");
      const real = await importWordpress(fresh.ctx, { file: THEME_DATA, media: uploads });
      expect(asked).toBe(35);
      expect(real.skipped["images not found or refused"]).toBe(35);
    } finally {
      await fresh.close();
    }
  }, 120_000);
});
