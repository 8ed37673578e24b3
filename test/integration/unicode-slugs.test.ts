import { XMLValidator } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SLUG_MAX, SLUG_SHAPE } from "../../src/lib/slug.js";
import { editing } from "../../src/modules/articles/index.js";
import { sitePages } from "../../src/modules/pages/index.js";
import { fr } from "../../src/web/i18n/fr.js";
import { paths } from "../../src/web/urls.js";
import { testEngines } from "../helpers/engines.js";
import { commentForm } from "../helpers/factories.js";
import { formBody, inputValue, textById } from "../helpers/http.js";
import { openTestApp, type TestApp } from "../helpers/runtime.js";
import { makeStaff, postForm, signedIn, type StaffMember } from "../helpers/staff.js";

const HOST = "journal.example";
const BASE = `http://${HOST}`;

type Fields = Record<string, string | string[]>;

/**
 * Names in any script make addresses (lib/slug.ts), as WordPress makes them: tags, sections,
 * articles, pages and bylines in Cyrillic, Greek or Chinese are kept and answer at their
 * percent-encoded addresses, in pages, feeds, sitemaps, redirects and search. A name with no
 * letter or digit is refused on the field where an address is typed, never dropped unseen.
 */
describe.each(testEngines())("names in every script on %s", (engine) => {
  let rt: TestApp;
  let editor: StaffMember;

  beforeAll(async () => {
    rt = await openTestApp(engine);
    editor = await signedIn(rt.app, rt.ctx, "editor");
  });
  afterAll(() => rt.close());

  const get = (url: string, who?: StaffMember) =>
    rt.app.inject({ url, headers: { host: HOST, ...(who ? { cookie: who.cookie } : {}) } });
  const post = (url: string, fields: Fields) => postForm(rt.app, url, editor.cookie, fields);

  /** A section made through the newsroom's form; its id and slug. */
  async function section(name: string): Promise<{ id: number; slug: string }> {
    const res = await post(paths.admin.sections, { name, description: "" });
    expect(res.statusCode, res.body.slice(0, 500)).toBe(303);
    const made = (await editing.sections(rt.ctx)).find((s) => s.name === name);
    return { id: made?.id ?? 0, slug: made?.slug ?? "" };
  }

  const articleForm = (overrides: Fields): Fields => ({
    title: "Без названия",
    standfirst: "",
    slug: "",
    body: "<p>Текст.</p>",
    section: "",
    tags: "",
    authors: [String(editor.id)],
    comments_open: "1",
    ...overrides,
  });

  /** A new article through the form, then published; its id and slug. */
  async function published(fields: Fields): Promise<{ id: number; slug: string }> {
    const made = await post("/admin/articles/nouveau", articleForm(fields));
    expect(made.statusCode, made.body.slice(0, 500)).toBe(303);
    const id = Number(/\/admin\/articles\/(\d+)/.exec(made.headers.location ?? "")?.[1]);
    const { version } = await editing.editable(rt.ctx, { id: 0, role: "admin" }, id);
    const out = await post(`/admin/articles/${id}`, {
      ...articleForm(fields),
      version: String(version),
      action: "publish",
    });
    expect(out.statusCode, out.body.slice(0, 500)).toBe(303);
    const state = await editing.editable(rt.ctx, { id: 0, role: "admin" }, id);
    return { id, slug: state.fields.slug };
  }

  it("keeps tags in every script and serves each at its address, feed and sitemap", async () => {
    const culture = await section("Культура");
    expect(culture.slug).toBe("культура");
    const byline = await makeStaff(rt.ctx, "author", "Иван Петров");
    const article = await published({
      title: "Новости культуры",
      section: String(culture.id),
      tags: "Русский, Ελληνικά, 中文, Économie",
      authors: [String(byline.id)],
    });
    expect(article.slug).toBe("новости-культуры");

    // The form shows every tag saved, none dropped.
    const edit = await get(`/admin/articles/${article.id}`, editor);
    expect(inputValue(edit.body, "tags").split(", ").sort()).toEqual(
      ["Русский", "Ελληνικά", "中文", "Économie"].sort(),
    );

    const articleUrl = paths.article(article.slug);
    expect(articleUrl).toBe(
      "/article/%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8-%D0%BA%D1%83%D0%BB%D1%8C%D1%82%D1%83%D1%80%D1%8B",
    );
    const page = await get(articleUrl);
    expect(page.statusCode).toBe(200);
    for (const [slug, name] of [
      ["русский", "Русский"],
      ["ελληνικά", "Ελληνικά"],
      ["中文", "中文"],
      ["economie", "Économie"],
    ] as const) {
      // The article links each tag at its encoded address, which answers with the article.
      expect(page.body, slug).toContain(`href="${paths.tag(slug)}"`);
      const listing = await get(paths.tag(slug));
      expect(listing.statusCode, slug).toBe(200);
      expect(listing.body, slug).toContain(name);
      expect(listing.body, slug).toContain(`href="${articleUrl}"`);
    }
    for (const url of [paths.category(culture.slug), paths.author("иван-петров")]) {
      const listing = await get(url);
      expect(listing.statusCode, url).toBe(200);
      expect(listing.body, url).toContain(`href="${articleUrl}"`);
    }
    // However the browser spells the address: lower-case hex, or the letters themselves.
    expect((await get(paths.tag("русский").toLowerCase())).statusCode).toBe(200);
    expect((await get("/tag/русский")).statusCode).toBe(200);

    // Feeds: well-formed, linking the article by its encoded address, their own self link too.
    for (const feed of [
      paths.feeds.tag("русский"),
      paths.feeds.tag("中文", "atom"),
      paths.feeds.category(culture.slug),
      paths.feeds.author("иван-петров", "atom"),
    ]) {
      const res = await get(feed);
      expect(res.statusCode, feed).toBe(200);
      expect(XMLValidator.validate(res.body), feed).toBe(true);
      expect(res.body, feed).toContain(`${BASE}${articleUrl}`);
      expect(res.body, feed).toContain(`${BASE}${feed}`);
    }
    const json = await get(paths.feeds.tag("ελληνικά", "json"));
    expect(json.statusCode).toBe(200);
    expect(json.json<{ items: { url: string }[] }>().items[0]?.url).toBe(`${BASE}${articleUrl}`);

    // Sitemaps: every address percent-encoded, the XML well-formed.
    for (const [sitemap, loc] of [
      [paths.sitemaps.tags, paths.tag("русский")],
      [paths.sitemaps.tags, paths.tag("中文")],
      [paths.sitemaps.sections, paths.category(culture.slug)],
      [paths.sitemaps.authors, paths.author("иван-петров")],
      [paths.sitemaps.articles(1), articleUrl],
    ] as const) {
      const res = await get(sitemap);
      expect(res.statusCode, sitemap).toBe(200);
      expect(XMLValidator.validate(res.body), sitemap).toBe(true);
      expect(res.body, sitemap).toContain(`<loc>${BASE}${loc}</loc>`);
    }

    // The tag field's suggestions find tags by what is typed, in their script.
    const typed = await rt.app.inject({
      url: `${paths.admin.tags}?q=${encodeURIComponent("Рус")}`,
      headers: { cookie: editor.cookie, accept: "application/json" },
    });
    expect(typed.json()).toEqual({ tags: [{ slug: "русский", name: "Русский" }] });
  });

  it("searches within a section named in another script", async () => {
    const sport = await section("Спорт");
    const other = await section("Общество");
    // The same word in both headlines, in their script: the section alone tells them apart.
    const tournament = await published({ title: "Шахматы: турнир", section: String(sport.id) });
    const club = await published({ title: "Шахматы: клуб", section: String(other.id) });
    const found = await get(paths.search("fr", { q: "шахматы", section: sport.slug }));
    expect(found.statusCode).toBe(200);
    expect(found.body).toContain(`href="${paths.article(tournament.slug)}"`);
    expect(found.body).not.toContain(`href="${paths.article(club.slug)}"`);
  });

  it("sends a renamed section's old addresses to its new ones", async () => {
    const music = await section("Музыка");
    await published({ title: "Концерт", section: String(music.id) });
    const renamed = await post(paths.admin.section(music.id), {
      name: "Музыка",
      slug: "Джаз",
      description: "",
    });
    expect(renamed.statusCode, renamed.body.slice(0, 500)).toBe(303);
    for (const [from, to] of [
      [paths.category("музыка"), paths.category("джаз")],
      [paths.feeds.category("музыка", "atom"), paths.feeds.category("джаз", "atom")],
    ] as const) {
      const res = await get(from);
      expect([from, res.statusCode, res.headers.location]).toEqual([from, 301, to]);
      expect((await get(to)).statusCode, to).toBe(200);
    }
  });

  it("takes comments on an article named in another script, and follows it when renamed", async () => {
    const news = await section("Вести");
    const fields = { title: "Выборы мэра", section: String(news.id) };
    const { id, slug } = await published(fields);
    const comment = await rt.app.inject({
      method: "POST",
      url: paths.comments(slug),
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: formBody(commentForm({ body: "Хорошая статья." })),
    });
    expect(comment.statusCode, comment.body.slice(0, 500)).toBe(303);
    expect(comment.headers.location).toMatch(new RegExp(`^${paths.article(slug)}#comment-[0-9]+$`));

    const { version } = await editing.editable(rt.ctx, { id: 0, role: "admin" }, id);
    const renamed = await post(`/admin/articles/${id}`, {
      ...articleForm({ ...fields, slug: "Итоги выборов" }),
      version: String(version),
      action: "save",
    });
    expect(renamed.statusCode, renamed.body.slice(0, 500)).toBe(303);
    for (const [from, to] of [
      [paths.article(slug), paths.article("итоги-выборов")],
      [paths.feeds.comments(slug), paths.feeds.comments("итоги-выборов")],
    ] as const) {
      const res = await get(from);
      expect([from, res.statusCode, res.headers.location]).toEqual([from, 301, to]);
      expect((await get(to)).statusCode, to).toBe(200);
    }
  });

  it("serves a page titled in another script at its address", async () => {
    const made = await post("/admin/pages/nouvelle", {
      title: "О нас",
      body: "<p>Редакция.</p>",
      status: "published",
      in_footer: "1",
      position: "1",
    });
    expect(made.statusCode, made.body.slice(0, 500)).toBe(303);
    const page = await get(paths.page("о-нас"));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Редакция.");
    expect((await get("/")).body).toContain(`href="${paths.page("о-нас")}"`);
  });

  it("numbers a page's address made from a long title within the slug's length", async () => {
    const title = `b${"𠀀".repeat(150)}`;
    for (const position of ["2", "3"]) {
      const made = await post("/admin/pages/nouvelle", {
        title,
        body: "<p>Deux fois.</p>",
        status: "published",
        position,
      });
      expect(made.statusCode, made.body.slice(0, 500)).toBe(303);
    }
    const slugs = (await sitePages.allPages(rt.ctx))
      .filter((p) => p.title === title)
      .map((p) => p.slug);
    expect(slugs).toHaveLength(2);
    expect(slugs.filter((slug) => slug.endsWith("-2"))).toHaveLength(1);
    for (const slug of slugs) {
      expect([...slug].length).toBeLessThanOrEqual(SLUG_MAX);
      expect(slug).toMatch(SLUG_SHAPE);
      expect((await get(paths.page(slug))).statusCode, slug).toBe(200);
    }
  });

  it("takes the longest slugs, of four-byte letters, whole and never cut in two", async () => {
    const home = await section("Архив");
    // A tag of 60 such letters is 720 characters once encoded: the router takes it (it measures
    // the decoded slug, http/limits.ts).
    const longTag = "𠀀".repeat(60);
    const title = `a${"𠀀".repeat(150)}`;
    const first = await published({ title, section: String(home.id), tags: longTag });
    const second = await published({ title, section: String(home.id) });
    // Numbered when taken, cut to make room between two letters: no half letter stored, which
    // a database keeps as U+FFFD.
    expect(second.slug.endsWith("-2")).toBe(true);
    for (const slug of [first.slug, second.slug]) {
      expect([...slug].length).toBeLessThanOrEqual(SLUG_MAX);
      expect(slug).toMatch(SLUG_SHAPE);
      expect((await get(paths.article(slug))).statusCode, slug).toBe(200);
    }
    const listing = await get(paths.tag(longTag));
    expect(listing.statusCode).toBe(200);
    expect(listing.body).toContain(`href="${paths.article(first.slug)}"`);
  });

  it("refuses a tag with no letter or digit on the tags field, keeping the form", async () => {
    const news = await section("Новости");
    const { id } = await published({ title: "Праздник", section: String(news.id), tags: "Мир" });
    const { version } = await editing.editable(rt.ctx, { id: 0, role: "admin" }, id);
    for (const [tags, place] of [
      ["Праздник, 🎉", 2],
      ["!!!, Праздник", 1],
    ] as const) {
      const refused = await post(`/admin/articles/${id}`, {
        ...articleForm({ title: "Праздник", section: String(news.id), tags }),
        version: String(version),
        action: "save",
      });
      expect(refused.statusCode, tags).toBe(422);
      expect(inputValue(refused.body, "tags"), tags).toBe(tags);
      expect(inputValue(refused.body, "title"), tags).toBe("Праздник");
      expect(textById(refused.body, "span", "tags-error"), tags).toBe(
        fr.problems.tagNoAddress(place),
      );
    }
    // Nothing was saved: the tags are the ones before.
    const state = await editing.editable(rt.ctx, { id: 0, role: "admin" }, id);
    expect([state.version, state.fields.tags]).toEqual([version, ["Мир"]]);
    // A new draft is refused the same way.
    const draft = await post(
      "/admin/articles/nouveau",
      articleForm({ title: "Салют", section: String(news.id), tags: "🎆" }),
    );
    expect(draft.statusCode).toBe(422);
    expect(textById(draft.body, "span", "tags-error")).toBe(fr.problems.tagNoAddress(1));
  });

  it("asks for an address on its field when a name or title makes none", async () => {
    for (const fields of [
      { name: "🎉", slug: "" },
      { name: "Фейерверк", slug: "!!!" },
    ]) {
      const refused = await post(paths.admin.sections, { ...fields, description: "" });
      expect(refused.statusCode, fields.name).toBe(422);
      expect(inputValue(refused.body, "new-name")).toBe(fields.name);
      expect(textById(refused.body, "span", "new-slug-error")).toBe(fr.problems.noAddress);
      expect(refused.body).not.toContain('id="new-name-error"');
    }
    // Typed, it is taken.
    const typed = await post(paths.admin.sections, {
      name: "🎉",
      slug: "prazdnik",
      description: "",
    });
    expect(typed.statusCode).toBe(303);
    expect((await get(paths.category("prazdnik"))).statusCode).toBe(200);

    const page = await post("/admin/pages/nouvelle", {
      title: "🎉",
      body: "<p>Fête.</p>",
      status: "draft",
      position: "0",
    });
    expect(page.statusCode).toBe(422);
    expect(inputValue(page.body, "page-title")).toBe("🎉");
    expect(textById(page.body, "span", "page-slug-error")).toBe(fr.problems.noAddress);
    expect(page.body).not.toContain('id="page-title-error"');

    const news = (await editing.sections(rt.ctx))[0];
    const article = await post(
      "/admin/articles/nouveau",
      articleForm({ title: "Салют", slug: "!!!", section: String(news?.id) }),
    );
    expect(article.statusCode).toBe(422);
    expect(textById(article.body, "span", "slug-error")).toBe(fr.problems.noAddress);
  });
});
