import { XMLParser, XMLValidator } from "fast-xml-parser";
import { parseFeed } from "feedsmith";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OPERATOR } from "../../src/modules/accounts/index.js";
import { editing } from "../../src/modules/articles/index.js";
import { comments } from "../../src/modules/comments/index.js";
import { setSetting } from "../../src/modules/settings/index.js";
import { testEngines } from "../helpers/engines.js";
import { makeArticle, makeAuthor, makeCategory } from "../helpers/factories.js";
import { openTestApp, type TestApp } from "../helpers/runtime.js";

const HOST = "journal.example";
const BASE = `http://${HOST}`;

/**
 * Feeds and sitemaps, read back as their readers read them: each feed by a feed parser (not the
 * library that wrote it), each sitemap by an XML parser.
 */
describe.each(testEngines())("feeds and sitemaps on %s", (engine) => {
  let t: TestApp;
  let section: { slug: string; name: string };
  let author: { id: number; name: string };
  let articleSlug: string;
  const get = (url: string, headers: Record<string, string> = {}) =>
    t.app.inject({ url, headers: { host: HOST, ...headers } });

  beforeAll(async () => {
    t = await openTestApp(engine);
    section = await makeCategory(t.ctx, "Économie & « marchés »");
    author = await makeAuthor(t.ctx, "Amina Benali");
    for (let i = 0; i < 3; i++)
      await makeArticle(t.ctx, {
        categorySlug: section.slug,
        authorId: author.id,
        title: `Marchés n° ${i} : « hausse » & <baisse>`,
        tags: ["Bourse"],
        bodyHtml: `<p>Texte ${i} <img src="/media/abc/640-x.webp" alt="graphique"></p>`,
      });
    await makeArticle(t.ctx, { slug: "brouillon-cache", publishedAt: undefined });
    const other = await makeArticle(t.ctx, { slug: "autre-rubrique", title: "Ailleurs" });
    articleSlug = other.slug;
    const posted = await comments.postComment(
      t.ctx,
      {
        articleSlug,
        form: { name: "Léa", email: "lea.flux@example.net", body: "Très juste <b>!</b>" },
        ip: undefined,
      },
      [],
    );
    await comments.setStatus(t.ctx, [posted.comment.id], "approved", "test");
    await comments.postComment(
      t.ctx,
      {
        articleSlug,
        form: { name: "Retenu", email: "retenu@example.net", body: "En attente." },
        ip: undefined,
      },
      [],
    );
  });
  afterAll(() => t.close());

  const feeds = () => [
    "/feed.xml",
    "/feed.atom",
    "/feed.json",
    `/rubrique/${section.slug}/feed.xml`,
    `/rubrique/${section.slug}/feed.atom`,
    `/rubrique/${section.slug}/feed.json`,
    "/tag/bourse/feed.xml",
    "/tag/bourse/feed.atom",
    "/tag/bourse/feed.json",
    "/auteur/amina-benali/feed.xml",
    "/auteur/amina-benali/feed.atom",
    "/auteur/amina-benali/feed.json",
  ];

  it("offers every listing in RSS, Atom and JSON Feed, parsed back with its articles", async () => {
    for (const url of feeds()) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      const { format, feed } = parseFeed(res.body);
      expect(format, url).toBe(
        url.endsWith(".xml") ? "rss" : url.endsWith(".atom") ? "atom" : "json",
      );
      const items = "items" in feed ? feed.items : "entries" in feed ? feed.entries : [];
      const links = (items ?? []).map((i) =>
        "link" in i && typeof i.link === "string"
          ? i.link
          : "url" in i && typeof i.url === "string"
            ? i.url
            : "links" in i
              ? (i.links?.[0]?.href ?? "")
              : "",
      );
      expect(links.length, url).toBeGreaterThanOrEqual(3);
      expect(
        links.every((l) => l.startsWith(`${BASE}/article/`)),
        url,
      ).toBe(true);
      expect(res.body, url).not.toContain("brouillon-cache");
      expect(res.body, url).not.toMatch(/@example\.(net|org)/);
      // The section's feeds hold its articles only; the site's all of them.
      if (!url.startsWith("/feed")) expect(res.body, url).not.toContain("autre-rubrique");
    }
  });

  it("escapes titles and names, and says so in each format", async () => {
    const { feed } = parseFeed((await get("/feed.json")).body);
    const titles = "items" in feed ? (feed.items ?? []).map((i) => i.title) : [];
    expect(titles).toContain("Marchés n° 2 : « hausse » & <baisse>");
    const atom = parseFeed((await get(`/rubrique/${section.slug}/feed.atom`)).body);
    expect(atom.format).toBe("atom");
    expect("title" in atom.feed ? JSON.stringify(atom.feed.title) : "").toContain("Économie");
  });

  it("carries the whole text, with absolute addresses, only when the setting says so", async () => {
    const excerpt = (await get("/feed.atom")).body;
    expect(excerpt).not.toContain("Texte 2");
    // A setting's change drops every cached page, on every instance.
    await setSetting(t.ctx, "feeds.fullText", "true");
    const full = parseFeed((await get("/feed.json")).body);
    expect(full.format).toBe("json");
    const html =
      full.format === "json" ? (full.feed.items ?? []).map((i) => i.content_html).join("") : "";
    expect(html).toContain("Texte 2");
    expect(html).toContain(`src="${BASE}/media/abc/640-x.webp"`);
    await setSetting(t.ctx, "feeds.fullText", "false");
  });

  it("answers 404 for a listing that does not exist", async () => {
    for (const url of [
      "/rubrique/nulle-part/feed.xml",
      "/tag/rien/feed.json",
      "/auteur/x/feed.atom",
    ])
      expect((await get(url)).statusCode, url).toBe(404);
  });

  it("gives an article's approved comments as RSS, without addresses or held comments", async () => {
    const res = await get(`/article/${articleSlug}/feed.xml`);
    expect(res.statusCode).toBe(200);
    const { format, feed } = parseFeed(res.body);
    expect(format).toBe("rss");
    const items = "items" in feed ? (feed.items ?? []) : [];
    expect(items.map((i) => i.title)).toEqual(["Commentaire de Léa"]);
    expect(res.body).not.toContain("En attente");
    expect(res.body).not.toMatch(/@example\.net/);
  });

  it("answers a conditional GET with 304, by ETag or by date", async () => {
    const first = await get("/feed.xml");
    const etag = String(first.headers.etag);
    const lastModified = String(first.headers["last-modified"]);
    expect(Date.parse(lastModified)).toBeGreaterThan(0);
    // Compared weakly, as RFC 9110 §13.1.2 says for this header: a cache may weaken the tag.
    for (const tag of [etag, `W/${etag}`, `"autre", ${etag}`, "*"])
      expect((await get("/feed.xml", { "if-none-match": tag })).statusCode, tag).toBe(304);
    expect((await get("/feed.xml", { "if-modified-since": lastModified })).statusCode).toBe(304);
    const before = new Date(Date.parse(lastModified) - 3_600_000).toUTCString();
    expect((await get("/feed.xml", { "if-modified-since": before })).statusCode).toBe(200);
    // No HTTP-date ("3000" is the year 3000 to Date.parse), or one still to come: ignored.
    const tomorrow = new Date(Date.now() + 86_400_000).toUTCString();
    for (const since of ["3000", "9999-01-01", tomorrow])
      expect((await get("/feed.xml", { "if-modified-since": since })).statusCode, since).toBe(200);
    // A tag that does not match wins over the date (RFC 9110 §13.2.2).
    const stale = { "if-none-match": '"autre"', "if-modified-since": lastModified };
    expect((await get("/feed.xml", stale)).statusCode).toBe(200);
  });

  it("never dates a feed back: an unpublished newest article is not kept by a 304", async () => {
    t.clock.advance(60_000);
    const fresh = await makeArticle(t.ctx, {
      slug: "dernier-mot",
      publishedAt: t.clock.now(),
    });
    const withIt = await get("/feed.xml");
    expect(withIt.body).toContain("dernier-mot");
    const since = String(withIt.headers["last-modified"]);
    t.clock.advance(60_000);
    await editing.act(t.ctx, OPERATOR, fresh.id, "unpublish");
    // The newest entry's date went back an hour: "not modified since" answered 304 for good.
    const after = await get("/feed.xml", { "if-modified-since": since });
    expect(after.statusCode).toBe(200);
    expect(after.body).not.toContain("dernier-mot");
    expect(Date.parse(String(after.headers["last-modified"]))).toBeGreaterThan(Date.parse(since));
  });

  it("lists every sitemap in an index, each well-formed, with the published articles only", async () => {
    const xml = new XMLParser({ ignoreAttributes: false });
    const index = await get("/sitemap.xml");
    expect(index.statusCode).toBe(200);
    expect(XMLValidator.validate(index.body)).toBe(true);
    const listed = [xml.parse(index.body).sitemapindex.sitemap]
      .flat()
      .map((s: { loc: string }) => s.loc);
    expect(listed).toEqual([
      `${BASE}/sitemaps/rubriques.xml`,
      `${BASE}/sitemaps/articles-1.xml`,
      `${BASE}/sitemaps/tags.xml`,
      `${BASE}/sitemaps/auteurs.xml`,
      `${BASE}/sitemaps/actualites.xml`,
    ]);
    const locs: Record<string, string[]> = {};
    for (const loc of listed) {
      const res = await get(loc.slice(BASE.length));
      expect(res.statusCode, loc).toBe(200);
      expect(XMLValidator.validate(res.body), loc).toBe(true);
      const urls = [xml.parse(res.body).urlset.url ?? []].flat() as { loc: string }[];
      locs[loc] = urls.map((u) => u.loc);
    }
    const articles = locs[`${BASE}/sitemaps/articles-1.xml`] ?? [];
    expect(articles).toContain(`${BASE}/article/${articleSlug}`);
    expect(articles.join()).not.toContain("brouillon-cache");
    expect(locs[`${BASE}/sitemaps/rubriques.xml`]).toContain(`${BASE}/rubrique/${section.slug}`);
    expect(locs[`${BASE}/sitemaps/tags.xml`]).toEqual([`${BASE}/tag/bourse`]);
    expect(locs[`${BASE}/sitemaps/auteurs.xml`]).toContain(`${BASE}/auteur/amina-benali`);
    // Every article here was published an hour before the clock: all are news.
    expect(locs[`${BASE}/sitemaps/actualites.xml`]).toHaveLength(articles.length);
    expect((await get("/sitemaps/articles-2.xml")).statusCode).toBe(302);
  });

  it("leaves articles older than two days out of the news sitemap", async () => {
    t.clock.advance(49 * 3_600_000);
    await setSetting(t.ctx, "articles.perPage", "10"); // drops the cached sitemap
    const res = await get("/sitemaps/actualites.xml");
    expect(res.body).not.toContain("<url>");
    t.clock.advance(-49 * 3_600_000);
  });

  it("points crawlers at the sitemaps and away from the newsroom", async () => {
    const res = await get("/robots.txt");
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(`Sitemap: ${BASE}/sitemap.xml`);
    expect(res.body).toContain("Disallow: /admin");
  });
});
