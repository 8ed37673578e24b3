import { SaxesParser } from "saxes";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { comments } from "../../src/modules/comments/index.js";
import { testEngines } from "../helpers/engines.js";
import { makeArticle } from "../helpers/factories.js";
import { openTestApp, type TestApp } from "../helpers/runtime.js";

describe.each(testEngines())("GET /feed.xml on %s", (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp(engine);
  });
  afterAll(() => t.close());

  it("is RSS 2.0 of the latest published articles, escaped, without drafts or any e-mail", async () => {
    const a = await makeArticle(t.ctx, { title: "Budget : « 5 % » & <plus>", slug: "budget-plus" });
    await makeArticle(t.ctx, { slug: "brouillon-secret", publishedAt: undefined });
    await comments.postComment(
      t.ctx,
      {
        articleSlug: a.slug,
        form: { name: "Léa", email: "lea.flux@example.net", body: "Bien." },
        ip: undefined,
      },
      [],
    );
    const res = await t.app.inject({ url: "/feed.xml", headers: { host: "journal.example" } });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/rss+xml; charset=utf-8");
    expect(res.body).toMatch(/^<\?xml/);
    expect(res.body).toContain("<rss");
    expect(res.body).toContain("http://journal.example/article/budget-plus");
    // RSS readers read an item's title as HTML: the text comes escaped, never as markup.
    expect(res.body).toContain("<title><![CDATA[Budget : « 5 % » &amp; &lt;plus>]]></title>");
    expect(res.body).not.toContain("brouillon-secret");
    expect(res.body).not.toMatch(/@example\.(net|org)/);
  });

  it("carries titles, standfirsts and comments as the text typed, in every format", async () => {
    const title = "Feed check <i>T</i> & co";
    const standfirst = "Prix < 5 € & <img src=x onerror=alert(1)>";
    const a = await makeArticle(t.ctx, { title, standfirst, slug: "feed-check" });
    const said = "<b>gras</b> & co\n\nDeuxième <script>alert(1)</script>";
    await comments.postComment(
      t.ctx,
      {
        articleSlug: a.slug,
        form: { name: "Léa <i>", email: "l@example.net", body: said },
        ip: undefined,
      },
      [],
    );
    await t.ctx.db.updateTable("comments").set({ status: "approved" }).execute();
    const get = async (url: string) => (await t.app.inject({ url })).body;
    const text = (escaped: string) =>
      escaped
        .replaceAll("&lt;", "<")
        .replaceAll("&gt;", ">")
        .replaceAll("&quot;", '"')
        .replaceAll("&amp;", "&");

    const atom = await get("/feed.atom");
    const atomTitle = /<title type="html"><!\[CDATA\[(Feed check[^\]]*)\]\]><\/title>/.exec(
      atom,
    )?.[1];
    expect(atomTitle).toBe("Feed check &lt;i>T&lt;/i> &amp; co");
    expect(text(atomTitle ?? "")).toBe(title);
    expect(atom).toContain("<![CDATA[Prix &lt; 5 € &amp; &lt;img src=x onerror=alert(1)>]]>");
    const rss = await get("/feed.xml");
    expect(rss).toContain(
      "<description><![CDATA[Prix &lt; 5 € &amp; &lt;img src=x onerror=alert(1)>]]></description>",
    );
    const json = JSON.parse(await get("/feed.json")) as {
      items: { title: string; summary?: string; content_html?: string }[];
    };
    const item = json.items.find((i) => i.title.startsWith("Feed check"));
    expect(item?.title).toBe(title);
    // The body is the content where the feed carries it; else the standfirst, as HTML.
    if (item?.summary !== undefined) expect(item.summary).toBe(standfirst);
    else expect(item?.content_html).toBe("Prix &lt; 5 € &amp; &lt;img src=x onerror=alert(1)>");

    // A comment's text as its page shows it: paragraphs, and markup typed shown as text.
    const shown =
      "<p>&lt;b>gras&lt;/b> &amp; co</p><p>Deuxième &lt;script>alert(1)&lt;/script></p>";
    const commentsRss = await get(`/article/${a.slug}/feed.xml`);
    expect(commentsRss).toContain(`<content:encoded><![CDATA[${shown}]]></content:encoded>`);
    expect(commentsRss).not.toContain("<b>gras");
    expect(commentsRss).not.toContain("<script>");
    expect(commentsRss).toContain("Léa &lt;i>");
  });

  it("stays well-formed XML whatever the text: ]]> twice, characters XML cannot carry", async () => {
    // Older rows may hold U+FFFE, which forms now refuse; "]]>" is any reader's to type.
    const title = "Deux fins ]]> de CDATA ]]> et \uFFFE un non-caractère";
    const a = await makeArticle(t.ctx, {
      title,
      standfirst: "Chapô ]]> ]]> \uFFFF",
      slug: "xml-limites",
    });
    await comments.postComment(
      t.ctx,
      {
        articleSlug: a.slug,
        form: { name: "Nom ]]> ]]>", email: "x@example.net", body: "Avis ]]> puis ]]> encore" },
        ip: undefined,
      },
      [],
    );
    await t.ctx.db.updateTable("comments").set({ status: "approved" }).execute();
    for (const url of [
      "/feed.xml",
      "/feed.atom",
      `/rubrique/${a.categorySlug}/feed.xml`,
      `/article/${a.slug}/feed.xml`,
      "/sitemaps/actualites.xml",
    ]) {
      const res = await t.app.inject({ url });
      expect(res.statusCode, url).toBe(200);
      const errors: string[] = [];
      const parser = new SaxesParser();
      parser.on("error", (e) => void errors.push(e.message));
      parser.write(res.body).close();
      expect(errors, url).toEqual([]);
      expect(res.body, url).toContain("Deux fins");
    }
  });
});
