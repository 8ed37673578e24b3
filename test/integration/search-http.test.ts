import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setSetting } from "../../src/modules/settings/index.js";
import { XSS_PAYLOADS } from "../fixtures/xss-payloads.js";
import { testEngines } from "../helpers/engines.js";
import { makeArticle, makeCategory } from "../helpers/factories.js";
import { openTestApp, type TestApp } from "../helpers/runtime.js";

describe.each(testEngines())("search pages on %s", (engine) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await openTestApp(engine);
    const section = await makeCategory(t.ctx, "Environnement");
    await makeArticle(t.ctx, {
      slug: "secheresse",
      categorySlug: section.slug,
      title: "La sécheresse s’installe sur le plateau",
      standfirst: "Les nappes phréatiques sont au plus bas.",
      bodyHtml: "<p>Les éleveurs achètent du fourrage.</p>",
    });
    await makeArticle(t.ctx, {
      slug: "xss",
      title: `Piège ${XSS_PAYLOADS[0]} inondation`,
      bodyHtml: "<p>inondation</p>",
    });
  });
  afterAll(() => t.close());

  it("answers /recherche and /search with ranked, marked results, never from the page cache", async () => {
    for (const path of ["/recherche", "/search"]) {
      const res = await t.app.inject({ url: `${path}?q=secheresse` });
      expect(res.statusCode).toBe(200);
      expect(res.headers["cache-control"]).toBe("public, max-age=60");
      expect(res.body).toContain('href="/article/secheresse"');
      expect(res.body).toContain("<mark>sécheresse</mark>");
      expect(res.body).toContain('name="robots" content="noindex"');
    }
  });

  it("shows the empty form without a query, and no result for nothing that matches", async () => {
    const empty = await t.app.inject({ url: "/recherche" });
    expect(empty.statusCode).toBe(200);
    expect(empty.body).toContain('id="search-q"');
    const none = await t.app.inject({ url: "/recherche?q=ornithorynque" });
    expect(none.statusCode).toBe(200);
    expect(none.body).toContain("Aucun article ne correspond");
  });

  it("never puts an article's text into the page as HTML", async () => {
    const res = await t.app.inject({ url: "/recherche?q=inondation" });
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain(XSS_PAYLOADS[0]);
  });

  it("suggests headlines as JSON, pieces of text marked or not", async () => {
    const res = await t.app.inject({ url: "/recherche/suggestions?q=sech" });
    expect(res.statusCode).toBe(200);
    const body = res.json<{
      suggestions: { url: string; title: { text: string; hit: boolean }[] }[];
    }>();
    expect(body.suggestions[0]?.url).toBe("/article/secheresse");
    expect(body.suggestions[0]?.title.find((p) => p.hit)?.text).toBe("sécheresse");
  });

  it("answers hostile queries and filters with a page, never an error", async () => {
    const hostile = [
      "q=%22unbalanced",
      "q=NEAR(a%20b)",
      "q=*",
      "q=-x",
      "q=title_terms:x",
      `q=${"x".repeat(10_000)}`,
      "q=%00",
      "q=x&rubrique=%00",
      "q=x&rubrique=" + "a".repeat(1000),
      "q=x&du=2026-02-30&au=nope",
      "q=x&du=%00",
      "q[]=x",
    ];
    for (const query of hostile) {
      const res = await t.app.inject({ url: `/recherche?${query}` });
      expect(res.statusCode, query.slice(0, 40)).toBe(200);
      const json = await t.app.inject({ url: `/recherche/suggestions?${query}` });
      expect(json.statusCode, query.slice(0, 40)).toBe(200);
    }
  });

  it("filters by section and by dates", async () => {
    const other = await t.app.inject({ url: "/recherche?q=secheresse&rubrique=sport" });
    expect(other.body).not.toContain('href="/article/secheresse"');
    const future = await t.app.inject({ url: "/recherche?q=secheresse&du=2099-01-01" });
    expect(future.body).not.toContain('href="/article/secheresse"');
    // The first and last days a date field gives: the whole calendar, the filter kept.
    const all = await t.app.inject({ url: "/recherche?q=secheresse&du=0001-01-01&au=9999-12-31" });
    expect(all.statusCode).toBe(200);
    expect(all.body).toContain('href="/article/secheresse"');
    expect(all.body).toContain('value="9999-12-31"');
    // Years 1 to 99 are those years, not 1901 to 1999: nothing was written by then.
    const antiquity = await t.app.inject({ url: "/recherche?q=secheresse&au=0099-12-31" });
    expect(antiquity.body).not.toContain('href="/article/secheresse"');
    const early = await t.app.inject({ url: "/recherche?q=secheresse&du=0099-12-31" });
    expect(early.body).toContain('href="/article/secheresse"');
  });

  it("limits searches per client with the 429 page", async () => {
    await setSetting(t.ctx, "rateLimit.search.max", "2");
    try {
      const statuses: number[] = [];
      // One client of its own, so nothing earlier in this file counts against it.
      const remoteAddress = "203.0.113.7";
      for (let i = 0; i < 3; i++)
        statuses.push(
          (await t.app.inject({ url: `/recherche?q=mot${i}`, remoteAddress })).statusCode,
        );
      expect(statuses).toEqual([200, 200, 429]);
      const page = await t.app.inject({ url: "/recherche?q=mot", remoteAddress });
      expect(page.statusCode).toBe(429);
      expect(page.headers["content-type"]).toContain("text/html");
      const json = await t.app.inject({
        url: "/recherche/suggestions?q=mot",
        remoteAddress,
        headers: { accept: "application/json" },
      });
      expect(json.statusCode).toBe(429);
      expect(json.json<{ code: string }>().code).toBe("KIOSQUE_RATE_LIMITED");
      expect(json.headers["retry-after"]).toBeDefined();
    } finally {
      await setSetting(t.ctx, "rateLimit.search.max", "0");
    }
  });
});
