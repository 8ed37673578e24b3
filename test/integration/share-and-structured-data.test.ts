import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { XSS_PAYLOADS } from "../fixtures/xss-payloads.js";
import { testEngines } from "../helpers/engines.js";
import { makeArticle, makeAuthor, makeCategory } from "../helpers/factories.js";
import { openTestApp, type TestApp } from "../helpers/runtime.js";

const PUBLIC = "https://journal.example";

/** Every JSON-LD object of a page, parsed. */
function structuredData(html: string): Record<string, unknown>[] {
  return [...html.matchAll(/<script type="application\/ld\+json">([^<]*)<\/script>/g)].map(
    (m) => JSON.parse(m[1] ?? "null") as Record<string, unknown>,
  );
}

const metaProperty = (html: string, property: string) =>
  [...html.matchAll(new RegExp(`<meta property="${property}" content="([^"]*)"`, "g"))].map(
    (m) => m[1],
  );
const metaName = (html: string, name: string) =>
  new RegExp(`<meta name="${name}" content="([^"]*)"`).exec(html)?.[1];

describe.each(testEngines())("share cards and structured data on %s", (engine) => {
  let t: TestApp;
  let slug: string;
  let sectionSlug: string;
  const headline = 'Le maire : « 5 % » de plus </script><script>alert("x")</script>';

  beforeAll(async () => {
    t = await openTestApp(engine, undefined, { publicUrl: PUBLIC });
    const section = await makeCategory(t.ctx, "Politique");
    sectionSlug = section.slug;
    const author = await makeAuthor(t.ctx, "Amina Benali");
    ({ slug } = await makeArticle(t.ctx, {
      title: headline,
      standfirst: "Le conseil a voté.",
      categorySlug: section.slug,
      authorId: author.id,
      tags: ["Conseil municipal", "Budget"],
      imageUrl: "/images/conseil.jpg",
      imageAlt: "La salle du conseil",
    }));
  });
  afterAll(() => t.close());

  it("describes an article for shares: Open Graph, its dates, section, tags and bylines", async () => {
    const html = (await t.app.inject({ url: `/article/${slug}` })).body;
    expect(metaProperty(html, "og:type")).toEqual(["article"]);
    expect(metaProperty(html, "og:url")).toEqual([`${PUBLIC}/article/${slug}`]);
    expect(metaProperty(html, "og:image")).toEqual([`${PUBLIC}/images/conseil.jpg`]);
    expect(metaProperty(html, "og:image:alt")).toEqual(["La salle du conseil"]);
    expect(metaProperty(html, "article:section")).toEqual(["Politique"]);
    expect(metaProperty(html, "article:tag").sort()).toEqual(["Budget", "Conseil municipal"]);
    expect(metaProperty(html, "article:author")).toEqual([`${PUBLIC}/auteur/amina-benali`]);
    expect(metaProperty(html, "article:published_time")[0]).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(metaName(html, "twitter:card")).toBe("summary_large_image");
    expect(html).toContain(`<link rel="canonical" href="${PUBLIC}/article/${slug}"/>`);
  });

  it("describes an article with no standfirst by its first words", async () => {
    const words = "Le marché couvert rouvre samedi après deux ans de travaux. ".repeat(6);
    const bare = await makeArticle(t.ctx, {
      standfirst: "",
      bodyHtml: `<p>${words}</p><p>Suite &amp; fin.</p>`,
    });
    const html = (await t.app.inject({ url: `/article/${bare.slug}` })).body;
    // Nothing described it: no meta description, and shares showed no text.
    const description = metaName(html, "description") ?? "";
    expect(description.startsWith("Le marché couvert rouvre samedi")).toBe(true);
    expect(description.endsWith("…")).toBe(true);
    expect([...description].length).toBeLessThanOrEqual(160);
    expect(metaProperty(html, "og:description")).toEqual([description]);
  });

  it("gives search engines a NewsArticle and its breadcrumbs, which no headline can break out of", async () => {
    const html = (await t.app.inject({ url: `/article/${slug}` })).body;
    expect(html).not.toContain('</script><script>alert("x")');
    const [article, crumbs] = structuredData(html);
    expect(article).toMatchObject({
      "@context": "https://schema.org",
      "@type": "NewsArticle",
      headline,
      description: "Le conseil a voté.",
      articleSection: "Politique",
      inLanguage: "fr",
      image: [`${PUBLIC}/images/conseil.jpg`],
      author: [{ "@type": "Person", name: "Amina Benali", url: `${PUBLIC}/auteur/amina-benali` }],
      publisher: { "@type": "NewsMediaOrganization", url: `${PUBLIC}/` },
      mainEntityOfPage: `${PUBLIC}/article/${slug}`,
    });
    expect(Date.parse(String(article?.datePublished))).toBeGreaterThan(0);
    expect(crumbs).toMatchObject({
      "@type": "BreadcrumbList",
      itemListElement: [
        { position: 1, item: `${PUBLIC}/` },
        { position: 2, name: "Politique" },
        { position: 3, name: headline, item: `${PUBLIC}/article/${slug}` },
      ],
    });
  });

  it("keeps every hostile headline inside its JSON-LD, as text", async () => {
    for (const [i, title] of XSS_PAYLOADS.slice(0, 40).entries()) {
      const made = await makeArticle(t.ctx, { title, slug: `hostile-${i}` });
      const html = (await t.app.inject({ url: `/article/${made.slug}` })).body;
      const [article] = structuredData(html);
      expect(article?.headline, title).toBe(title);
    }
  });

  it("gives every listing a description, its feeds and its place; the home page its publisher", async () => {
    const home = (await t.app.inject({ url: "/" })).body;
    expect(metaName(home, "description")).toBeTruthy();
    expect(structuredData(home).map((d) => d["@type"])).toEqual([
      "NewsMediaOrganization",
      "WebSite",
    ]);
    for (const url of ["/tag/budget", "/auteur/amina-benali", `/rubrique/${sectionSlug}`]) {
      const res = await t.app.inject({ url });
      expect(res.statusCode, url).toBe(200);
      expect(metaName(res.body, "description"), url).toBeTruthy();
      expect(res.body, url).toContain(`href="${url}/feed.xml"`);
      expect(res.body, url).toContain(`href="${url}/feed.atom"`);
      expect(res.body, url).toContain(`href="${url}/feed.json"`);
      expect(structuredData(res.body)[0]?.["@type"], url).toBe("BreadcrumbList");
    }
    // Module scripts are deferred already: `defer` on them is invalid HTML.
    expect(home + (await t.app.inject({ url: `/article/${slug}` })).body).not.toMatch(
      /<script type="module"[^>]*defer/,
    );
  });
});

describe.each(testEngines())("share cards without a public address on %s", (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp(engine);
  });
  afterAll(() => t.close());

  it("names no relative URL where networks need an absolute one", async () => {
    const { slug } = await makeArticle(t.ctx, { imageUrl: "/images/x.jpg", imageAlt: "x" });
    const html = (await t.app.inject({ url: `/article/${slug}` })).body;
    expect(metaProperty(html, "og:title")).toHaveLength(1);
    expect(metaProperty(html, "og:url")).toEqual([]);
    expect(metaProperty(html, "og:image")).toEqual([]);
    expect(metaName(html, "twitter:card")).toBe("summary");
  });
});
