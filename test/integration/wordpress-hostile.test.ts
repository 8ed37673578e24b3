import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  importWordpress,
  ImportRefused,
  type MediaSource,
} from "../../src/modules/imports/index.js";
import { SLUG_SHAPE } from "../../src/lib/slug.js";
import { escapeXml } from "../../src/lib/xml-text.js";
import { cdata } from "../../src/modules/imports/export/writer.js";
import { jpegWithGps } from "../fixtures/media/images.js";
import { testEngines } from "../helpers/engines.js";
import { startTags } from "../helpers/http.js";
import { root } from "../helpers/paths.js";
import { openTestRuntime, type TestRuntime } from "../helpers/runtime.js";

const SITE = path.join(root, "test/fixtures/wordpress/cases/site.xml");
const THEME_DATA = path.join(root, "test/fixtures/wordpress/themeunittestdata.wordpress.xml");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kiosque-wxr-"));

function write(name: string, content: string | Buffer): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

const HEAD = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>T</title><link>https://t.example</link>`;

/** A minimal export: one published post, its content given. */
const onePost = (content: string, version = "<wp:wxr_version>1.2</wp:wxr_version>") =>
  `${HEAD}${version}<item><title>Un</title><dc:creator>a</dc:creator><content:encoded>${content}</content:encoded><wp:post_id>1</wp:post_id><wp:post_date_gmt>2024-01-01 10:00:00</wp:post_date_gmt><wp:post_name>un</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item></channel></rss>`;

/** Rows in the tables an import writes. */
async function written(rt: TestRuntime): Promise<number> {
  let n = 0;
  for (const t of [
    "articles",
    "users",
    "categories",
    "comments",
    "redirects",
    "wordpress_imports",
  ]) {
    const { rows } = await sql<{
      n: number | string;
    }>`select count(*) as n from ${sql.table(t)}`.execute(rt.ctx.db);
    n += Number(rows[0]?.n);
  }
  return n;
}

async function refusal(rt: TestRuntime, file: string): Promise<ImportRefused> {
  const error: unknown = await importWordpress(rt.ctx, { file }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportRefused);
  expect(await written(rt)).toBe(0);
  return error as ImportRefused;
}

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe.each(testEngines())("malformed and hostile exports on %s", (engine) => {
  let rt: TestRuntime;
  beforeAll(async () => {
    rt = await openTestRuntime(engine);
  });
  afterAll(() => rt.close());

  it("refuses a file malformed at its end with the line and column, having written nothing", async () => {
    const good = fs.readFileSync(SITE, "utf8");
    const cut = good.replace("</channel>", "<item><title>Cassé</title></channel>");
    const e = await refusal(rt, write("cut.xml", cut));
    expect(e.code).toBe("KIOSQUE_IMPORT_MALFORMED");
    expect(e.context.line).toBe(cut.slice(0, cut.indexOf("</channel>")).split("\n").length);
    expect(e.context.column).toEqual(expect.any(Number));
    expect(String(e.context.reason)).toMatch(/close tag/);
  });

  it("refuses entity bombs and external entities without expanding them", async () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>${onePost("&lol3;").replace(/^<\?xml[^>]*>/, "")}`;
    const bomb = await refusal(rt, write("laughs.xml", laughs));
    expect(bomb.code).toBe("KIOSQUE_IMPORT_UNSUPPORTED");
    expect(String(bomb.context.reason)).toContain("DOCTYPE");
    const xxe = `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>${onePost("&x;").replace(/^<\?xml[^>]*>/, "")}`;
    expect((await refusal(rt, write("xxe.xml", xxe))).code).toBe("KIOSQUE_IMPORT_UNSUPPORTED");
    // Without a DOCTYPE, an entity XML does not know is an error, never a lookup.
    const unknown = await refusal(rt, write("nbsp.xml", onePost("a&nbsp;b")));
    expect(unknown.code).toBe("KIOSQUE_IMPORT_MALFORMED");
    expect(String(unknown.context.reason)).toContain("undefined entity");
  });

  it("refuses a missing or unknown WXR version, and what is not a WordPress export", async () => {
    const none = await refusal(rt, write("none.xml", onePost("x", "")));
    expect(String(none.context.reason)).toContain("no WXR version");
    const v2 = await refusal(
      rt,
      write("v2.xml", onePost("x", "<wp:wxr_version>2.0</wp:wxr_version>")),
    );
    expect(String(v2.context.reason)).toContain("WXR version 2.0");
    const html = await refusal(rt, write("page.xml", "<html><body>hello</body></html>"));
    expect(html.code).toBe("KIOSQUE_IMPORT_UNSUPPORTED");
    const missing = await refusal(rt, path.join(dir, "absent.xml"));
    expect(missing.code).toBe("KIOSQUE_IMPORT_UNREADABLE");
  });

  it("refuses bytes that are not UTF-8, and reads a Latin-1 export right", async () => {
    const bad = Buffer.concat([
      Buffer.from(onePost("caf").split("caf")[0]!),
      Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20]),
      Buffer.from(onePost("caf").split("caf")[1]!),
    ]);
    const e = await refusal(rt, write("bad-utf8.xml", bad));
    expect(e.code).toBe("KIOSQUE_IMPORT_MALFORMED");
    expect(String(e.context.reason)).toContain("not valid utf-8");
    const latin = Buffer.from(
      onePost("Un café à l'été").replace('encoding="UTF-8"', 'encoding="ISO-8859-1"'),
      "latin1",
    );
    await importWordpress(rt.ctx, { file: write("latin1.xml", latin) });
    const a = await rt.ctx.db.selectFrom("articles").select("body_html").executeTakeFirstOrThrow();
    expect(a.body_html).toBe("<p>Un café à l'été</p>");
    await rt.ctx.db.deleteFrom("article_authors").execute();
    await rt.ctx.db.deleteFrom("article_title_words").execute();
    await rt.ctx.db.deleteFrom("articles").execute();
    await rt.ctx.db.deleteFrom("wordpress_imports").execute();
    await rt.ctx.db.deleteFrom("redirects").execute();
    await rt.ctx.db.deleteFrom("categories").execute();
    await rt.ctx.db.deleteFrom("users").execute();
  });

  it("imports the naughty strings as names, titles, texts and comments, none stored broken", async () => {
    const { BLNS } = await import("../fixtures/hostile/blns.js");
    const items = BLNS.map(
      (s, i) =>
        `<item><title>${cdata(s)}</title><dc:creator>${cdata(s.slice(0, 60) || "x")}</dc:creator><content:encoded>${cdata(s)}</content:encoded><excerpt:encoded>${cdata(s)}</excerpt:encoded><wp:post_id>${i + 1}</wp:post_id><wp:post_date_gmt>2024-01-01 10:00:00</wp:post_date_gmt><wp:post_name>${cdata(s.slice(0, 100))}</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type><category domain="category" nicename="${escapeXml(s.slice(0, 50))}">${cdata(s)}</category><category domain="post_tag" nicename="t${i}">${cdata(s)}</category><wp:comment><wp:comment_id>${i + 1}</wp:comment_id><wp:comment_author>${cdata(s)}</wp:comment_author><wp:comment_author_email>${cdata(s.slice(0, 100))}</wp:comment_author_email><wp:comment_author_url>${cdata(s.slice(0, 200))}</wp:comment_author_url><wp:comment_date_gmt>2024-01-01 11:00:00</wp:comment_date_gmt><wp:comment_content>${cdata(s)}</wp:comment_content><wp:comment_approved>1</wp:comment_approved><wp:comment_parent>0</wp:comment_parent></wp:comment></item>`,
    ).join("\n");
    const file = write(
      "blns.xml",
      `${HEAD}<wp:wxr_version>1.2</wp:wxr_version>${items}</channel></rss>`,
    );
    const rt2 = await openTestRuntime(engine);
    try {
      const report = await importWordpress(rt2.ctx, { file });
      expect(report.imported["articles (published)"]).toBe(BLNS.length);
      // eslint-disable-next-line no-control-regex -- finding them is the point
      const control = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
      for (const a of await rt2.ctx.db
        .selectFrom("articles")
        .select(["title", "standfirst", "slug", "body_html"])
        .execute()) {
        expect(a.title + a.standfirst + a.body_html).not.toMatch(control);
        // Letters and digits of any script (lib/slug.ts), whole: an address can be made of it.
        expect(a.slug).toMatch(SLUG_SHAPE);
        expect(() => encodeURIComponent(a.slug)).not.toThrow();
        const bad = startTags(a.body_html).filter(
          (t) =>
            [...t.attrs.keys()].some((k) => k.startsWith("on")) ||
            ["script", "iframe", "object", "embed", "style", "base"].includes(t.name) ||
            /^\s*javascript:/i.test(t.attrs.get("href") ?? t.attrs.get("src") ?? ""),
        );
        expect(bad).toEqual([]);
      }
      for (const c of await rt2.ctx.db
        .selectFrom("comments")
        .select(["author_name", "body", "author_website"])
        .execute()) {
        expect(c.author_name + c.body).not.toMatch(control);
        expect(c.author_website ?? "https://").toMatch(/^https?:\/\//);
      }
      const { rows } = await sql<{
        n: number | string;
      }>`select count(*) as n from comments`.execute(rt2.ctx.db);
      expect(Number(rows[0]?.n)).toBe(BLNS.length);
    } finally {
      await rt2.close();
    }
  }, 120_000);

  it("keeps hostile text inert: scripts out of bodies, control characters out of fields", async () => {
    const content =
      '<![CDATA[<img src=x onerror=alert(1)><a href="javascript:alert(1)">x</a><iframe src=//evil></iframe>\u0085ok]]>';
    await importWordpress(rt.ctx, { file: write("xss.xml", onePost(content)) });
    const a = await rt.ctx.db.selectFrom("articles").select("body_html").executeTakeFirstOrThrow();
    expect(a.body_html).not.toMatch(/onerror|javascript:|iframe|\u0085/);
    expect(a.body_html).toContain("ok");
  });
});

describe.each(testEngines())("an interrupted import on %s", (engine) => {
  let clean: TestRuntime;
  let cut: TestRuntime;
  beforeAll(async () => {
    [clean, cut] = await Promise.all([openTestRuntime(engine), openTestRuntime(engine)]);
  });
  afterAll(async () => {
    await Promise.all([clean.close(), cut.close()]);
  });

  async function snapshot(rt: TestRuntime) {
    const out: Record<string, number> = {};
    for (const t of [
      "articles",
      "comments",
      "users",
      "categories",
      "tags",
      "site_pages",
      "redirects",
      "wordpress_imports",
      "article_tags",
    ]) {
      const { rows } = await sql<{
        n: number | string;
      }>`select count(*) as n from ${sql.table(t)}`.execute(rt.ctx.db);
      out[t] = Number(rows[0]?.n);
    }
    return out;
  }

  it("completes when run again, to the same site as one clean run", async () => {
    await importWordpress(clean.ctx, { file: THEME_DATA });
    // Stopped in the middle of the content pass (a killed process stops anywhere between two
    // items; each item is one transaction).
    let chunks = 0;
    const stop = new Error("stopped");
    const failed = await importWordpress(cut.ctx, {
      file: THEME_DATA,
      batchSize: 10,
      onProgress: (pass) => {
        if (pass === "content" && ++chunks === 2) throw stop;
      },
    }).catch((e: unknown) => e);
    expect(failed).toBe(stop);
    const partial = await snapshot(cut);
    expect(partial.articles).toBeGreaterThan(0);
    expect(partial.articles).toBeLessThan(58);
    await importWordpress(cut.ctx, { file: THEME_DATA });
    expect(await snapshot(cut)).toEqual(await snapshot(clean));
  });

  it("refuses an export of another WordPress site, whose numbers are not this one's", async () => {
    const first = write("site-one.xml", onePost("<p>Du premier site</p>"));
    // Its post 1 is another post: it was taken for the first site's, "already imported".
    const other = write(
      "site-two.xml",
      onePost("<p>Du second site</p>").replace("https://t.example", "https://autre.example"),
    );
    const rt = await openTestRuntime(engine);
    try {
      await importWordpress(rt.ctx, { file: first });
      const before = await written(rt);
      for (const dryRun of [true, false]) {
        const error: unknown = await importWordpress(rt.ctx, { file: other, dryRun }).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error, `dry run ${dryRun}`).toMatchObject({ code: "KIOSQUE_IMPORT_OTHER_SITE" });
        expect(String((error as ImportRefused).context.reason)).toContain("autre.example");
      }
      expect(await written(rt)).toBe(before);
      // The same site again, at its https address or not, is the same site.
      const again = write(
        "site-one-again.xml",
        onePost("<p>Du premier site</p>").replace("https://", "http://"),
      );
      expect((await importWordpress(rt.ctx, { file: again })).already.articles).toBe(1);
    } finally {
      await rt.close();
    }
  });

  it("takes a title's words, not its tags, and says which post had no date that reads", async () => {
    const file = write(
      "titles-and-dates.xml",
      onePost("<p>x</p>")
        .replace(
          "<title>Un</title>",
          `<title>${cdata("Markup: Title <em>With</em> <b>Mark<sup>up</sup></b> &amp; co")}</title>`,
        )
        .replace(
          "<wp:post_date_gmt>2024-01-01 10:00:00</wp:post_date_gmt>",
          "<wp:post_date>not a date</wp:post_date><wp:post_date_gmt>0000-00-00 00:00:00</wp:post_date_gmt>",
        ),
    );
    const rt = await openTestRuntime(engine);
    try {
      const report = await importWordpress(rt.ctx, { file });
      const { title } = await rt.ctx.db
        .selectFrom("articles")
        .select("title")
        .executeTakeFirstOrThrow();
      // Readers saw "<em>With</em>" spelled out on the article's page and in every listing.
      expect(title).toBe("Markup: Title With Markup & co");
      expect(report.look).toContain(
        'post 1 "Markup: Title With Markup & co": no date that reads ("not a date"), published as of this import',
      );
    } finally {
      await rt.close();
    }
  });

  it("makes a reply whose parent is under another post a thread of its own", async () => {
    const comment = (id: number, parent: number) =>
      `<wp:comment><wp:comment_id>${id}</wp:comment_id><wp:comment_author>Lecteur ${id}</wp:comment_author><wp:comment_date_gmt>2024-01-02 10:00:00</wp:comment_date_gmt><wp:comment_content>Avis ${id}</wp:comment_content><wp:comment_approved>1</wp:comment_approved><wp:comment_parent>${parent}</wp:comment_parent></wp:comment>`;
    const post = (id: number, slug: string, comments: string) =>
      `<item><title>${slug}</title><dc:creator>a</dc:creator><content:encoded>x</content:encoded><wp:post_id>${id}</wp:post_id><wp:post_date_gmt>2024-01-01 10:00:00</wp:post_date_gmt><wp:post_name>${slug}</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type>${comments}</item>`;
    const file = write(
      "cross-post-reply.xml",
      `${HEAD}<wp:wxr_version>1.2</wp:wxr_version>${post(1, "a", comment(1, 0))}${post(2, "b", comment(2, 1))}</channel></rss>`,
    );
    const rt = await openTestRuntime(engine);
    try {
      const report = await importWordpress(rt.ctx, { file });
      expect(report.imported["replies whose parent was missing (now top-level)"]).toBe(1);
      const rows = await rt.ctx.db
        .selectFrom("comments as c")
        .innerJoin("articles as a", "a.id", "c.article_id")
        .select(["a.slug", "a.comment_count", "c.author_name", "c.parent_id", "c.root_id", "c.id"])
        .orderBy("c.id")
        .execute();
      const reply = rows.find((r) => r.author_name === "Lecteur 2")!;
      // Under its own article, at the top: it was threaded under comment 1, on the other one.
      expect(reply).toMatchObject({
        slug: "b",
        comment_count: 1,
        parent_id: null,
        root_id: reply.id,
      });
    } finally {
      await rt.close();
    }
  });

  it("passes over an attachment whose address no URL parser reads, and imports the rest", async () => {
    const attachment = (id: number, url: string) =>
      `<item><title>Image</title><wp:post_id>${id}</wp:post_id><wp:post_type>attachment</wp:post_type><wp:status>inherit</wp:status><wp:attachment_url>${escapeXml(url)}</wp:attachment_url></item>`;
    const file = write(
      "bad-attachment.xml",
      onePost("<p>Texte</p>").replace(
        "</channel>",
        `${attachment(501, "http://[")}${attachment(502, "http://[fe80::1%25lo]:8765/a.png")}</channel>`,
      ),
    );
    const rt = await openTestRuntime(engine);
    try {
      // It stopped the whole import with a TypeError, on every run, while --dry-run passed.
      const report = await importWordpress(rt.ctx, { file });
      expect(report.imported["articles (published)"]).toBe(1);
      expect(report.skipped["attachments whose address is not one"]).toBe(2);
      expect(report.look).toContain("attachment 501 (http://[): not an address, not imported");
    } finally {
      await rt.close();
    }
  });

  it("imports on the next run an image the source could not give", async () => {
    const rt = await openTestRuntime(engine);
    try {
      const failing: MediaSource = { fetch: async () => ({ problem: "timeout" }) };
      const first = await importWordpress(rt.ctx, { file: SITE, media: failing });
      expect(first.skipped["images not found or refused"]).toBe(4);
      expect(first.look).toContain(
        "image https://courrier.example/wp-content/uploads/2024/03/pont.jpg: timeout",
      );
      const photo = await jpegWithGps(300, 200);
      const working: MediaSource = {
        fetch: async (url) =>
          url.endsWith("/pont.jpg") ? { bytes: photo } : { problem: "absent" },
      };
      const second = await importWordpress(rt.ctx, { file: SITE, media: working });
      expect(second.imported.images).toBe(1);
      expect(second.already.articles).toBe(7);
    } finally {
      await rt.close();
    }
  });
});
