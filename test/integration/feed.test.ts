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
    expect(res.body).toContain("<title><![CDATA[Budget : « 5 % » & <plus>]]></title>");
    expect(res.body).not.toContain("brouillon-secret");
    expect(res.body).not.toMatch(/@example\.(net|org)/);
  });
});
