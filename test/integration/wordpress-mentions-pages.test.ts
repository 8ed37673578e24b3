import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Invalid } from "../../src/lib/errors.js";
import {
  exportWordpress,
  importWordpress,
  type ImportReport,
  type MediaSource,
} from "../../src/modules/imports/index.js";
import { comments } from "../../src/modules/comments/index.js";
import { media } from "../../src/modules/media/index.js";
import { paths } from "../../src/web/urls.js";
import { jpegWithGps } from "../fixtures/media/images.js";
import { testEngines } from "../helpers/engines.js";
import { commentForm } from "../helpers/factories.js";
import { formBody } from "../helpers/http.js";
import { root } from "../helpers/paths.js";
import { openTestApp, openTestRuntime, type TestApp } from "../helpers/runtime.js";
import { getPage, postForm, signedIn } from "../helpers/staff.js";

/** A page whose only image is the export's one, and a post with a pingback and trackbacks. */
const FILE = path.join(root, "test/fixtures/wordpress/cases/page-image.xml");

async function refusalCode(work: Promise<unknown>): Promise<string> {
  const error: unknown = await work.then(
    () => new Error("expected a refusal"),
    (e: unknown) => e,
  );
  if (!(error instanceof Invalid)) throw error;
  return error.code;
}

describe.each(testEngines())("pingbacks, trackbacks and page images on %s", (engine) => {
  let t: TestApp;
  let report: ImportReport;
  beforeAll(async () => {
    t = await openTestApp(engine);
    const photo = await jpegWithGps(600, 400);
    const uploads: MediaSource = {
      fetch: async (url) =>
        url.endsWith("/2024/03/redaction.jpg") ? { bytes: photo } : { problem: "absent" },
    };
    report = await importWordpress(t.ctx, { file: FILE, media: uploads });
  }, 120_000);
  afterAll(() => t.close());

  async function commentsOf(slug: string) {
    return t.ctx.db
      .selectFrom("comments as c")
      .innerJoin("articles as a", "a.id", "c.article_id")
      .select(["c.id", "c.author_name", "c.kind", "c.status", "c.parent_id"])
      .where("a.slug", "=", slug)
      .orderBy("c.id")
      .execute();
  }

  it("keeps pingbacks and trackbacks as such, at the top level, out of the comment count", async () => {
    const rows = await commentsOf("cite-partout");
    const by = (name: string) => rows.find((r) => r.author_name.startsWith(name))!;
    expect(by("Le Blog").kind).toBe("pingback");
    expect(by("Un annuaire").kind).toBe("trackback");
    expect(by("Spam Blog")).toMatchObject({ kind: "trackback", status: "pending" });
    expect(by("Lecteur").kind).toBe("comment");
    // A reply to a mention starts a thread of its own: a mention is not a thread.
    expect(by("Répondeur")).toMatchObject({ kind: "comment", parent_id: null });
    expect(report.imported["pingbacks and trackbacks"]).toBe(3);
    const article = await t.ctx.db
      .selectFrom("articles")
      .select("comment_count")
      .where("slug", "=", "cite-partout")
      .executeTakeFirstOrThrow();
    expect(article.comment_count).toBe(2);
  });

  it("lists published mentions apart under the comments, linked nofollow ugc, without avatar or reply", async () => {
    const res = await t.app.inject({ url: "/article/cite-partout" });
    expect(res.statusCode).toBe(200);
    const body = res.body;
    const start = body.indexOf('<section class="mentions"');
    expect(start).toBeGreaterThan(0);
    const mentions = body.slice(start, body.indexOf("</section>", start));
    expect(mentions).toContain("Mentions (2)");
    expect(mentions).toContain('href="https://blog.example/billet?a=1&amp;b=2" rel="nofollow ugc"');
    expect(mentions).toContain('data-kind="pingback"');
    expect(mentions).toContain('data-kind="trackback"');
    // A trackback whose address is not http(s) is named, not linked.
    expect(mentions).toContain("Un annuaire");
    expect(mentions).not.toContain("javascript:");
    expect(mentions).not.toMatch(/avatar|reply|Répondre/);
    // The held one is not shown; the threads hold the comments only, and the count says 2.
    expect(body).not.toContain("Spam Blog");
    const list = body.slice(body.indexOf('class="comment-list"'), start);
    expect(list).toContain("Bien vu.");
    expect(list).not.toContain("blog.example");
    expect(body).toContain("2 commentaires");
  });

  it("leaves mentions out of the newsroom's most commented articles", async () => {
    const article = await t.ctx.db
      .selectFrom("articles")
      .select("id")
      .where("slug", "=", "cite-partout")
      .executeTakeFirstOrThrow();
    const top = await comments.mostCommentedSince(t.ctx, "2000-01-01T00:00:00.000Z", 50);
    expect(top.find((r) => r.articleId === article.id)?.comments).toBe(2);
  });

  it("refuses a reader's reply to a mention, which would show nowhere", async () => {
    const pingback = (await commentsOf("cite-partout")).find((r) => r.kind === "pingback")!;
    const res = await t.app.inject({
      method: "POST",
      url: "/article/cite-partout/commentaires",
      headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
      payload: formBody(commentForm({ parent: String(pingback.id) })),
    });
    expect(res.statusCode).toBe(422);
    expect(res.json<{ code: string }>().code).toBe("KIOSQUE_COMMENT_PARENT");
    expect((await commentsOf("cite-partout")).some((r) => r.parent_id === pingback.id)).toBe(false);
  });

  it("shows mentions on the moderation desk with their kind, and no reply to them", async () => {
    const admin = await signedIn(t.app, t.ctx, "admin");
    const desk = await getPage(t.app, paths.admin.deskQueue({ status: "pending" }), admin.cookie);
    expect(desk.statusCode).toBe(200);
    const card = desk.body.slice(desk.body.indexOf("Spam Blog"));
    expect(card).toMatch(/class="badge badge-mention" data-kind="trackback">Trackback</);
    const approved = await getPage(
      t.app,
      paths.admin.deskQueue({ status: "approved" }),
      admin.cookie,
    );
    expect(approved.body).toContain('data-kind="pingback">Pingback<');
  });

  it("writes them back as pingbacks and trackbacks, and an empty Kiosque reads them back", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kiosque-mentions-"));
    const file = path.join(dir, "site.xml");
    const second = await openTestRuntime(engine);
    try {
      await exportWordpress(t.ctx, file);
      const xml = fs.readFileSync(file, "utf8");
      expect(xml).toContain("<wp:comment_type><![CDATA[pingback]]></wp:comment_type>");
      expect(xml).toContain("<wp:comment_type><![CDATA[trackback]]></wp:comment_type>");
      await importWordpress(second.ctx, { file });
      const kinds = async (db: typeof t.ctx.db) =>
        (
          await db
            .selectFrom("comments")
            .select(["author_name", "kind", "status", "parent_id"])
            .orderBy("author_name")
            .execute()
        ).map((r) => [r.author_name, r.kind, r.status, r.parent_id === null]);
      expect(await kinds(second.ctx.db)).toEqual(await kinds(t.ctx.db));
      const count = await second.ctx.db
        .selectFrom("articles")
        .select("comment_count")
        .where("slug", "=", "cite-partout")
        .executeTakeFirstOrThrow();
      expect(count.comment_count).toBe(2);
    } finally {
      await second.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("counts an image only an imported page shows as in use", async () => {
    const image = await t.ctx.db.selectFrom("media").select("id").executeTakeFirstOrThrow();
    const page = await t.ctx.db
      .selectFrom("site_pages")
      .select("id")
      .where("slug", "=", "a-propos")
      .executeTakeFirstOrThrow();
    expect(await media.usage(t.ctx, image.id)).toEqual([
      { pageId: page.id, slug: "a-propos", title: "À propos" },
    ]);
    expect(await refusalCode(media.remove(t.ctx, image.id))).toBe("KIOSQUE_MEDIA_IN_USE");
    const listed = (await media.library(t.ctx)).items.find((i) => i.id === image.id);
    expect(listed?.usage).toEqual([{ pageId: page.id, slug: "a-propos", title: "À propos" }]);
  });

  it("counts an image of a page written in the newsroom until the page drops it", async () => {
    const editor = await signedIn(t.app, t.ctx, "editor");
    const item = await media.upload(t.ctx, {
      bytes: await jpegWithGps(300, 200),
      filename: "equipe.jpg",
      uploadedBy: editor.id,
      alt: "L’équipe",
    });
    const made = await postForm(t.app, paths.admin.newPage, editor.cookie, {
      title: "L’équipe",
      body: `<p>Nous.</p><figure class="image"><img src="${item.src}" alt="L’équipe" /></figure>`,
      status: "published",
      in_footer: "",
      position: "4",
    });
    expect(made.statusCode).toBe(303);
    const pageId = Number(/\/admin\/pages\/(\d+)/.exec(made.headers.location ?? "")?.[1]);
    expect(await media.usage(t.ctx, item.id)).toEqual([
      { pageId, slug: "l-equipe", title: "L’équipe" },
    ]);
    expect(await refusalCode(media.remove(t.ctx, item.id))).toBe("KIOSQUE_MEDIA_IN_USE");
    const detail = await getPage(t.app, paths.admin.mediaItem(item.id), editor.cookie);
    expect(detail.body).toContain(`href="${paths.admin.page(pageId)}"`);

    const saved = await postForm(t.app, paths.admin.page(pageId), editor.cookie, {
      title: "L’équipe",
      slug: "l-equipe",
      body: "<p>Nous, sans photo.</p>",
      status: "published",
      in_footer: "",
      position: "4",
    });
    expect(saved.statusCode).toBe(303);
    expect(await media.usage(t.ctx, item.id)).toEqual([]);
    await media.remove(t.ctx, item.id);
  });
});
