import { OPERATOR } from "../../src/modules/accounts/index.js";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setSettings, integrationStatus } from "../../src/modules/settings/index.js";
import { BLNS } from "../fixtures/hostile/blns.js";
import { XSS_PAYLOADS } from "../fixtures/xss-payloads.js";
import { testEngines } from "../helpers/engines.js";
import { assertNothingLeaks } from "../helpers/gif-leaks.js";
import {
  FAKE_GIF_KEY,
  startFakeGifProvider,
  type FakeGifProvider,
  type FakeMode,
} from "../helpers/fake-gif-provider.js";
import { openTestApp, type TestApp } from "../helpers/runtime.js";

const PROVIDERS = ["giphy", "klipy"] as const;
const FAILURES: readonly FakeMode[] = ["401", "403", "429", "500", "timeout", "truncated"];

interface Found {
  ok: boolean;
  results: { id: string; title: string; preview: string; width: number; height: number }[];
  next: string | null;
  unavailable: boolean;
  provider: string;
}

describe.each(testEngines())("GIF search on %s", (engine) => {
  let rt: TestApp;
  let fake: FakeGifProvider;
  let n = 0;
  /** A search no earlier test made: never in the cache. */
  const fresh = () => `chat ${++n}`;

  beforeAll(async () => {
    fake = await startFakeGifProvider();
    rt = await openTestApp(engine);
  });
  afterAll(async () => {
    await rt?.close();
    await fake?.close();
  });

  const get = async (url: string) => {
    const res = await rt.app.inject({ method: "GET", url, remoteAddress: "203.0.113.9" });
    return { res, body: res.json<Found>() };
  };

  describe.each(PROVIDERS)("with %s", (provider) => {
    beforeEach(async () => {
      fake.mode = "ok";
      await setSettings(rt.ctx, OPERATOR, {
        "gif.provider": provider,
        "gif.key": FAKE_GIF_KEY,
        [provider === "giphy" ? "gif.giphyEndpoint" : "gif.klipyEndpoint"]: fake.url,
        "gif.proxyMedia": true,
        "rateLimit.gifSearch.max": 0,
      });
    });

    it("answers trending and searches in the provider's own shapes, through Kiosque", async () => {
      const { res, body } = await get("/gifs/trending");
      expect(res.statusCode).toBe(200);
      expect(body.ok).toBe(true);
      expect(body.unavailable).toBe(false);
      expect(body.provider).toBe(provider);
      expect(body.results.map((r) => r.id)).toContain("bravo1");
      const bravo = body.results.find((r) => r.id === "bravo1");
      expect(bravo).toMatchObject({
        width: 200,
        height: 150,
        preview: `/gifs/preview/${provider}/bravo1`,
      });
      assertNothingLeaks(res.body, fake);
      const search = await get("/gifs/search?q=Bravo");
      expect(search.body.results.map((r) => r.id)).toEqual(["bravo1"]);
      const call = fake.calls.at(-1);
      expect(call?.pathname).toBe(provider === "giphy" ? "/v1/gifs/search" : "/v2/search");
      expect(call?.searchParams.get("q")).toBe("bravo");
      // The rating and the site's language go with every call, in each provider's words.
      if (provider === "giphy") {
        expect(call?.searchParams.get("rating")).toBe("g");
        expect(call?.searchParams.get("lang")).toBe("fr");
      } else {
        expect(call?.searchParams.get("contentfilter")).toBe("high");
        expect(call?.searchParams.get("locale")).toBe("fr_FR");
      }
    });

    it("pages with the provider's cursor", async () => {
      const first = await get("/gifs/trending");
      // The catalogue has 11 GIFs; a page holds 24: one page, no next.
      expect(first.body.next).toBeNull();
      expect(first.body.results.length).toBeGreaterThan(5);
    });

    it("answers a repeated search from the cache until its time runs out", async () => {
      const q = fresh();
      await get(`/gifs/search?q=${encodeURIComponent(q)}`);
      const before = fake.calls.length;
      await get(`/gifs/search?q=${encodeURIComponent(q.toUpperCase())}`);
      expect(fake.calls.length).toBe(before);
      rt.clock.advance(61 * 60_000);
      await get(`/gifs/search?q=${encodeURIComponent(q)}`);
      expect(fake.calls.length).toBe(before + 1);
    });

    it.each(FAILURES)("hides a %s from readers: cached results, or none", async (mode) => {
      const cachedQ = "merci";
      const warm = await get(`/gifs/search?q=${cachedQ}`);
      expect(warm.body.results.length).toBeGreaterThan(0);
      // The cached answer is past its time: the provider is asked, fails, and the old one serves.
      rt.clock.advance(2 * 60 * 60_000);
      fake.mode = mode;
      const stale = await get(`/gifs/search?q=${cachedQ}`);
      expect(stale.res.statusCode).toBe(200);
      expect(stale.body.results.map((r) => r.id)).toEqual(warm.body.results.map((r) => r.id));
      assertNothingLeaks(stale.res.body, fake);
      // A search never made: nothing to show, and the picker says so in its own words.
      rt.clock.advance(2 * 60 * 60_000);
      const none = await get(`/gifs/search?q=${encodeURIComponent(fresh())}`);
      expect(none.res.statusCode).toBe(200);
      expect(none.body).toMatchObject({ ok: true, results: [], unavailable: true });
      assertNothingLeaks(none.res.body, fake);
      // Admins see it on the status line.
      const status = await integrationStatus(rt.ctx, "gifs");
      expect(status.working).toBe(false);
      expect(status.error).toBeTruthy();
      fake.mode = "ok";
      rt.clock.advance(2 * 60_000);
    });

    it("keeps one page of a provider answering thousands, and reads no answer past its bound", async () => {
      fake.mode = "flood";
      const flood = await get(`/gifs/search?q=${encodeURIComponent(fresh())}`);
      expect(flood.res.statusCode).toBe(200);
      expect(flood.body.unavailable).toBe(false);
      expect(flood.body.results.length).toBe(24);
      fake.mode = "bloated";
      const bloated = await get(`/gifs/search?q=${encodeURIComponent(fresh())}`);
      expect(bloated.res.statusCode).toBe(200);
      expect(bloated.body).toMatchObject({ results: [], unavailable: true });
      expect((await integrationStatus(rt.ctx, "gifs")).error).toContain("too large");
      fake.mode = "ok";
      rt.clock.advance(2 * 60_000);
    });

    it("leaves the provider alone for a minute after a 429", async () => {
      fake.mode = "429";
      await get(`/gifs/search?q=${encodeURIComponent(fresh())}`);
      const after429 = fake.calls.length;
      fake.mode = "ok";
      await get(`/gifs/search?q=${encodeURIComponent(fresh())}`);
      expect(fake.calls.length).toBe(after429);
      rt.clock.advance(61_000);
      const back = await get(`/gifs/search?q=bravo%20${n}`);
      expect(fake.calls.length).toBe(after429 + 1);
      expect(back.body.unavailable).toBe(false);
    });

    it("past a client's search limit, answers from the cache only", async () => {
      await setSettings(rt.ctx, OPERATOR, { "rateLimit.gifSearch.max": 2 });
      rt.clock.advance(10 * 60_000);
      await get("/gifs/search?q=chien");
      await get(`/gifs/search?q=${encodeURIComponent(fresh())}`);
      const calls = fake.calls.length;
      const limited = await get(`/gifs/search?q=${encodeURIComponent(fresh())}`);
      expect(limited.res.statusCode).toBe(200);
      expect(limited.body.results).toEqual([]);
      expect(fake.calls.length).toBe(calls);
      const cached = await get("/gifs/search?q=chien");
      expect(cached.body.results.map((r) => r.id)).toEqual(["chien4"]);
    });

    it("serves previews from the provider's media host, and nothing else", async () => {
      await get("/gifs/trending");
      const ok = await rt.app.inject({ method: "GET", url: `/gifs/preview/${provider}/bravo1` });
      expect(ok.statusCode).toBe(200);
      expect(ok.headers["content-type"]).toBe("image/webp");
      expect(ok.rawPayload.equals(fake.webp)).toBe(true);
      // giant11: a 1×1 GIF whose header claims a screen of 65000×65000.
      const refused = ["private5", "loop6", "gone7", "huge8", "page9", "giant11", "never-offered"];
      for (const id of refused) {
        const res = await rt.app.inject({ method: "GET", url: `/gifs/preview/${provider}/${id}` });
        expect(res.statusCode, id).toBe(404);
        assertNothingLeaks(res.body, fake);
      }
      const other = provider === "giphy" ? "klipy" : "giphy";
      const wrong = await rt.app.inject({ method: "GET", url: `/gifs/preview/${other}/bravo1` });
      expect(wrong.statusCode).toBe(404);
    });

    it("shows a GIF its provider listed twice once, as first listed", async () => {
      fake.mode = "duplicate";
      const { res, body } = await get("/gifs/search?q=content");
      expect(res.statusCode).toBe(200);
      expect(body.results.map((r) => r.id)).toEqual(["chien4"]);
      expect(body.results[0]?.title).not.toContain("doublon");
    });

    it("gives the CDN's own URLs when the newsroom turns the proxy off", async () => {
      await setSettings(rt.ctx, OPERATOR, { "gif.proxyMedia": false });
      const { body } = await get("/gifs/trending");
      expect(body.results[0]?.preview.startsWith(`${fake.url}/media/`)).toBe(true);
    });
  });

  it("has nothing to say with no provider", async () => {
    await setSettings(rt.ctx, OPERATOR, { "gif.provider": "disabled" });
    const calls = fake.calls.length;
    const { res, body } = await get("/gifs/search?q=bravo");
    expect(res.statusCode).toBe(200);
    expect(body).toMatchObject({ ok: true, results: [], unavailable: true });
    expect(fake.calls.length).toBe(calls);
  });

  it("answers hostile search strings with results or none, never an error", async () => {
    await setSettings(rt.ctx, OPERATOR, {
      "gif.provider": "giphy",
      "gif.key": FAKE_GIF_KEY,
      "gif.giphyEndpoint": fake.url,
      "rateLimit.gifSearch.max": 0,
    });
    fake.mode = "ok";
    for (const q of [...XSS_PAYLOADS, ...BLNS]) {
      const url = `/gifs/search?q=${encodeURIComponent(q)}`;
      const res = await rt.app.inject({ method: "GET", url });
      expect(res.statusCode, q).toBe(200);
      const body = res.json<Found>();
      expect(body.ok, q).toBe(true);
      expect(res.body).not.toContain("<script");
    }
    const odd = [
      "/gifs/search?q=a&q=b",
      "/gifs/search?q[x]=1",
      "/gifs/search",
      "/gifs/trending?pos=%00",
    ];
    for (const url of odd) {
      const res = await rt.app.inject({ method: "GET", url });
      expect(res.statusCode, url).toBe(200);
    }
  });
});
