import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  HEADERS_TIMEOUT_MS,
  IDLE_TIMEOUT_MS,
  KEEP_ALIVE_TIMEOUT_MS,
  MAX_HEADER_SIZE,
  REQUEST_TIMEOUT_MS,
} from "../../src/http/limits.js";
import { messages } from "../../src/web/i18n/index.js";
import { setSetting } from "../../src/modules/settings/index.js";
import { testEngines } from "../helpers/engines.js";
import { commentForm, makeArticle } from "../helpers/factories.js";
import { formBody } from "../helpers/http.js";
import { rawRequest } from "../helpers/raw-http.js";
import { openTestApp, type TestApp } from "../helpers/runtime.js";

const fr = messages("fr").errors;

/** Requests the fuzzer (fuzz.test.ts) found answered wrongly, each pinned to its right answer. */
describe.each(testEngines())("bad requests on %s", (engine) => {
  let rt: TestApp;
  let article: { slug: string; categorySlug: string };
  /** Errors that reached the error handler, by name. */
  const thrown: string[] = [];

  beforeAll(async () => {
    rt = await openTestApp(engine);
    article = await makeArticle(rt.ctx);
    rt.app.addHook("onError", async (_req, _reply, error) => {
      thrown.push(error.name);
    });
  });
  afterAll(() => rt.close());

  it("refuses a page number that overflows to Infinity with the site's error page (400)", async () => {
    const urls = [
      "/?page=1e400",
      "/?page=-1e400",
      "/?page=Infinity",
      `/rubrique/${article.categorySlug}?page=-Infinity`,
      `/article/${article.slug}?cpage=1e400`,
      `/article/${article.slug}?replytocom=-1e400`,
    ];
    for (const url of urls) {
      const res = await rt.app.inject({ url });
      expect(res.statusCode, url).toBe(400);
      expect(res.headers["content-type"], url).toMatch(/^text\/html/);
      expect(res.body, url).toContain('<html lang="fr"');
      expect(res.body, url).toContain(fr.badRequest.title);
      expect(res.body, url).toContain('<meta name="robots" content="noindex"');
    }
    // Large but finite numbers still go through the range checks; ordinary ones still work.
    expect((await rt.app.inject({ url: "/?page=1e20" })).statusCode).toBe(400);
    expect((await rt.app.inject({ url: `/article/${article.slug}?cpage=1` })).statusCode).toBe(200);
  });

  it("answers JSON to a client that takes JSON, by the type's name and weight", async () => {
    const typeFor = async (accept: string) =>
      String(
        (await rt.app.inject({ url: "/article/nulle-part", headers: { accept } })).headers[
          "content-type"
        ],
      );
    expect(await typeFor("application/json")).toMatch(/^application\/json/);
    expect(await typeFor("application/json; q=0.5, */*;q=0.1")).toMatch(/^application\/json/);
    for (const accept of [
      "application/json;q=0",
      "application/jsonx",
      "text/html, application/json",
      "*/*",
    ])
      expect(await typeFor(accept), accept).toMatch(/^text\/html/);
  });

  it("gives scripts our own code for a request the framework refuses, never its FST_ERR_*", async () => {
    const json = { accept: "application/json" };
    const bad = await rt.app.inject({ url: "/?page=Infinity", headers: json });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ ok: false, code: "KIOSQUE_BAD_REQUEST" });
    const type = await rt.app.inject({
      method: "POST",
      url: `/article/${article.slug}/commentaires`,
      headers: { ...json, "content-type": "application/xml" },
      payload: "<x/>",
    });
    expect(type.statusCode).toBe(415);
    expect(type.json()).toMatchObject({ ok: false, code: "KIOSQUE_BAD_REQUEST" });
    expect(type.body).not.toContain("FST_");
  });

  it("reads %-escaped bytes that are not UTF-8 as U+FFFD, never as the escapes' own text", async () => {
    // A browser never sends them; the old parser stored "%ED%A0%80", past the surrogate check.
    const { name: _typed, ...fields } = commentForm({ body: "Un avis sur la question." });
    const res = await rt.app.inject({
      method: "POST",
      url: `/article/${article.slug}/commentaires`,
      headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
      payload: `${formBody(fields)}&name=L%ED%A0%80a`,
    });
    expect(res.statusCode, res.body).toBe(201);
    const stored = await rt.ctx.db
      .selectFrom("comments")
      .select("author_name")
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(stored.author_name).toBe("L\uFFFD\uFFFD\uFFFDa");
    const search = await rt.app.inject({ url: "/recherche?q=x%ED%A0%80" });
    expect(search.statusCode).toBe(200);
    expect(search.body).not.toContain("%ED");
  });

  it("reads a repeated query parameter by its first value, never as a list to refuse", async () => {
    const cases = [
      { url: "/recherche?q=conseil&q=mairie", shown: 'value="conseil"' },
      { url: `/recherche?q=a&rubrique=${article.categorySlug}&rubrique=autre`, shown: "" },
      { url: "/?page=1&page=2", shown: "" },
      { url: `/rubrique/${article.categorySlug}?page=1&page=1`, shown: "" },
      { url: `/article/${article.slug}?cpage=1&cpage=9`, shown: "" },
    ];
    for (const { url, shown } of cases) {
      const res = await rt.app.inject({ url });
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).toContain(shown);
    }
    // A name given once is read as before, and a number that is not one is still a 400.
    expect((await rt.app.inject({ url: "/?page=x&page=1" })).statusCode).toBe(400);
  });

  it("answers a URL the router cannot read as every refusal: our page, our code, our headers", async () => {
    const long = "a".repeat(600);
    const cases = [
      { url: "/article/%E0%A4%A", status: 400 },
      { url: "/tag/%FF", status: 400 },
      { url: "/%", status: 400 },
      { url: `/article/${long}`, status: 414 },
    ];
    for (const { url, status } of cases) {
      const page = await rt.app.inject({ url });
      expect(page.statusCode, url).toBe(status);
      expect(page.headers["content-type"], url).toMatch(/^text\/html/);
      expect(page.body, url).toContain(fr.badRequest.title);
      expect(page.headers["content-security-policy"], url).toContain("default-src");
      expect(page.headers["x-content-type-options"], url).toBe("nosniff");
      expect(page.body, url).not.toContain("FST_");
      // The URL is not echoed back: whatever it holds stays out of the answer.
      expect(page.body, url).not.toContain(long);
      const json = await rt.app.inject({ url, headers: { accept: "application/json" } });
      expect(json.statusCode, url).toBe(status);
      expect(json.json(), url).toMatchObject({ ok: false, code: "KIOSQUE_BAD_REQUEST" });
    }
  });

  it("answers a feed asked for under a Host that names no host with a 400, not a 500", async () => {
    for (const host of ["a b", 'a"<b>', "127.0.0.1:99999"]) {
      for (const url of ["/feed.xml", "/sitemap.xml"]) {
        const res = await rt.app.inject({ url, headers: { host } });
        expect(res.statusCode, `${url} with Host ${JSON.stringify(host)}`).toBe(400);
      }
    }
    // A real host is normalised the URL parser's way: one cache entry and one spelling for it.
    const res = await rt.app.inject({ url: "/feed.xml", headers: { host: "Journal.Example:80" } });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(`http://journal.example/article/${article.slug}`);
  });

  it("takes no integer past its column's range to the database: a reply to 99999999999", async () => {
    for (const parent of ["99999999999", "2147483648", "99999999999999"]) {
      const res = await rt.app.inject({
        method: "POST",
        url: `/article/${article.slug}/commentaires`,
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          accept: "application/json",
        },
        payload: formBody(commentForm({ parent })),
      });
      expect(res.statusCode, parent).toBe(422);
      expect(res.json<{ errors: Record<string, string> }>().errors.body, parent).toBeTruthy();
    }
    const reply = await rt.app.inject({ url: `/article/${article.slug}?replytocom=99999999999` });
    expect(reply.statusCode).toBe(400);
  });

  it("refuses a NUL or another control character in a path parameter, never a 500", async () => {
    for (const bad of ["%00", "a%00b", "%01", "x%7F"]) {
      for (const url of [`/article/${bad}`, `/rubrique/${bad}`, `/tag/${bad}`, `/auteur/${bad}`]) {
        const res = await rt.app.inject({ url });
        expect(res.statusCode, url).toBeGreaterThanOrEqual(400);
        expect(res.statusCode, url).toBeLessThan(500);
      }
      const post = await rt.app.inject({
        method: "POST",
        url: `/article/${bad}/commentaires`,
        headers: { "content-type": "application/x-www-form-urlencoded" },
        payload: formBody(commentForm()),
      });
      expect(post.statusCode, bad).toBeGreaterThanOrEqual(400);
      expect(post.statusCode, bad).toBeLessThan(500);
    }
  });

  it("takes an anti-bot stamp sent back as the reader's cookie for nothing, never a 500", async () => {
    const page = await rt.app.inject({ url: `/article/${article.slug}` });
    const stamp = /name="stamp" value="([^"]+)"/.exec(page.body)?.[1] ?? "";
    expect(stamp).not.toBe("");
    const cookie = `kq_mine=${encodeURIComponent(stamp)}; kq_commenter=${encodeURIComponent(stamp)}`;
    const again = await rt.app.inject({ url: `/article/${article.slug}`, headers: { cookie } });
    expect(again.statusCode).toBe(200);
    const post = await rt.app.inject({
      method: "POST",
      url: `/article/${article.slug}/commentaires`,
      headers: { "content-type": "application/x-www-form-urlencoded", cookie },
      payload: formBody(commentForm({ stamp })),
    });
    expect(post.statusCode).toBe(303);
  });

  it("stops a comment post whose client has hung up, without a 500 for nobody", async () => {
    await rt.app.listen({ host: "127.0.0.1", port: 0 });
    const address = rt.app.server.address();
    const port = typeof address === "object" && address ? address.port : 0;
    thrown.length = 0;
    // The per-client limit on, as in production: it is what needs the address.
    await setSetting(rt.ctx, "rateLimit.comments.max", "10");
    const form = formBody(commentForm({ body: "Posté par un client parti." }));
    // A whole comment, then bytes Node reads as a broken second request: it answers that one
    // with a 400 and closes the socket while the first is still on its way to the handler,
    // where the client's address (for the per-client limit) is now gone.
    const outcome = await rawRequest({
      host: "127.0.0.1",
      port,
      parts: [
        `POST /article/${article.slug}/commentaires HTTP/1.1\r\nHost: x\r\n` +
          "Content-Type: application/x-www-form-urlencoded\r\n" +
          `Content-Length: ${Buffer.byteLength(form)}\r\n\r\n${form}\x00garbage\r\n\r\n`,
      ],
      timeoutMs: 5_000,
    });
    expect(outcome.kind).not.toBe("timeout");
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(thrown).not.toContain("TypeError");
    // Refused, not carried out uncounted.
    const stored = await rt.ctx.db
      .selectFrom("comments")
      .select("id")
      .where("body", "=", "Posté par un client parti.")
      .execute();
    expect(stored).toEqual([]);
  });

  it("listens with explicit limits on head size and on slow clients", () => {
    // maxHeaderSize is set on the server by Node, and missing from its types.
    const server = rt.app.server as typeof rt.app.server & { maxHeaderSize?: number };
    expect(server.maxHeaderSize).toBe(MAX_HEADER_SIZE);
    expect(server.headersTimeout).toBe(HEADERS_TIMEOUT_MS);
    expect(server.requestTimeout).toBe(REQUEST_TIMEOUT_MS);
    expect(server.keepAliveTimeout).toBe(KEEP_ALIVE_TIMEOUT_MS);
    expect(server.timeout).toBe(IDLE_TIMEOUT_MS);
  });
});
