import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runKiosque, cliEnv } from "../helpers/cli.js";
import { testEngines } from "../helpers/engines.js";
import { root } from "../helpers/paths.js";
import { makeTestDatabase, type TestDatabase } from "../helpers/runtime.js";

const SITE = path.join(root, "test/fixtures/wordpress/cases/site.xml");

/** `kiosque import wordpress` and `kiosque export wordpress`, as an operator runs them. */
describe.each(testEngines())("kiosque import/export wordpress on %s", (engine) => {
  let database: TestDatabase;
  let env: NodeJS.ProcessEnv;
  const kiosque = (...args: string[]) => runKiosque(env, ...args);

  beforeAll(async () => {
    database = await makeTestDatabase(engine);
    env = cliEnv(database);
  });
  afterAll(() => database.drop());

  it("refuses a malformed file with its line and column, exit code 2", async () => {
    const file = path.join(database.dataDir, "broken.xml");
    fs.writeFileSync(file, fs.readFileSync(SITE, "utf8").replace("</channel>", "<item></channel>"));
    const res = await kiosque("import", "wordpress", file);
    expect(res.code).toBe(2);
    expect(res.err).toMatch(
      /^kiosque: .*broken\.xml: line \d+, column \d+: unexpected close tag.* \[KIOSQUE_IMPORT_MALFORMED\]$/m,
    );
  });

  it("prints what a dry run would do, then imports and prints the report", async () => {
    const dry = await kiosque("import", "wordpress", SITE, "--dry-run");
    expect(dry.code).toBe(0);
    expect(dry.out).toContain("Dry run: nothing was written.");
    const real = await kiosque("import", "wordpress", SITE, "--no-pingbacks");
    expect(real.code).toBe(0);
    expect(real.out).toMatch(/Imported:\n(.|\n)*articles \(published\)/);
    expect(real.out).toContain("pingbacks and trackbacks (--no-pingbacks)");
    expect(real.out).toContain("contact-form-7");
    const again = await kiosque("import", "wordpress", SITE);
    expect(again.out).toMatch(/Already imported[^\n]*\n(.|\n)*articles/);
  });

  it("exports the site as WXR, never over an existing file", async () => {
    const file = path.join(database.dataDir, "out.xml");
    const res = await kiosque("export", "wordpress", file);
    expect(res.code).toBe(0);
    expect(res.out).toMatch(/written .*: 7 articles, 2 pages/);
    expect(fs.readFileSync(file, "utf8")).toContain("<wp:wxr_version>1.2</wp:wxr_version>");
    const twice = await kiosque("export", "wordpress", file);
    expect(twice.code).toBe(2);
    expect(twice.err).toContain("KIOSQUE_EXPORT_UNWRITABLE");
    // Into a folder that is not there: said in a line, before anything is read.
    const nowhere = await kiosque(
      "export",
      "wordpress",
      path.join(database.dataDir, "no", "x.xml"),
    );
    expect(nowhere.code).toBe(2);
    expect(nowhere.err).toContain("KIOSQUE_EXPORT_UNWRITABLE");
    expect(nowhere.err).not.toMatch(/^\s+at /m);
    // Into no file: it failed at its end with a stack trace, renaming to nothing.
    const empty = await kiosque("export", "wordpress", "");
    expect(empty.code).toBe(2);
    expect(empty.err).toContain("KIOSQUE_EXPORT_UNWRITABLE");
    expect(empty.err).not.toMatch(/^\s+at /m);
  });

  it("exports a larger site without warning of a leak", async () => {
    // Each full write buffer left a "close" and an "error" listener on the file stream: past
    // ten, Node printed MaxListenersExceededWarning before the success message.
    const other = await makeTestDatabase(engine);
    try {
      const otherEnv = cliEnv(other);
      // Posts longer than the stream's buffer (16 KB): each one fills it, whatever the disk.
      const long = `<p>${"Un long article. ".repeat(1500)}</p>`;
      const posts = Array.from(
        { length: 30 },
        (_, i) =>
          `<item><title>Long ${i}</title><dc:creator>a</dc:creator><content:encoded><![CDATA[${long}]]></content:encoded><wp:post_id>${i + 1}</wp:post_id><wp:post_date_gmt>2024-01-01 10:00:00</wp:post_date_gmt><wp:post_name>long-${i}</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item>`,
      ).join("\n");
      const source = path.join(other.dataDir, "long.xml");
      fs.writeFileSync(
        source,
        `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Long</title><link>https://long.example</link><wp:wxr_version>1.2</wp:wxr_version>
${posts}
</channel></rss>`,
      );
      expect((await runKiosque(otherEnv, "import", "wordpress", source)).code).toBe(0);
      const file = path.join(other.dataDir, "out.xml");
      const res = await runKiosque(otherEnv, "export", "wordpress", file);
      expect(res.code).toBe(0);
      expect(res.out).toMatch(/written .*: 30 articles/);
      expect(res.err).not.toMatch(/MaxListenersExceeded|memory leak/);
      expect(res.err).toBe("");
    } finally {
      await other.drop();
    }
  }, 120_000);

  it("refuses an uploads folder that is not there or not a folder, before importing", async () => {
    // "" too: it was taken for no folder at all, and the import went on without one.
    for (const uploads of [path.join(database.dataDir, "no-such-folder"), SITE, ""]) {
      const res = await kiosque("import", "wordpress", SITE, "--dry-run", "--uploads", uploads);
      expect(res.code, uploads).toBe(2);
      expect(res.err, uploads).toContain("KIOSQUE_IMPORT_UNREADABLE");
      expect(res.err, uploads).not.toMatch(/^\s+at /m);
    }
  });
});
