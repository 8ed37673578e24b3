import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/app.js";
import { openRuntime, type Runtime } from "../../src/runtime.js";
import { articles } from "../../src/modules/articles/index.js";
import { comments } from "../../src/modules/comments/index.js";
import { setSetting } from "../../src/modules/settings/index.js";
import { testEngines } from "../helpers/engines.js";
import { makeArticle, makeCategory } from "../helpers/factories.js";
import { testAssetsDir } from "../helpers/paths.js";
import { openTestApp, type TestApp } from "../helpers/runtime.js";

const get = (t: { app: TestApp["app"] }, url: string, headers: Record<string, string> = {}) =>
  t.app.inject({ url, headers });

/** PostgreSQL notices arrive a moment after the commit: ask again until the page changed. */
async function eventually(check: () => Promise<boolean>, ms = 3000): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 25));
  }
  return check();
}

describe.each(testEngines())("page cache on %s", (engine) => {
  let t: TestApp;
  let article: { id: number; slug: string; categorySlug: string };
  let seq = 0;
  // One browser per address: its author token lets an approved address post at once again.
  const tokens = new Map<string, string>();
  const post = async (email: string, body = `Avis ${++seq}`) => {
    const posted = await comments.postComment(
      t.ctx,
      {
        articleSlug: article.slug,
        form: { name: "Léa", email, body },
        ip: undefined,
        authorToken: tokens.get(email),
      },
      [],
    );
    tokens.set(email, posted.authorToken);
    return posted;
  };

  beforeAll(async () => {
    t = await openTestApp(engine);
    article = await makeArticle(t.ctx, { tags: ["Budget"] });
  });
  afterAll(() => t.close());

  it("keeps a page from its second render, served then from memory, compressed, with an ETag", async () => {
    const url = `/article/${article.slug}`;
    // Asked once, a page is not kept: a crawler's pages would push out those readers come back to.
    for (const render of [1, 2]) {
      const res = await get(t, url, { "accept-encoding": "br, gzip" });
      expect(res.headers["x-kiosque-cache"], `render ${render}`).toBe("miss");
    }
    const second = await get(t, url, { "accept-encoding": "br, gzip" });
    expect(second.headers["x-kiosque-cache"]).toBe("hit");
    expect(second.headers["content-encoding"]).toBe("br");
    expect(second.headers["vary"]).toBe("Accept-Encoding");
    expect(second.headers["cache-control"]).toContain("s-maxage=");
    expect(second.headers["cache-control"]).toContain("stale-while-revalidate=");
    const html = zlib.brotliDecompressSync(second.rawPayload).toString();
    expect(html).toContain("<h1>Titre");
    const gz = await get(t, url, { "accept-encoding": "gzip" });
    expect(zlib.gunzipSync(gz.rawPayload).toString()).toBe(html);
    expect((await get(t, url)).body).toBe(html);
    const etag = String(second.headers.etag);
    const revalidated = await get(t, url, { "if-none-match": etag });
    expect(revalidated.statusCode).toBe(304);
    expect(revalidated.body).toBe("");
  });

  it("serves the stylesheet and island compressed, for a year under their content hash", async () => {
    const html = (await get(t, `/article/${article.slug}`)).body;
    for (const url of [
      /href="(\/assets\/site\.css\?v=[^"]+)"/,
      /src="(\/assets\/comments\.js\?v=[^"]+)"/,
    ].map((re) => re.exec(html)?.[1] ?? "")) {
      const plain = await get(t, url);
      const br = await get(t, url, { "accept-encoding": "gzip, deflate, br" });
      expect(br.headers["content-encoding"], url).toBe("br");
      expect(zlib.brotliDecompressSync(br.rawPayload).equals(plain.rawPayload)).toBe(true);
      expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length);
      expect(br.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
      expect((await get(t, url.replace(/v=.*/, "v=old"))).headers["cache-control"]).toBe(
        "public, max-age=300",
      );
    }
  });

  it("keeps the page when a comment is held, and renews it when one is approved", async () => {
    const url = `/article/${article.slug}`;
    await get(t, url);
    const held = await post("nouvelle@example.net", "Un avis en attente");
    expect(held.comment.status).toBe("pending");
    const after = await get(t, url);
    expect(after.headers["x-kiosque-cache"]).toBe("hit");
    expect(after.body).not.toContain("Un avis en attente");

    await comments.setStatus(t.ctx, [held.comment.id], "approved", "test");
    const renewed = await get(t, url);
    expect(renewed.headers["x-kiosque-cache"]).toBe("miss");
    expect(renewed.body).toContain("Un avis en attente");
  });

  it("renews the listings that show an article's comment count", async () => {
    await get(t, "/");
    const home = await get(t, "/");
    const count = (html: string) => /(\d+) commentaires?|Aucun commentaire/.exec(html)?.[0];
    const before = count(home.body);
    expect((await get(t, "/")).headers["x-kiosque-cache"]).toBe("hit");
    const again = await post("nouvelle@example.net");
    expect(again.comment.status).toBe("approved");
    const after = await get(t, "/");
    expect(after.headers["x-kiosque-cache"]).toBe("miss");
    expect(count(after.body)).not.toBe(before);
  });

  it("puts a newly published article on the home page, its section and its tag at once", async () => {
    for (const url of ["/", `/rubrique/${article.categorySlug}`, "/tag/budget"]) await get(t, url);
    const fresh = await makeArticle(t.ctx, {
      categorySlug: article.categorySlug,
      tags: ["Budget"],
      title: "Toute fraîche",
    });
    for (const url of ["/", `/rubrique/${article.categorySlug}`, "/tag/budget", "/feed.xml"]) {
      const res = await get(t, url);
      expect(res.body, url).toContain("Toute fraîche");
    }
    // Its neighbour's "related" list may now hold it.
    expect((await get(t, `/article/${article.slug}`)).body).toContain(fresh.slug);
  });

  it("never shares a page with personal bits, and never caches one", async () => {
    const held = await post("autre@example.net", "Mon avis à moi");
    const cookie = `kq_commenter=${encodeURIComponent(JSON.stringify({ name: "Zoé", email: "zoe@example.net", website: "" }))}`;
    const personal = await get(t, `/article/${article.slug}`, { cookie });
    expect(personal.headers["x-kiosque-cache"]).toBe("personal");
    expect(personal.headers["cache-control"]).toBe("private, no-store");
    expect(personal.body).toContain("zoe@example.net");
    const shared = await get(t, `/article/${article.slug}`);
    expect(shared.body).not.toContain("zoe@example.net");
    expect(shared.body).not.toContain(held.comment.body);
  });

  it("drops everything when a setting changes", async () => {
    await get(t, "/");
    await setSetting(t.ctx, "site.name", "La Gazette");
    const res = await get(t, "/");
    expect(res.headers["x-kiosque-cache"]).toBe("miss");
    expect(res.body).toContain("La Gazette");
  });

  it("ignores unknown query parameters instead of caching a copy per variant", async () => {
    await get(t, "/?utm_source=x");
    expect((await get(t, "/?utm_source=y")).headers["x-kiosque-cache"]).toBe("hit");
  });

  it("gives one version of a page one ETag, whichever process rendered it", async () => {
    // Another process on the same database, on its own clock: its page's form has another stamp.
    const other: Runtime = await openRuntime(t.ctx.config, { log: t.ctx.log });
    const otherApp = await buildApp(other, { assetsDir: testAssetsDir });
    try {
      const url = `/article/${article.slug}`;
      const mine = await get(t, url);
      const theirs = await get({ app: otherApp }, url);
      expect(theirs.body).toContain('name="stamp"');
      expect(theirs.body).not.toBe(mine.body);
      const etag = String(mine.headers.etag);
      expect(theirs.headers.etag).toBe(etag);
      expect((await get({ app: otherApp }, url, { "if-none-match": etag })).statusCode).toBe(304);
      // What the page shows still names it: a change gives another ETag.
      await articles.setCommentsOpen(other.ctx, article.slug, false);
      const changed = await get({ app: otherApp }, url);
      expect(changed.body).toContain("Les commentaires sont fermés.");
      expect(changed.headers.etag).not.toBe(etag);
    } finally {
      await articles.setCommentsOpen(t.ctx, article.slug, true);
      await otherApp.close();
      await other.close();
    }
  });

  it("hears about writes made by another process sharing the database", async () => {
    // A second runtime on the same database stands for the CLI or another instance.
    const other: Runtime = await openRuntime(t.ctx.config, { log: t.ctx.log });
    const otherApp = await buildApp(other, { assetsDir: testAssetsDir });
    try {
      const url = `/article/${article.slug}`;
      await get(t, url);
      expect((await get(t, url)).headers["x-kiosque-cache"]).toBe("hit");
      await articles.setCommentsOpen(other.ctx, article.slug, false);
      expect(
        await eventually(async () =>
          (await get(t, url)).body.includes("Les commentaires sont fermés."),
        ),
      ).toBe(true);
      await articles.setCommentsOpen(other.ctx, article.slug, true);
      expect(
        await eventually(async () => (await get(t, url)).body.includes('id="comment-form"')),
      ).toBe(true);
    } finally {
      await otherApp.close();
      await other.close();
    }
  });
});

describe("a burst of readers on a page nobody has asked for yet", () => {
  it("renders it once", async () => {
    let articleReads = 0;
    const t = await openTestApp("sqlite", undefined, {}, (sqlText) => {
      if (/"a"\."slug" = \+?\?/.test(sqlText)) articleReads++;
    });
    try {
      const { slug } = await makeArticle(t.ctx, { categorySlug: (await makeCategory(t.ctx)).slug });
      const answers = await Promise.all(
        Array.from({ length: 20 }, () => get(t, `/article/${slug}`)),
      );
      expect(answers.every((a) => a.statusCode === 200)).toBe(true);
      expect(new Set(answers.map((a) => a.body)).size).toBe(1);
      expect(articleReads).toBe(1);
    } finally {
      await t.close();
    }
  });
});

describe("page cache switched off", () => {
  it("still serves every page, without keeping any", async () => {
    const t = await openTestApp("sqlite", undefined, { pageCacheBytes: 0 });
    try {
      const { slug } = await makeArticle(t.ctx, { categorySlug: (await makeCategory(t.ctx)).slug });
      await get(t, `/article/${slug}`);
      const res = await get(t, `/article/${slug}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers["x-kiosque-cache"]).toBe("miss");
    } finally {
      await t.close();
    }
  });
});
