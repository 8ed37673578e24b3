import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { editing } from "../../src/modules/articles/index.js";
import { setSetting } from "../../src/modules/settings/index.js";
import { XSS_PAYLOADS } from "../fixtures/xss-payloads.js";
import { testEngines } from "../helpers/engines.js";
import { makeCategory } from "../helpers/factories.js";
import { formBody, inputValue, jsonLdBlocks, startTags, textById } from "../helpers/http.js";
import { openTestApp, type TestApp } from "../helpers/runtime.js";
import { signedIn, type StaffMember } from "../helpers/staff.js";

type Fields = Record<string, string | string[]>;

/** Issue 14: each article has a language, and pages say it where it differs from the interface's. */
describe.each(testEngines())("an article's language on %s", (engine) => {
  let rt: TestApp;
  let editor: StaffMember;
  let section: string;

  beforeAll(async () => {
    rt = await openTestApp(engine);
    editor = await signedIn(rt.app, rt.ctx, "editor");
    const { slug } = await makeCategory(rt.ctx, "Monde");
    section = String((await editing.sections(rt.ctx)).find((s) => s.slug === slug)?.id);
  });
  afterAll(() => rt.close());

  const post = (url: string, fields: Fields) =>
    rt.app.inject({
      method: "POST",
      url,
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: editor.cookie },
      payload: formBody(fields),
    });
  const get = (url: string) => rt.app.inject({ url, headers: { cookie: editor.cookie } });
  const form = (overrides: Fields = {}): Fields => ({
    title: "The river at dawn",
    standfirst: "A walk by the water.",
    slug: "",
    body: "<p>Along the river.</p>",
    section,
    tags: "",
    authors: [String(editor.id)],
    comments_open: "1",
    ...overrides,
  });
  async function create(overrides: Fields): Promise<number> {
    const res = await post("/admin/articles/nouveau", form(overrides));
    expect(res.statusCode, res.body.slice(0, 300)).toBe(303);
    return Number(/\/admin\/articles\/(\d+)/.exec(res.headers.location ?? "")?.[1]);
  }
  const version = async (id: number) =>
    String((await editing.editable(rt.ctx, editor, id)).version);
  async function publish(id: number, overrides: Fields): Promise<string> {
    const res = await post(`/admin/articles/${id}`, {
      ...form(overrides),
      version: await version(id),
      action: "publish",
    });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(303);
    return (await editing.editable(rt.ctx, editor, id)).fields.slug;
  }
  const selected = (html: string) =>
    startTags(html)
      .filter((t) => t.name === "option" && t.attrs.has("selected"))
      .map((t) => t.attrs.get("value"))
      .filter((v) => v === "" || v === "fr" || v === "en");
  const articleTag = (html: string) => startTags(html).find((t) => t.name === "article");

  it("goes through the editor and back: the site's by default, a language of the menu when chosen", async () => {
    const id = await create({ title: "Par défaut" });
    expect((await editing.editable(rt.ctx, editor, id)).fields.language).toBe("");
    const page = await get(`/admin/articles/${id}`);
    expect(page.body).toContain('<select id="language" name="language"');
    expect(selected(page.body)).toEqual([]);

    const english = await create({ title: "In English", language: "en" });
    expect((await editing.editable(rt.ctx, editor, english)).fields.language).toBe("en");
    expect(selected((await get(`/admin/articles/${english}`)).body)).toEqual(["en"]);
    const row = await rt.ctx.db
      .selectFrom("articles")
      .select("language")
      .where("id", "=", english)
      .executeTakeFirstOrThrow();
    expect(row.language).toBe("en");
    // Back to the site's: stored as null, not as an empty tag.
    await publish(english, { title: "In English", language: "" });
    const back = await rt.ctx.db
      .selectFrom("articles")
      .select("language")
      .where("id", "=", english)
      .executeTakeFirstOrThrow();
    expect(back.language).toBeNull();
  });

  it("refuses a language outside the menu with a message on the field, every value kept", async () => {
    for (const hostile of ["de", "fr-FR", "x".repeat(36), ...XSS_PAYLOADS.slice(0, 20)]) {
      const res = await post(
        "/admin/articles/nouveau",
        form({ title: "Gardé", language: hostile }),
      );
      expect(res.statusCode, hostile).toBe(422);
      // Not a choice of the menu, however long: "35 characters at most" misled.
      expect(textById(res.body, "span", "language-error"), hostile).toBe(
        "Cette valeur n’est pas acceptée.",
      );
      expect(inputValue(res.body, "title")).toBe("Gardé");
      expect(res.body).not.toContain("<script>alert");
    }
  });

  it("says a choice that names no section, author or image is not accepted, however long", async () => {
    for (const wrong of ["abc", "x".repeat(25), "99999999999999999999999", "-1", "1e308"]) {
      const res = await post(
        "/admin/articles/nouveau",
        form({ title: "Gardé", section: wrong, authors: wrong, image_media_id: wrong }),
      );
      expect(res.statusCode, wrong).toBe(422);
      for (const id of ["section", "authors", "image_media_id"])
        expect(textById(res.body, "span", `${id}-error`), `${id} ${wrong}`).toBe(
          "Cette valeur n’est pas acceptée.",
        );
      expect(inputValue(res.body, "title")).toBe("Gardé");
    }
  });

  it("marks the article's words with its language on reader pages, and JSON-LD says it", async () => {
    const slug = await publish(await create({ language: "en" }), { language: "en" });
    const page = await rt.app.inject({ url: `/article/${slug}` });
    expect(page.statusCode).toBe(200);
    // The interface stays French; the article is English; the interface's words in it French.
    expect(page.body).toContain('<html lang="fr"');
    expect(articleTag(page.body)?.attrs.get("lang")).toBe("en");
    expect(
      startTags(page.body)
        .find((t) => t.attrs.get("class") === "byline")
        ?.attrs.get("lang"),
    ).toBe("fr");
    const ld = jsonLdBlocks(page.body).flat() as { "@type"?: string; inLanguage?: string }[];
    expect(ld.find((o) => o["@type"] === "NewsArticle")?.inLanguage).toBe("en");
    // Google News is told the article's language.
    const news = await rt.app.inject({ url: "/sitemaps/actualites.xml" });
    const entry = news.body.split("<url>").find((u) => u.includes(`/article/${slug}<`)) ?? "";
    expect(entry).toContain("<news:language>en</news:language>");
    // A listing marks its title too.
    const home = await rt.app.inject({ url: "/" });
    expect(home.body).toMatch(
      /<h[23] class="card-title" lang="en"><a href="[^"]*">The river at dawn/,
    );
  });

  it('gives a French article lang="fr" on an English site, and nothing when they agree', async () => {
    const french = await publish(await create({ title: "Au fil de l’eau", language: "fr" }), {
      title: "Au fil de l’eau",
      language: "fr",
    });
    const same = await publish(await create({ title: "Sans langue" }), { title: "Sans langue" });
    await setSetting(rt.ctx, "site.locale", "en");
    try {
      const page = await rt.app.inject({ url: `/article/${french}` });
      expect(page.body).toContain('<html lang="en"');
      expect(articleTag(page.body)?.attrs.get("lang")).toBe("fr");
      const plain = await rt.app.inject({ url: `/article/${same}` });
      expect(articleTag(plain.body)?.attrs.has("lang")).toBe(false);
    } finally {
      await setSetting(rt.ctx, "site.locale", "fr");
    }
    // On the French site the French article carries no lang of its own: the page's is right.
    const onFrench = await rt.app.inject({ url: `/article/${french}` });
    expect(articleTag(onFrench.body)?.attrs.has("lang")).toBe(false);
  });
});
