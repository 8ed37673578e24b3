import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importWordpress, ImportRefused } from "../../src/modules/imports/index.js";
import { testEngines } from "../helpers/engines.js";
import { openTestRuntime, type TestRuntime } from "../helpers/runtime.js";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kiosque-wxr-keys-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, content: string | Buffer): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

const HEAD = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>T</title><link>https://keys.example</link><wp:wxr_version>1.2</wp:wxr_version>`;

const post = (id: string, title: string, more = "", by = "a") =>
  `<item><title>${title}</title><dc:creator>${by}</dc:creator><content:encoded>Texte de ${title}.</content:encoded><wp:post_id>${id}</wp:post_id><wp:post_date_gmt>2024-01-01 10:00:00</wp:post_date_gmt><wp:post_name>${title.toLowerCase()}</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type>${more}</item>`;

const comment = (id: string, date = "2024-01-02 10:00:00") =>
  `<wp:comment><wp:comment_id>${id}</wp:comment_id><wp:comment_author>L</wp:comment_author><wp:comment_date_gmt>${date}</wp:comment_date_gmt><wp:comment_content>Avis ${id.slice(0, 10)}</wp:comment_content><wp:comment_approved>1</wp:comment_approved></wp:comment>`;

const long = (n: number) => "k".repeat(n);

async function count(rt: TestRuntime, table: string): Promise<number> {
  const { rows } = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(
    table,
  )}`.execute(rt.ctx.db);
  return Number(rows[0]?.n);
}

/**
 * Keys no WordPress export has: a 3,000-character post id stopped every run on PostgreSQL (its
 * index refuses keys past ~2,700 bytes), dry run included, and SQLite imported it. Both now
 * leave the thing out, or find it by something else, and say so; the rest imports.
 */
describe.each(testEngines())("ids and names longer than WordPress's, on %s", (engine) => {
  let rt: TestRuntime;
  beforeAll(async () => {
    rt = await openTestRuntime(engine);
  });
  afterAll(() => rt.close());

  it("imports the rest, and names each in the report, the same on both engines", async () => {
    const file = write(
      "long-keys.xml",
      `${HEAD}<wp:author><wp:author_login>${long(9000)}</wp:author_login><wp:author_email>x@y.example</wp:author_email></wp:author><wp:category><wp:term_id>1</wp:term_id><wp:category_nicename>${long(9000)}</wp:category_nicename><wp:cat_name>Longue</wp:cat_name></wp:category>${post("1", "Avant", comment(long(3000)) + comment("11"))}${post(long(3000), "Longue")}${post("2", "Auteur", `<category domain="post_tag" nicename="${long(9000)}">Étiquette</category>`, long(9000))}${post("3", "Apres")}</channel></rss>`,
    );
    const dry = await importWordpress(rt.ctx, { file, dryRun: true });
    const report = await importWordpress(rt.ctx, { file });
    expect({ ...dry, dryRun: false }).toEqual(report);
    expect(await count(rt, "articles")).toBe(3);
    expect(await count(rt, "comments")).toBe(1);
    expect(report.skipped["posts whose id is not one"]).toBe(1);
    expect(report.skipped["comments whose id is not one"]).toBe(1);
    const look = report.look.join("\n");
    expect(look).toContain('post "Longue": its wp:post_id, kkkk');
    expect(look).toContain("(3000 characters), is no WordPress id: not imported");
    expect(look).toMatch(/comment k+… \(3000 characters\) of post 1: its wp:comment_id/);
    expect(look).toMatch(/author k+… \(9000 characters\): a login longer than WordPress's 60/);
    expect(look).toMatch(/term Longue: its nicename, k+… \(9000 characters\)/);
    expect(look).toMatch(/term Étiquette: its nicename/);
    // Found by their names: the section and the tag exist, the post is filed under the byline.
    const { rows } = await sql<{ slug: string }>`select slug from categories`.execute(rt.ctx.db);
    expect(rows.map((r) => r.slug)).toContain("longue");
    // A second run stops nowhere either, and changes nothing.
    const again = await importWordpress(rt.ctx, { file });
    expect(again.imported).toEqual({});
    expect(await count(rt, "articles")).toBe(3);
  });
});

describe.each(testEngines())("what the report hid, on %s", (engine) => {
  let rt: TestRuntime;
  beforeAll(async () => {
    rt = await openTestRuntime(engine);
  });
  afterAll(() => rt.close());

  it("says a second item or comment with the same id was dropped, on the first run", async () => {
    const file = write(
      "twice.xml",
      `${HEAD}${post("7", "Premier", comment("70") + comment("70"))}${post("7", "Autre", comment("71"))}${post("8", "Huit", comment("70"))}</channel></rss>`,
    );
    const report = await importWordpress(rt.ctx, { file });
    expect(report.already).toEqual({});
    expect(report.skipped["posts listed twice in the file (the first imported)"]).toBe(1);
    expect(report.skipped["comments listed twice in the file (the first imported)"]).toBe(2);
    expect(report.look).toContain(
      'post 7 "Autre": another item of the file has its wp:post_id: only the first was imported, not this one\'s comments',
    );
    expect(
      report.look.filter(
        (l) => l.startsWith("comment 70 of post ") && l.includes("only the first"),
      ),
    ).toHaveLength(2);
    expect(await count(rt, "articles")).toBe(2);
    expect(await count(rt, "comments")).toBe(1);
    // The next run: all of it is already there, nothing said twice again.
    const again = await importWordpress(rt.ctx, { file });
    expect(again.already).toEqual({ articles: 3, comments: 2 });
  });

  it("says which comments have no date that reads, instead of moving them silently", async () => {
    const file = write(
      "dates.xml",
      `${HEAD}${post("20", "Dates", comment("201", "0000-00-00 00:00:00") + comment("202", "2020-02-30 10:00:00") + comment("203"))}</channel></rss>`,
    );
    const report = await importWordpress(rt.ctx, { file });
    expect(report.look).toEqual([
      'comment 201 of post 20: no date that reads ("0000-00-00 00:00:00"), dated as of this import',
      'comment 202 of post 20: no date that reads ("2020-02-30 10:00:00"), dated as of this import',
    ]);
    const { rows } = await sql<{ created_at: string }>`
      select created_at from comments order by id desc limit 1`.execute(rt.ctx.db);
    expect(String(rows[0]?.created_at)).toContain("2024-01-02");
  });
});

describe("bytes and characters a file is refused for", () => {
  let rt: TestRuntime;
  beforeAll(async () => {
    rt = await openTestRuntime("sqlite");
  });
  afterAll(() => rt.close());

  const refusal = async (file: string) => {
    const error: unknown = await importWordpress(rt.ctx, { file }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportRefused);
    return error as ImportRefused;
  };

  it("names the offset and line of a byte that is not UTF-8, not its chunk's", async () => {
    const before = Buffer.from(`${HEAD}${post("1", "Un")}\n${post("2", "Caf")}`);
    const bad = Buffer.concat([before, Buffer.from([0xe9, 0x20]), Buffer.from("</channel></rss>")]);
    const e = await refusal(write("latin1.xml", bad));
    const line = before.toString("utf8").split("\n").length;
    expect(e.context.reason).toBe(
      `bytes that are not valid utf-8 at byte ${before.length} (line ${line})`,
    );
    // Far into the file, past the first chunks read.
    const far = Buffer.concat([
      Buffer.from(`${HEAD}<!--${"x".repeat(600_000)}-->`),
      Buffer.from([0xff]),
    ]);
    const e2 = await refusal(
      write("far.xml", Buffer.concat([far, Buffer.from("</channel></rss>")])),
    );
    expect(e2.context.reason).toBe(
      `bytes that are not valid utf-8 at byte ${far.length - 1} (line 3)`,
    );
  });

  it("names a control character XML does not allow", async () => {
    const e = await refusal(write("ctrl.xml", `${HEAD}${post("1", "Un\u0001")}</channel></rss>`));
    expect(e.context.reason).toBe(
      "disallowed character U+0001 (a control character, which XML does not allow)",
    );
  });
});
