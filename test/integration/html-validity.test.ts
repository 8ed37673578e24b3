import { HtmlValidate } from "html-validate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setSetting } from "../../src/modules/settings/index.js";
import { testEngines } from "../helpers/engines.js";
import { commentForm, makeArticle, makeAuthor, makeCategory } from "../helpers/factories.js";
import { cookieHeader, formBody, setCookies } from "../helpers/http.js";
import { followRefusal } from "../helpers/refused-form.js";
import { openTestApp, type TestApp } from "../helpers/runtime.js";
import { signedIn } from "../helpers/staff.js";

/**
 * Every template, in every state a reader or a journalist meets, checked by an HTML validator:
 * the standard's rules (content models, attributes, nesting) and its accessibility rules
 * (labels, heading order, alternative text). SRI is for other origins' files; ours are our own.
 */
const validator = new HtmlValidate({
  extends: ["html-validate:standard", "html-validate:a11y", "html-validate:document"],
  rules: { "require-sri": "off" },
});

async function problems(html: string): Promise<string[]> {
  const report = await validator.validateString(html);
  return report.results.flatMap((r) =>
    r.messages.map(
      (m) =>
        `${m.ruleId} at ${m.line}:${m.column}: ${m.message} (${html.slice(m.offset, m.offset + 60)})`,
    ),
  );
}

describe.each(testEngines())("valid HTML on every page on %s", (engine) => {
  let t: TestApp;
  let slug: string;
  let closedSlug: string;
  let section: { slug: string };
  let mine = "";
  let commentId = 0;

  const form = (overrides: Record<string, string> = {}) =>
    t.app.inject({
      method: "POST",
      url: `/article/${slug}/commentaires`,
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        "sec-fetch-site": "same-origin",
      },
      payload: formBody({ ...commentForm(), ...overrides }),
    });

  beforeAll(async () => {
    t = await openTestApp(engine);
    await setSetting(t.ctx, "articles.perPage", "2");
    section = await makeCategory(t.ctx, "Politique");
    const author = await makeAuthor(t.ctx, "Amina Benali");
    for (let i = 0; i < 3; i++)
      ({ slug } = await makeArticle(t.ctx, {
        categorySlug: section.slug,
        authorId: author.id,
        tags: ["Conseil"],
        bodyHtml: "<h2>Intertitre</h2><p>Texte <a href='https://example.org'>lien</a></p>",
      }));
    closedSlug = (await makeArticle(t.ctx, { commentsOpen: false })).slug;
    // An approved comment (the first of this address is held: approve it), and a held one.
    const first = await form({ email: "lecteur@example.net", body: "Premier commentaire." });
    expect(first.statusCode).toBe(303);
    commentId = Number(/comment-(\d+)/.exec(first.headers.location ?? "")?.[1]);
    await t.ctx.db
      .updateTable("comments")
      .set({ status: "approved" })
      .where("id", "=", commentId)
      .execute();
    await setSetting(t.ctx, "articles.perPage", "2"); // drops cached pages
    const held = await form({ body: "En attente de modération." });
    mine = cookieHeader(setCookies(held).get("kq_mine"));
  });
  afterAll(() => t.close());

  const pages = () => [
    { name: "home", url: "/" },
    { name: "home, page 2", url: "/?page=2" },
    { name: "section", url: `/rubrique/${section.slug}` },
    { name: "tag", url: "/tag/conseil" },
    { name: "author", url: "/auteur/amina-benali" },
    { name: "article with comments and the form", url: `/article/${slug}` },
    { name: "article, replying", url: `/article/${slug}?replytocom=${commentId}` },
    { name: "article, comments closed", url: `/article/${closedSlug}` },
    { name: "article, with the reader's held comment", url: `/article/${slug}`, cookie: mine },
    { name: "404", url: "/article/nulle-part" },
    { name: "newsroom sign-in", url: "/admin/connexion" },
  ];

  it("validates every reader page and state", async () => {
    const wrong: string[] = [];
    for (const p of pages()) {
      const res = await t.app.inject({ url: p.url, headers: p.cookie ? { cookie: p.cookie } : {} });
      expect([200, 404], p.name).toContain(res.statusCode);
      wrong.push(...(await problems(res.body)).map((m) => `${p.name}: ${m}`));
    }
    expect(wrong).toEqual([]);
  });

  it("validates the refused comment form's page, whose values come back", async () => {
    const res = await followRefusal(t.app, form({ name: "", email: "pas-une-adresse", body: "" }));
    expect(res.statusCode).toBe(200);
    expect(await problems(res.body)).toEqual([]);
  });

  it("validates the newsroom's pages", async () => {
    const admin = await signedIn(t.app, t.ctx, "admin");
    const wrong: string[] = [];
    for (const url of [
      "/admin",
      "/admin/articles",
      "/admin/articles/nouveau",
      "/admin/commentaires",
      "/admin/reglages",
      "/admin/medias",
      "/admin/compte",
    ]) {
      const res = await t.app.inject({ url, headers: { cookie: admin.cookie } });
      expect(res.statusCode, url).toBe(200);
      wrong.push(...(await problems(res.body)).map((m) => `${url}: ${m}`));
    }
    expect(wrong).toEqual([]);
  });

  it("validates the article form refused, a pinned article in error", async () => {
    const editor = await signedIn(t.app, t.ctx, "editor");
    const res = await t.app.inject({
      method: "POST",
      url: "/admin/articles/nouveau",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: editor.cookie },
      payload: formBody({
        title: "",
        section: "",
        authors: String(editor.id),
        pinned: "/article/nulle-part\n<b>gras</b>",
      }),
    });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('id="pinned-error"');
    expect(await problems(res.body)).toEqual([]);
  });

  it("validates the pages in English", async () => {
    await setSetting(t.ctx, "site.locale", "en");
    const wrong: string[] = [];
    for (const url of ["/", `/article/${slug}`, "/article/nowhere"]) {
      const res = await t.app.inject({ url });
      wrong.push(...(await problems(res.body)).map((m) => `${url}: ${m}`));
    }
    await setSetting(t.ctx, "site.locale", "fr");
    expect(wrong).toEqual([]);
  });
});
