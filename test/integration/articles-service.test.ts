import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NotFound } from "../../src/lib/errors.js";
import { articles } from "../../src/modules/articles/index.js";
import { setSetting } from "../../src/modules/settings/index.js";
import { testEngines } from "../helpers/engines.js";
import { makeArticle, makeAuthor, makeCategory } from "../helpers/factories.js";
import { openTestRuntime, type TestRuntime } from "../helpers/runtime.js";

const HOUR = 3_600_000;

describe.each(testEngines())("articles service on %s", (engine) => {
  let rt: TestRuntime;
  let world: { slug: string };
  let sport: { slug: string };
  let author: { id: number };
  const published: string[] = [];

  beforeAll(async () => {
    rt = await openTestRuntime(engine);
    world = await makeCategory(rt.ctx, "Monde");
    sport = await makeCategory(rt.ctx, "Sport");
    author = await makeAuthor(rt.ctx, "Claire Dumas");
    const now = rt.clock.now().getTime();
    for (let i = 0; i < 5; i++) {
      const a = await makeArticle(rt.ctx, {
        categorySlug: i < 3 ? world.slug : sport.slug,
        authorId: author.id,
        title: `Nouvelle ${i}`,
        tags: i % 2 === 0 ? ["Élections municipales", "Budget"] : ["Budget"],
        publishedAt: new Date(now - (i + 1) * HOUR),
      });
      published.push(a.slug);
    }
    await makeArticle(rt.ctx, {
      categorySlug: world.slug,
      slug: "brouillon",
      publishedAt: undefined,
    });
    await makeArticle(rt.ctx, {
      categorySlug: world.slug,
      slug: "demain",
      publishedAt: new Date(now + 24 * HOUR),
    });
  });
  afterAll(() => rt.close());

  it("lists the latest published articles, newest first, with their section and author, without drafts or future ones", async () => {
    const home = await articles.homePage(rt.ctx, 1);
    const slugs = home.latest.items.map((a) => a.slug);
    expect(slugs.slice(0, 5)).toEqual(published);
    expect(slugs).not.toContain("brouillon");
    expect(slugs).not.toContain("demain");
    expect(home.latest.items[0]).toMatchObject({
      category: { name: "Monde" },
      author: { name: "Claire Dumas" },
    });
    expect(home.blocks.map((b) => b.category.name)).toEqual(
      expect.arrayContaining(["Monde", "Sport"]),
    );
  });

  it("paginates listings and refuses pages past the end", async () => {
    await setSetting(rt.ctx, "articles.perPage", "2");
    const page = await articles.categoryPage(rt.ctx, world.slug, 2);
    expect(page.articles.items.map((a) => a.slug)).toEqual([published[2]]);
    expect(page.articles).toMatchObject({ page: 2, totalPages: 2, total: 3 });
    await expect(articles.categoryPage(rt.ctx, world.slug, 3)).rejects.toBeInstanceOf(NotFound);
    await setSetting(rt.ctx, "articles.perPage", "10");
  });

  it("lists a tag's and an author's articles", async () => {
    const tag = await articles.tagPage(rt.ctx, "elections-municipales", 1);
    expect(tag.tag.name).toBe("Élections municipales");
    expect(tag.articles.items.map((a) => a.slug)).toEqual([
      published[0],
      published[2],
      published[4],
    ]);
    const byAuthor = await articles.authorPage(
      rt.ctx,
      (await articles.publishedArticle(rt.ctx, published[0]!)).author.slug,
      1,
    );
    expect(byAuthor.articles.total).toBe(5);
  });

  it("gives a published article with its tags; drafts, future and unknown slugs are not found", async () => {
    const a = await articles.publishedArticle(rt.ctx, published[0]!);
    expect(a.tags.map((t) => t.name)).toEqual(["Budget", "Élections municipales"]);
    expect(a.commentsOpen).toBe(true);
    for (const slug of ["brouillon", "demain", "nulle-part"]) {
      await expect(articles.publishedArticle(rt.ctx, slug)).rejects.toBeInstanceOf(NotFound);
    }
  });

  it("relates articles by content (their tags among it) first, never the article itself", async () => {
    const a = await articles.publishedArticle(rt.ctx, published[0]!);
    const related = await articles.relatedArticles(rt.ctx, a);
    expect(related.map((r) => r.slug).slice(0, 2)).toEqual([published[2], published[4]]);
    expect(related.map((r) => r.slug)).not.toContain(a.slug);
    expect(related).toHaveLength(4);
  });

  it("cleans article bodies with the allowlist when they are written", async () => {
    const { slug } = await makeArticle(rt.ctx, {
      bodyHtml: '<p onclick="x()">Texte</p><script>alert(1)</script>',
    });
    expect((await articles.publishedArticle(rt.ctx, slug)).bodyHtml).toBe("<p>Texte</p>");
  });

  it("lists every published article for the sitemap", async () => {
    expect(await articles.sitemapCount(rt.ctx)).toBeLessThanOrEqual(articles.SITEMAP_SIZE);
    const entries = await articles.sitemapSlice(rt.ctx, 1);
    expect(entries.map((e) => e.slug)).toEqual(expect.arrayContaining(published));
    expect(entries.map((e) => e.slug)).not.toContain("brouillon");
  });
});
