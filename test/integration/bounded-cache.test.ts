import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { comments } from "../../src/modules/comments/index.js";
import { setSetting } from "../../src/modules/settings/index.js";
import { testEngines } from "../helpers/engines.js";
import { commentForm, makeArticle } from "../helpers/factories.js";
import { formBody } from "../helpers/http.js";
import { openTestApp, type TestApp } from "../helpers/runtime.js";

/**
 * The cache holds what exists: a page variant that shows nothing of its own moves to the one that
 * does and keeps no entry, and a long thread makes pages of a bounded size.
 */
describe.each(testEngines())("a bounded cache and bounded pages on %s", (engine) => {
  let t: TestApp;
  let article: { id: number; slug: string };
  let other: { id: number; slug: string };
  let roots: number[] = [];
  let foreign: number;
  let thread: number;
  const THREAD_REPLIES = 1000;
  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ url, headers });
  const at = (minutes: number) => new Date(Date.parse("2026-08-01T00:00:00Z") + minutes * 60_000);
  const approved = (articleId: number, minutes: number, parentId: number | null = null) =>
    comments.importComment(
      t.ctx,
      {
        articleId,
        parentId,
        name: "Léa",
        email: "lea@example.net",
        website: null,
        body: `Avis de la minute ${minutes}`,
        status: "approved",
        createdAt: at(minutes),
      },
      "test",
    );

  beforeAll(async () => {
    // Room for a few pages only: entries made by crafted URLs would soon push out the others.
    t = await openTestApp(engine, undefined, { pageCacheBytes: 400_000 });
    await setSetting(t.ctx, "comments.perPage", "5");
    article = await makeArticle(t.ctx);
    other = await makeArticle(t.ctx);
    roots = [];
    for (let i = 0; i < 7; i++) roots.push(await approved(article.id, i));
    foreign = await approved(other.id, 1);
    thread = roots[0] ?? 0;
    // A thousand replies, written as a bulk import would (one statement: a test needs no pipeline).
    await t.ctx.db
      .insertInto("comments")
      .values(
        Array.from({ length: THREAD_REPLIES }, (_, i) => ({
          article_id: article.id,
          parent_id: thread,
          root_id: thread,
          depth: 1,
          author_name: `Répondante ${i + 1}`,
          author_email: "r@example.net",
          author_website: null,
          body: `Réponse numéro ${i + 1}, `.repeat(20),
          status: "approved" as const,
          created_at: at(100 + i).toISOString(),
          email_hash: "h",
          ip_hash: null,
        })),
      )
      .execute();
    await comments.setStatus(t.ctx, [thread], "approved", "test");
  });
  afterAll(() => t.close());

  it("moves crafted page variants to the page that shows them, and keeps no entry for them", async () => {
    const held = (
      await comments.postComment(
        t.ctx,
        {
          articleSlug: article.slug,
          form: { name: "Zoé", email: "nouvelle@example.net", body: "En attente" },
          ip: undefined,
        },
        [],
      )
    ).comment;
    expect(held.status).toBe("pending");
    const base = `/article/${article.slug}`;
    // Each twice: the cache keeps a page from the second render of its key (decision 024).
    for (const url of ["/", "/", base, base]) expect((await get(url)).statusCode).toBe(200);
    expect((await get("/")).headers["x-kiosque-cache"]).toBe("hit");
    const crafted = [
      ...Array.from({ length: 150 }, (_, i) => `${base}?replytocom=${900_000 + i}`),
      ...Array.from({ length: 100 }, (_, i) => `${base}?cpage=${3 + i}`),
      `${base}?replytocom=${foreign}`,
      `${base}?replytocom=${held.id}`,
      `${base}?replytocom=${roots[6]}`, // a comment of page 2, asked on page 1
      `${base}?cpage=1&replytocom=77777&x=1`,
      `${base}/reponses/${thread}?page=99`,
      `${base}/reponses/${thread}?replytocom=${roots[1]}`,
    ];
    // Twice each, as a page is kept from its second render.
    for (const url of [...crafted, ...crafted]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(302);
      expect(res.headers["x-kiosque-cache"], url).toBeUndefined();
      expect(String(res.headers.location), url).toMatch(new RegExp(`^${base}`));
    }
    // A thread's pages exist for the article's published top-level comments only.
    expect((await get(`${base}/reponses/${roots[1]}`)).statusCode).toBe(200);
    for (const url of [`${base}/reponses/${foreign}`, `${base}/reponses/${held.id}`])
      expect((await get(url)).statusCode, url).toBe(404);
    expect((await get("/")).headers["x-kiosque-cache"]).toBe("hit");
    expect((await get(base)).headers["x-kiosque-cache"]).toBe("hit");
  });

  it("keeps feeds, sitemaps and robots.txt for a few origins only when no public origin is set", async () => {
    // Built on the origin they are asked under: a made-up Host header is an origin of its own.
    const kept = new Map<string, string[]>();
    for (let i = 0; i < 8; i++) {
      const host = `journal-${i}.example`;
      for (const url of ["/robots.txt", "/feed.xml", "/sitemap.xml"]) {
        const outcomes = [];
        for (let n = 0; n < 3; n++) {
          const res = await get(url, { host });
          expect(res.statusCode, `${host}${url}`).toBe(200);
          expect(res.body, `${host}${url}`).toContain(`http://${host}/`);
          outcomes.push(String(res.headers["x-kiosque-cache"]));
        }
        kept.set(`${host}${url}`, outcomes);
      }
    }
    const hits = [...kept].filter(([, o]) => o.includes("hit")).map(([k]) => k.split("/")[0]);
    // The first four origins asked for (nothing before this test asked for a feed).
    expect([...new Set(hits)]).toEqual([0, 1, 2, 3].map((i) => `journal-${i}.example`));
    expect(kept.get("journal-0.example/feed.xml")).toEqual(["miss", "miss", "hit"]);
    expect(kept.get("journal-7.example/feed.xml")).toEqual(["miss", "miss", "miss"]);
  });

  it("still answers the variants that show something: another page, a reply form", async () => {
    const base = `/article/${article.slug}`;
    const page2 = await get(`${base}?cpage=2`);
    expect(page2.statusCode).toBe(200);
    expect(page2.body).toContain(`id="comment-${roots[5]}"`);
    const reply = await get(`${base}?replytocom=${roots[1]}`);
    expect(reply.statusCode).toBe(200);
    expect(reply.body).toMatch(new RegExp(`name="parent" id="parent" value="${roots[1]}"`));
    const past = await get(`${base}?cpage=9`);
    expect(past.headers.location).toBe(`${base}?cpage=2#comments`);
  });

  it("answers a reply form without keeping it: there is one per published comment", async () => {
    const base = `/article/${article.slug}`;
    for (const url of ["/", "/"]) await get(url);
    expect((await get("/")).headers["x-kiosque-cache"]).toBe("hit");
    // Every published comment's reply form, as often as anyone likes: never an entry, so never
    // the real pages pushed out (an outside attack flushed the home page so, with HEAD alone).
    // The comments of the first page (those of page 2 are moved there, above).
    const forms = roots.slice(0, 5).map((id) => `${base}?replytocom=${id}`);
    for (const url of [...forms, ...forms, ...forms]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers["x-kiosque-cache"], url).toBe("miss");
    }
    expect((await get("/")).headers["x-kiosque-cache"]).toBe("hit");
  });

  it("shows a long thread's first replies and a link to the pages of the rest", async () => {
    const res = await get(`/article/${article.slug}`);
    // A thousand replies of ~500 bytes each would make a ~900 KB page.
    expect(res.body.length).toBeLessThan(200_000);
    const shown = res.body.match(/class="comment-author" id="comment-\d+-author">Répondante/g);
    expect(shown).toHaveLength(comments.REPLIES_PER_PAGE);
    const link = new RegExp(`href="(/article/${article.slug}/reponses/${thread}\\?page=2)"`);
    const href = link.exec(res.body)?.[1];
    expect(href).toBeDefined();
    const page2 = await get(href ?? "");
    expect(page2.statusCode).toBe(200);
    expect(page2.body).toContain(`>Répondante ${comments.REPLIES_PER_PAGE + 1}<`);
    expect(page2.body).not.toContain(`>Répondante ${comments.REPLIES_PER_PAGE}<`);
    expect(page2.body.length).toBeLessThan(200_000);
    const last = Math.ceil(THREAD_REPLIES / comments.REPLIES_PER_PAGE);
    const lastPage = await get(`/article/${article.slug}/reponses/${thread}?page=${last}`);
    expect(lastPage.body).toContain(`>Répondante ${THREAD_REPLIES}<`);
    // Without JavaScript, "Répondre" on a reply of the thread's page comes back with the form.
    const replyHref = /href="([^"]*reponses[^"]*replytocom=\d+[^"]*)"/.exec(lastPage.body)?.[1];
    const form = await get((replyHref ?? "").replaceAll("&amp;", "&"));
    expect(form.statusCode).toBe(200);
    expect(form.body).toMatch(/name="parent" id="parent" value="\d+"/);
  });

  it("honours Accept-Encoding with q=0", async () => {
    const url = `/article/${article.slug}`;
    expect(
      (await get(url, { "accept-encoding": "br;q=0, gzip" })).headers["content-encoding"],
    ).toBe("gzip");
    expect((await get(url, { "accept-encoding": "gzip;q=0" })).headers["content-encoding"]).toBe(
      undefined,
    );
    expect((await get(url, { "accept-encoding": "*;q=0" })).headers["content-encoding"]).toBe(
      undefined,
    );
    expect((await get(url, { "accept-encoding": "identity" })).headers["content-encoding"]).toBe(
      undefined,
    );
  });

  it("sends a reply past the article page's share of its thread to the thread's page it is on", async () => {
    const post = (reply: string, json: boolean) =>
      t.app.inject({
        method: "POST",
        url: `/article/${article.slug}/commentaires`,
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          ...(json ? { accept: "application/json" } : {}),
        },
        payload: formBody(commentForm({ parent: String(thread), body: reply })),
      });
    // A thousand replies: the next one is the 1,001st, on the thread's 21st page.
    const last = Math.ceil((THREAD_REPLIES + 1) / comments.REPLIES_PER_PAGE);
    const where = new RegExp(
      `^/article/${article.slug}/reponses/${thread}\\?page=${last}#comment-(\\d+)$`,
    );
    const plain = await post("Tout en bas du fil.", false);
    expect(plain.statusCode).toBe(303);
    expect(String(plain.headers.location)).toMatch(where);
    const island = await post("Tout en bas du fil, bis.", true);
    expect(island.statusCode).toBe(201);
    expect(island.json<{ location: string }>().location).toMatch(where);
    // A top-level comment still lands on the article's page of comments.
    const top = await t.app.inject({
      method: "POST",
      url: `/article/${article.slug}/commentaires`,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: formBody(commentForm({ body: "Un nouveau fil." })),
    });
    expect(String(top.headers.location)).toMatch(new RegExp(`^/article/${article.slug}(\\?|#)`));
  });
});
