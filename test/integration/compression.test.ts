import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEngines } from "../helpers/engines.js";
import { makeArticle } from "../helpers/factories.js";
import { followRefusal } from "../helpers/refused-form.js";
import { openTestApp, type TestApp } from "../helpers/runtime.js";

/**
 * Every answer with a body is compressed when the client takes it, not only cached pages and
 * assets: error pages, the refused comment form, newsroom pages, JSON.
 */
describe.each(testEngines())("compression of every answer on %s", (engine) => {
  let t: TestApp;
  let slug: string;
  let refusedCookie: string;
  beforeAll(async () => {
    t = await openTestApp(engine);
    ({ slug } = await makeArticle(t.ctx));
    const refused = await followRefusal(
      t.app,
      t.app.inject({
        method: "POST",
        url: `/article/${slug}/commentaires`,
        payload: "name=&email=&body=",
        headers: { "content-type": "application/x-www-form-urlencoded" },
      }),
    );
    refusedCookie = refused.cookie;
  });
  afterAll(() => t.close());

  const requests = () => [
    { name: "404 page", url: "/article/nulle-part" },
    // No route has this path: the plugin's per-route hooks never ran for it.
    { name: "404 page of no route", url: "/nulle-part" },
    { name: "newsroom 404 page", url: "/admin/nulle-part" },
    { name: "sign-in page", url: "/admin/connexion" },
    {
      name: "refused comment form's page",
      url: `/article/${slug}/commentaires`,
      headers: { cookie: refusedCookie },
    },
  ];

  it("answers br or gzip, whichever the client prefers, with the same bytes", async () => {
    for (const r of requests()) {
      const plain = await t.app.inject({ ...r, headers: { ...r.headers } });
      expect(plain.headers["content-encoding"], r.name).toBeUndefined();
      for (const [accept, coding] of [
        ["br, gzip", "br"],
        ["gzip", "gzip"],
        ["br;q=0, gzip;q=0.5", "gzip"],
        // A wildcard stands for the codings not listed, never for one refused.
        ["gzip;q=0, *", "br"],
        ["br;q=0, *", "gzip"],
        ["*", "br"],
      ] as const) {
        const res = await t.app.inject({
          ...r,
          headers: { ...r.headers, "accept-encoding": accept },
        });
        expect(res.statusCode, r.name).toBe(plain.statusCode);
        expect(res.headers["content-encoding"], `${r.name} ${accept}`).toBe(coding);
        const body =
          coding === "br"
            ? zlib.brotliDecompressSync(res.rawPayload)
            : zlib.gunzipSync(res.rawPayload);
        // The refused form holds a fresh stamp each time: compare around it.
        const strip = (s: string) => s.replace(/name="stamp" value="[^"]*"/g, "");
        expect(strip(body.toString()), r.name).toBe(strip(plain.body));
      }
    }
  });

  it("sends the body as it is when the client refuses every coding (q=0)", async () => {
    for (const url of ["/article/nulle-part", "/nulle-part"])
      for (const accept of ["br;q=0, gzip;q=0", "br;q=0, gzip;q=0, *", "*;q=0"]) {
        const res = await t.app.inject({ url, headers: { "accept-encoding": accept } });
        expect(res.headers["content-encoding"], `${url} ${accept}`).toBeUndefined();
        expect(res.body).toContain("<html");
      }
  });

  it("compresses a cached page first asked for uncompressed for the next clients that take it", async () => {
    const url = `/article/${slug}`;
    // Twice: a page is kept from its second render (decision 024).
    await t.app.inject({ url });
    const plain = await t.app.inject({ url });
    expect(plain.headers["x-kiosque-cache"]).toBe("miss");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    for (const [accept, decode] of [
      ["br", zlib.brotliDecompressSync],
      ["gzip", zlib.gunzipSync],
      ["br", zlib.brotliDecompressSync],
    ] as const) {
      const res = await t.app.inject({ url, headers: { "accept-encoding": accept } });
      expect(res.headers["x-kiosque-cache"]).toBe("hit");
      expect(res.headers["content-encoding"]).toBe(accept);
      expect(res.headers.etag).toBe(plain.headers.etag);
      expect(decode(res.rawPayload).toString()).toBe(plain.body);
    }
  });
});
