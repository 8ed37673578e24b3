import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  exportWordpress,
  importWordpress,
  type MediaSource,
} from "../../src/modules/imports/index.js";
import { comments } from "../../src/modules/comments/index.js";
import { jpegWithGps } from "../fixtures/media/images.js";
import { testEngines } from "../helpers/engines.js";
import { makeArticle } from "../helpers/factories.js";
import { root } from "../helpers/paths.js";
import {
  openTestApp,
  openTestRuntime,
  type TestApp,
  type TestRuntime,
} from "../helpers/runtime.js";

const SITE = path.join(root, "test/fixtures/wordpress/cases/site.xml");

/** The site as a reader and the newsroom know it, without ids and media keys (new on each side). */
async function siteOf(rt: TestRuntime) {
  const db = rt.ctx.db;
  const keys = (await db.selectFrom("media").select("master_key").orderBy("id").execute()).map(
    (m) => m.master_key,
  );
  const media = (html: string) => keys.reduce((h, k, i) => h.replaceAll(k, `image-${i}`), html);
  const users = await db
    .selectFrom("users")
    .select(["id", "slug", "name", "email", "role"])
    .orderBy("slug")
    .execute();
  const userSlug = new Map(users.map((u) => [u.id, u.slug]));
  const sections = await db
    .selectFrom("categories")
    .select(["id", "slug", "name", "description"])
    .orderBy("slug")
    .execute();
  const sectionSlug = new Map(sections.map((s) => [s.id, s.slug]));
  const articles = await db.selectFrom("articles").selectAll().orderBy("slug").execute();
  const tags = await db
    .selectFrom("article_tags as at")
    .innerJoin("tags as t", "t.id", "at.tag_id")
    .select(["at.article_id", "t.slug", "t.name"])
    .execute();
  const comments = await db
    .selectFrom("comments")
    .selectAll()
    .orderBy("created_at")
    .orderBy("author_name")
    .execute();
  const commentName = new Map(comments.map((c) => [c.id, c.author_name]));
  const articleSlug = new Map(articles.map((a) => [a.id, a.slug]));
  return {
    users: users.map(({ id: _, ...u }) => u),
    sections: sections.map(({ id: _, ...s }) => s),
    articles: articles.map((a) => ({
      slug: a.slug,
      title: a.title,
      standfirst: a.standfirst,
      body: media(a.body_html),
      status: a.status,
      publishedAt: a.published_at,
      updatedAt: a.updated_at,
      sticky: a.sticky,
      commentsOpen: a.comments_open,
      commentCount: a.comment_count,
      section: sectionSlug.get(a.category_id),
      author: userSlug.get(a.author_id),
      image: a.image_media_id === null ? null : a.image_alt,
      tags: tags
        .filter((t) => t.article_id === a.id)
        .map((t) => `${t.slug}:${t.name}`)
        .sort(),
    })),
    comments: comments.map((c) => ({
      article: articleSlug.get(c.article_id),
      parent: c.parent_id === null ? null : commentName.get(c.parent_id),
      depth: c.depth,
      name: c.author_name,
      email: c.author_email,
      website: c.author_website,
      body: c.body,
      status: c.status,
      kind: c.kind,
      createdAt: c.created_at,
    })),
    pages: (await db.selectFrom("site_pages").selectAll().orderBy("slug").execute()).map(
      ({ id: _, ...p }) => p,
    ),
    media: await db
      .selectFrom("media")
      .select(["alt", "caption", "width", "height"])
      .orderBy("id")
      .execute(),
  };
}

describe.each(testEngines())("Kiosque → WXR → empty Kiosque on %s", (engine) => {
  let first: TestApp;
  let second: TestRuntime;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kiosque-export-"));
  const file = path.join(dir, "site.xml");
  beforeAll(async () => {
    [first, second] = await Promise.all([openTestApp(engine), openTestRuntime(engine)]);
    const photo = await jpegWithGps(600, 400);
    const fromUploads: MediaSource = {
      fetch: async (url) =>
        url.endsWith("/2024/03/pont.jpg") ? { bytes: photo } : { problem: "absent" },
    };
    await importWordpress(first.ctx, { file: SITE, media: fromUploads });
  }, 120_000);
  afterAll(async () => {
    await Promise.all([first.close(), second.close()]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("writes a WXR 1.2 file that imports into an empty Kiosque as the same site", async () => {
    const counts = await exportWordpress(first.ctx, file);
    expect(counts).toMatchObject({ articles: 7, pages: 2, comments: 8, images: 1 });
    const xml = fs.readFileSync(file, "utf8");
    expect(xml).toContain("<wp:wxr_version>1.2</wp:wxr_version>");
    expect(xml).toContain("<wp:comment_type><![CDATA[pingback]]></wp:comment_type>");
    // The images travel by their address on the old site, as WordPress's importer fetches them.
    const fromFirst: MediaSource = {
      fetch: async (url) => {
        const res = await first.app.inject({ url: new URL(url).pathname });
        return res.statusCode === 200
          ? { bytes: res.rawPayload }
          : { problem: `HTTP ${res.statusCode}` };
      },
    };
    const report = await importWordpress(second.ctx, { file, media: fromFirst });
    expect(report.skipped).toEqual({});
    expect(await siteOf(second)).toEqual(await siteOf(first));
  });

  it("refuses to write over an existing file", async () => {
    await expect(exportWordpress(first.ctx, file)).rejects.toThrow();
  });

  it("refuses to write to no file at all, and leaves nothing behind", async () => {
    const before = fs.readdirSync(process.cwd());
    await expect(exportWordpress(first.ctx, "")).rejects.toMatchObject({
      code: "KIOSQUE_EXPORT_UNWRITABLE",
    });
    expect(fs.readdirSync(process.cwd())).toEqual(before);
  });
});

describe.each(testEngines())(
  "text that looks like HTML, Kiosque → WXR → Kiosque on %s",
  (engine) => {
    let first: TestApp;
    let second: TestRuntime;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kiosque-export-text-"));
    const file = path.join(dir, "site.xml");
    beforeAll(async () => {
      [first, second] = await Promise.all([openTestApp(engine), openTestRuntime(engine)]);
    });
    afterAll(async () => {
      await Promise.all([first.close(), second.close()]);
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it("writes a reader's text as text: no tag for WordPress, the same words back", async () => {
      const title = "1 < 2 && <b>gras</b> ou pas";
      const standfirst = "Le chapô <i>parle</i> de R&D.";
      const body =
        "Utilisez <s>, pas <strike>. 1 < 2 && 3 > 2.\n\nVoyez : <img src=x onerror=alert(1)>";
      const { id } = await makeArticle(first.ctx, { title, standfirst });
      await comments.importComment(
        first.ctx,
        {
          articleId: id,
          parentId: null,
          name: "Zoé <b>",
          email: "zoe@example.net",
          website: null,
          body,
          status: "approved",
          createdAt: new Date(first.clock.now().getTime() - 60_000),
        },
        "test",
      );
      await exportWordpress(first.ctx, file);
      const xml = fs.readFileSync(file, "utf8");
      // WordPress stores comment_content, titles and excerpts as HTML: none of it may be a tag.
      expect(xml).not.toContain("<img src=x");
      expect(xml).not.toContain("<s>");
      expect(xml).not.toContain("<b>gras");
      expect(xml).toContain("&lt;img src=x onerror=alert(1)>");
      await importWordpress(second.ctx, { file });
      const article = await second.ctx.db
        .selectFrom("articles")
        .select(["title", "standfirst"])
        .executeTakeFirstOrThrow();
      expect(article).toEqual({ title, standfirst });
      const comment = await second.ctx.db
        .selectFrom("comments")
        .select(["author_name", "body"])
        .executeTakeFirstOrThrow();
      expect(comment).toEqual({ author_name: "Zoé <b>", body });
    });
  },
);
