import { RUNNABLE_SCRIPT } from "../helpers/http.js";
import { typeset } from "../../src/web/typography.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OPERATOR } from "../../src/modules/accounts/index.js";
import { articles, editing } from "../../src/modules/articles/index.js";
import { setSetting } from "../../src/modules/settings/index.js";
import { testEngines } from "../helpers/engines.js";
import { makeArticle, makeAuthor, makeCategory } from "../helpers/factories.js";
import { openTestApp, type TestApp } from "../helpers/runtime.js";

const HOUR = 3_600_000;

/** The text of the first element matching `open` up to its closing tag, for scoped assertions. */
function section(html: string, open: RegExp, close: string): string {
  const m = open.exec(html);
  if (!m) throw new Error(`no ${open} in page`);
  const end = html.indexOf(close, m.index);
  return html.slice(m.index, end < 0 ? undefined : end);
}

/** What every page of the site carries around its body: the same layout for errors too. */
function expectSiteLayout(html: string, lang = "fr") {
  expect(html.startsWith("<!doctype html>")).toBe(true);
  expect(html).toContain(`<html lang="${lang}"`);
  expect(html).toContain('<header class="site-header">');
  expect(html).toContain('<footer class="site-footer">');
  expect(html).toMatch(/<link rel="stylesheet" href="\/assets\/site\.css\?v=[\w-]+"/);
}

describe.each(testEngines())("reader pages over HTTP on %s", (engine) => {
  let rt: TestApp;
  let politique: { slug: string; name: string };
  let culture: { slug: string; name: string };
  let author: { id: number; name: string; slug: string };
  /** The article under test: tagged, with a standfirst and related articles. */
  let lead: { id: number; slug: string };
  /** Shares a tag with `lead`: listed under "À lire aussi". */
  let cousin: { id: number; slug: string };
  /** Another section, no tag and no word in common: not related to `lead`. */
  let stranger: { id: number; slug: string };
  let draft: { id: number; slug: string };
  let future: { id: number; slug: string };
  const published: { slug: string; title: string }[] = [];

  const get = (url: string, headers: Record<string, string> = {}) =>
    rt.app.inject({ method: "GET", url, headers });

  beforeAll(async () => {
    rt = await openTestApp(engine);
    const ctx = rt.ctx;
    politique = await makeCategory(ctx, "Politique");
    culture = await makeCategory(ctx, "Culture & Société");
    const made = await makeAuthor(ctx, "Camille Desmoulins");
    author = {
      ...made,
      slug: "", // filled in below from the article, which knows its author's slug
    };
    const now = rt.clock.now().getTime();
    const add = async (title: string, extra: Parameters<typeof makeArticle>[1] = {}) => {
      const a = await makeArticle(ctx, { title, ...extra });
      if (extra.publishedAt && extra.publishedAt.getTime() <= now)
        published.push({ slug: a.slug, title });
      return a;
    };
    lead = await add("Sécheresse : l’été le plus chaud", {
      categorySlug: politique.slug,
      authorId: author.id,
      standfirst: "Les nappes phréatiques au plus bas depuis 1976.",
      bodyHtml: "<p>Le corps de l’article.</p>",
      tags: ["Climat", "Eau"],
      publishedAt: new Date(now - HOUR),
    });
    cousin = await add("Canicule et vignobles", {
      categorySlug: culture.slug,
      tags: ["Climat"],
      publishedAt: new Date(now - 2 * HOUR),
    });
    // Its own words: related lists are made from what articles say (issue 13).
    stranger = await add("Festival d’Avignon", {
      categorySlug: culture.slug,
      standfirst: "Trois semaines de spectacles dans la cité des papes.",
      bodyHtml: "<p>Le théâtre investit les cloîtres et les places.</p>",
      publishedAt: new Date(now - 3 * HOUR),
    });
    await add("Le budget voté", {
      categorySlug: politique.slug,
      authorId: author.id,
      publishedAt: new Date(now - 4 * HOUR),
    });
    await add("Réforme des retraites", {
      categorySlug: politique.slug,
      publishedAt: new Date(now - 5 * HOUR),
    });
    draft = await add("Brouillon secret", { categorySlug: politique.slug, publishedAt: undefined });
    future = await add("Scoop de demain", {
      categorySlug: politique.slug,
      tags: ["Climat"],
      publishedAt: new Date(now + 24 * HOUR),
    });
    author.slug = (await articles.publishedArticle(ctx, lead.slug)).author.slug;
  });
  afterAll(() => rt.close());

  describe("home page", () => {
    it("is French HTML with every published article, its section as a link", async () => {
      const res = await get("/");
      expect(res.statusCode).toBe(200);
      expect(res.headers["content-type"]).toBe("text/html; charset=utf-8");
      expectSiteLayout(res.body);
      for (const a of published)
        expect(res.body).toContain(
          `href="/article/${a.slug}">${typeset(a.title.replace("&", "&amp;"))}</a>`,
        );
      expect(res.body).toContain(`<a href="/rubrique/${politique.slug}">Politique</a>`);
      expect(res.body).toContain(`<a href="/rubrique/${culture.slug}">Culture &amp; Société</a>`);
      expect(res.body).toContain("À la une");
      expect(res.body).not.toContain("Brouillon secret");
      expect(res.body).not.toContain("Scoop de demain");
      // Reader pages without an island ship no script at all: JSON-LD data only.
      expect(res.body).not.toMatch(RUNNABLE_SCRIPT);
      expect(res.body).not.toContain("/assets/comments");
    });

    it("pages the latest articles, and a page past the end is the French 404 page", async () => {
      await setSetting(rt.ctx, "articles.perPage", "2");
      try {
        const first = await get("/");
        expect(first.body).toContain('rel="next" href="/?page=2"');
        expect(first.body).toContain("Page 1 sur 3");

        const second = await get("/?page=2");
        expect(second.statusCode).toBe(200);
        expect(second.body).toContain("Page 2 sur 3");
        expect(second.body).toContain("Derniers articles");
        expect(second.body).toContain('rel="prev" href="/"');
        // Newest first: the third and fourth published articles.
        for (const a of published.slice(2, 4)) expect(second.body).toContain(`/article/${a.slug}"`);
        expect(second.body).not.toContain(`/article/${lead.slug}"`);

        const last = await get("/?page=3");
        expect(last.statusCode).toBe(200);
        expect(last.body).not.toContain('rel="next"');

        const past = await get("/?page=999");
        expect(past.statusCode).toBe(404);
        expect(past.headers["content-type"]).toBe("text/html; charset=utf-8");
        expectSiteLayout(past.body);
        expect(past.body).toContain("Page introuvable");
        expect(past.body).toContain('<meta name="robots" content="noindex"/>');

        const sectionPast = await get(`/rubrique/${politique.slug}?page=999`);
        expect(sectionPast.statusCode).toBe(404);
        expect(sectionPast.body).toContain("Page introuvable");
      } finally {
        await setSetting(rt.ctx, "articles.perPage", "10");
      }
    });
  });

  describe("listings", () => {
    it("shows a category's name, description and its articles only", async () => {
      const res = await get(`/rubrique/${culture.slug}`);
      expect(res.statusCode).toBe(200);
      expectSiteLayout(res.body);
      expect(res.body).toContain("<h1>Culture &amp; Société</h1>");
      expect(res.body).toContain('<p class="listing-intro">À propos de Culture &amp; Société</p>');
      expect(res.body).toContain("Canicule et vignobles");
      expect(res.body).toContain("Festival d’Avignon");
      expect(res.body).not.toContain("Sécheresse");
      expect(res.body).not.toContain("Le budget voté");
      expect(res.body).toContain(`<link rel="canonical" href="/rubrique/${culture.slug}"/>`);
    });

    it("shows a tag's published articles only", async () => {
      const res = await get("/tag/climat");
      expect(res.statusCode).toBe(200);
      expectSiteLayout(res.body);
      expect(res.body).toContain(typeset("<h1>Mot-clé : Climat</h1>"));
      expect(res.body).toContain(`/article/${lead.slug}"`);
      expect(res.body).toContain(`/article/${cousin.slug}"`);
      expect(res.body).not.toContain(`/article/${stranger.slug}"`);
      expect(res.body).not.toContain(`/article/${future.slug}"`);
    });

    it("shows an author's articles", async () => {
      const res = await get(`/auteur/${author.slug}`);
      expect(res.statusCode).toBe(200);
      expectSiteLayout(res.body);
      expect(res.body).toContain("<h1>Articles de Camille Desmoulins</h1>");
      expect(res.body).toContain(typeset("Sécheresse : l’été le plus chaud"));
      expect(res.body).toContain("Le budget voté");
      expect(res.body).not.toContain("Réforme des retraites");
      expect(res.body).not.toContain("Festival d’Avignon");
    });

    it("answers an unknown section, tag or author with the 404 page", async () => {
      for (const url of ["/rubrique/inconnue", "/tag/inconnu", "/auteur/personne"]) {
        const res = await get(url);
        expect(res.statusCode, url).toBe(404);
        expect(res.body).toContain("Page introuvable");
      }
    });
  });

  describe("article page", () => {
    it("shows the headline, standfirst, byline, French date, tags and section", async () => {
      const res = await get(`/article/${lead.slug}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers["content-type"]).toBe("text/html; charset=utf-8");
      expectSiteLayout(res.body);
      const header = section(res.body, /<header class="article-header">/, "</header>");
      expect(header).toContain(typeset("<h1>Sécheresse : l’été le plus chaud</h1>"));
      // French typography: no space a line may break at before « : » in the rendered text.
      expect(header).toContain("<h1>Sécheresse\u00a0: l’été le plus chaud</h1>");
      expect(header).toContain(
        '<p class="standfirst">Les nappes phréatiques au plus bas depuis 1976.</p>',
      );
      expect(header).toContain(
        `<a href="/auteur/${author.slug}" rel="author">Camille Desmoulins</a>`,
      );
      expect(header).toContain(`<a href="/rubrique/${politique.slug}">Politique</a>`);
      // One hour before T0 (12:05 UTC), in Paris summer time, in French news style.
      expect(header).toContain("dimanche 30 août 2026 à 13\u00a0h\u00a005");
      expect(header).toContain('datetime="2026-08-30T11:05:00.000Z"');
      expect(res.body).toContain("<p>Le corps de l’article.</p>");
      const tags = section(res.body, /<footer class="article-tags">/, "</footer>");
      expect(tags).toContain('<a href="/tag/climat" rel="tag">Climat</a>');
      expect(tags).toContain('<a href="/tag/eau" rel="tag">Eau</a>');
      expect(res.body).toContain("<title>Sécheresse : l’été le plus chaud – Kiosque</title>");
      expect(res.body).toContain("Laisser un commentaire");
    });

    it("lists related articles under « À lire aussi », never drafts or future ones", async () => {
      const res = await get(`/article/${lead.slug}`);
      const related = section(res.body, /<aside class="related"/, "</aside>");
      expect(related).toContain("À lire aussi");
      expect(related).toContain(`href="/article/${cousin.slug}">Canicule et vignobles</a>`);
      expect(related).not.toContain(`/article/${lead.slug}"`);
      expect(related).not.toContain(`/article/${stranger.slug}"`);
      expect(related).not.toContain(`/article/${future.slug}"`);
      expect(related).not.toContain(`/article/${draft.slug}"`);
    });

    it("answers drafts and future articles with 404 until their time", async () => {
      for (const slug of [draft.slug, future.slug]) {
        const res = await get(`/article/${slug}`);
        expect(res.statusCode).toBe(404);
        expect(res.body).toContain("Page introuvable");
        expect(res.body).not.toContain("Brouillon secret");
        expect(res.body).not.toContain("Scoop de demain");
      }
      const post = await rt.app.inject({
        method: "POST",
        url: `/article/${draft.slug}/commentaires`,
        payload: { name: "Zoé", email: "zoe@example.net", body: "Bonjour !" },
      });
      expect(post.statusCode).toBe(404);
    });
  });

  describe("errors", () => {
    it("answers an unknown path or slug with the French 404 page in the site's layout", async () => {
      for (const url of [
        "/nulle-part",
        "/article/inconnu",
        "/article/inconnu/",
        "/assets/nope.js",
      ]) {
        const res = await get(url);
        expect(res.statusCode, url).toBe(404);
        expect(res.headers["content-type"]).toBe("text/html; charset=utf-8");
        expectSiteLayout(res.body);
        expect(res.body).toContain("<h1>Page introuvable</h1>");
        expect(res.body).toContain("La page que vous cherchez n’existe pas ou a été déplacée.");
        expect(res.body).toContain("Retour à l’accueil");
        // The site's sections are still there to go on reading.
        expect(res.body).toContain(`<a href="/rubrique/${politique.slug}">Politique</a>`);
      }
    });

    it("answers a malformed query with a 400 page, not a 500", async () => {
      for (const url of [
        "/?page=abc",
        "/?page=0",
        "/?page=-1",
        "/?page=1.5",
        "/?page=100001",
        `/rubrique/${politique.slug}?page=abc`,
        `/article/${lead.slug}?cpage=abc`,
        `/article/${lead.slug}?replytocom=x`,
      ]) {
        const res = await get(url);
        expect(res.statusCode, url).toBe(400);
        expect(res.headers["content-type"]).toBe("text/html; charset=utf-8");
        expectSiteLayout(res.body);
        expect(res.body).toContain("Requête invalide");
      }
      // A number past the range is refused like any other bad one (Ajv made 1e400 Infinity and
      // let it through: test/integration/bad-requests.test.ts), never a server error.
      expect((await get("/?page=1e400")).statusCode).toBe(400);
    });

    it("answers scripts in JSON, with no stack trace", async () => {
      const res = await get("/?page=abc", { accept: "application/json" });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ ok: false });
      const missing = await get("/article/inconnu", { accept: "application/json" });
      expect(missing.statusCode).toBe(404);
      expect(missing.json()).toEqual({
        ok: false,
        code: "KIOSQUE_NOT_FOUND",
        message: "Page introuvable",
      });
    });
  });

  describe("machine endpoints", () => {
    it("reports health and readiness in JSON, never cached", async () => {
      const health = await get("/healthz");
      expect(health.statusCode).toBe(200);
      expect(health.headers["content-type"]).toMatch(/^application\/json/);
      expect(health.headers["cache-control"]).toBe("no-store");
      expect(health.json()).toEqual({ status: "ok" });
      const ready = await get("/readyz");
      expect(ready.statusCode).toBe(200);
      expect(ready.json()).toEqual({ status: "ready" });
    });

    it("lists every published article in the sitemap, and no draft or future one", async () => {
      const index = await get("/sitemap.xml");
      expect(index.body).toContain("<sitemapindex");
      const sitemaps = [...index.body.matchAll(/<loc>([^<]*)<\/loc>/g)].map(
        (m) => new URL(m[1] ?? "").pathname,
      );
      expect(sitemaps).toContain("/sitemaps/articles-1.xml");
      const sections = await get("/sitemaps/rubriques.xml");
      const res = await get("/sitemaps/articles-1.xml");
      expect(res.statusCode).toBe(200);
      expect(res.headers["content-type"]).toBe("application/xml; charset=utf-8");
      expect(res.body).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>/);
      const locs = [...res.body.matchAll(/<loc>([^<]*)<\/loc>/g)].map(
        (m) => new URL(m[1] ?? "").pathname,
      );
      const articlePaths = locs.filter((p) => p.startsWith("/article/")).sort();
      expect(articlePaths).toEqual(published.map((a) => `/article/${a.slug}`).sort());
      expect(sections.body).toContain("/</loc>");
      expect(sections.body).toContain(`/rubrique/${politique.slug}</loc>`);
      expect(res.body).not.toContain(draft.slug + "<");
      expect(res.body).not.toContain(future.slug + "<");
    });
  });

  it("shows a tag, or a person, only once a published article carries it", async () => {
    // Made while writing a draft: the page answered with the tag's name before the article.
    const author = await makeAuthor(rt.ctx, "Rédactrice Discrète");
    const draft = await makeArticle(rt.ctx, {
      slug: "sous-embargo",
      tags: ["Démission du maire"],
      authorId: author.id,
      publishedAt: undefined,
    });
    const slug = (
      await rt.ctx.db
        .selectFrom("users")
        .select("slug")
        .where("id", "=", author.id)
        .executeTakeFirstOrThrow()
    ).slug;
    const hidden = [
      "/tag/demission-du-maire",
      "/tag/demission-du-maire/feed.xml",
      "/tag/demission-du-maire/feed.json",
      `/auteur/${slug}`,
      `/auteur/${slug}/feed.atom`,
    ];
    for (const url of hidden) {
      const res = await rt.app.inject({ url });
      expect(res.statusCode, url).toBe(404);
      expect(res.body, url).not.toContain("Démission");
      expect(res.body, url).not.toContain("Rédactrice Discrète");
    }
    await editing.act(rt.ctx, OPERATOR, draft.id, "publish");
    for (const url of hidden) expect((await rt.app.inject({ url })).statusCode, url).toBe(200);
  });

  it("speaks English when the site's locale is English", async () => {
    await setSetting(rt.ctx, "site.locale", "en");
    try {
      const res = await get(`/article/${lead.slug}`);
      expect(res.statusCode).toBe(200);
      expectSiteLayout(res.body, "en");
      expect(res.body).toContain("Leave a comment");
      expect(res.body).toContain('<label for="name">Name <span');
      expect(res.body).toContain("Related articles");
      expect(res.body).toMatch(/Sunday, 30 August 2026 at 1:05\s?pm/u);
      expect(res.body).not.toContain("Laisser un commentaire");
      const missing = await get("/nulle-part");
      expect(missing.body).toContain("Page not found");
    } finally {
      await setSetting(rt.ctx, "site.locale", "fr");
    }
    expect((await get(`/article/${lead.slug}`)).body).toContain("Laisser un commentaire");
  });

  it("sends security headers on pages, error pages included", async () => {
    for (const url of ["/", `/article/${lead.slug}`, "/nulle-part"]) {
      const res = await get(url);
      const csp = String(res.headers["content-security-policy"] ?? "");
      const directives = new Map(
        csp
          .split(";")
          .map((d) => d.trim().split(/\s+/))
          .filter((d) => d[0])
          .map(([name, ...values]) => [name ?? "", values]),
      );
      const scriptSrc = directives.get("script-src") ?? directives.get("default-src");
      expect(scriptSrc, url).toBeDefined();
      expect(scriptSrc).not.toContain("'unsafe-inline'");
      expect(scriptSrc).not.toContain("'unsafe-eval'");
      expect(directives.get("style-src") ?? []).not.toContain("'unsafe-inline'");
      expect(res.headers["x-content-type-options"]).toBe("nosniff");
      const framing =
        res.headers["x-frame-options"] !== undefined ||
        (directives.get("frame-ancestors") ?? []).includes("'none'");
      expect(framing, url).toBe(true);
      expect(res.headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    }
  });
});
