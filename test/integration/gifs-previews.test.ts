import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { OPERATOR } from "../../src/modules/accounts/index.js";
import { setSettings } from "../../src/modules/settings/index.js";
import { testEngines } from "../helpers/engines.js";
import {
  FAKE_GIF_KEY,
  startFakeGifProvider,
  type FakeGifProvider,
} from "../helpers/fake-gif-provider.js";
import { openTestApp, type TestApp } from "../helpers/runtime.js";

interface Found {
  results: { id: string; preview: string }[];
}

/**
 * A GIPHY answering with preview URLs anywhere: inside the newsroom's network, with credentials,
 * on other hosts and ports. Only its `ok` GIF is on GIPHY's own media host.
 */
async function startHostileGiphy(): Promise<{ url: string; close(): Promise<void> }> {
  const previews: Record<string, string> = {
    ok: "https://media1.giphy.com/media/ok/200w.webp",
    metadata: "http://169.254.169.254/latest/meta-data/x.webp",
    intranet: "https://10.0.0.7/x.webp",
    credentials: "https://user:secret@media1.giphy.com/media/c/200w.webp",
    elsewhere: "https://tracker.example/x.webp",
    port: "https://media1.giphy.com:8443/media/p/200w.webp",
    plain: "http://media1.giphy.com/media/h/200w.webp",
  };
  const gif = ([id, url]: [string, string]) => ({
    type: "gif",
    id,
    title: `GIF ${id}`,
    images: { fixed_width: { url, webp: url, width: "200", height: "150" } },
  });
  const server = http.createServer((req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(
      JSON.stringify({
        data: Object.entries(previews).map(gif),
        pagination: { total_count: 7, count: 7, offset: 0 },
        meta: { status: 200, msg: "OK", response_id: "hostile" },
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The picker's previews: limited per client, fetched once however many ask, failures remembered. */
describe.each(testEngines())("GIF previews on %s", (engine) => {
  let rt: TestApp;
  let fake: FakeGifProvider;
  let client = 0;
  /** A client no earlier test counted. */
  let address = "";

  beforeAll(async () => {
    fake = await startFakeGifProvider();
    rt = await openTestApp(engine);
  });
  afterAll(async () => {
    await rt?.close();
    await fake?.close();
  });
  beforeEach(async () => {
    address = `203.0.113.${++client}`;
    fake.mode = "ok";
    await setSettings(rt.ctx, OPERATOR, {
      "gif.provider": "giphy",
      "gif.key": FAKE_GIF_KEY,
      "gif.giphyEndpoint": fake.url,
      "gif.proxyMedia": true,
      "rateLimit.gifSearch.max": 0,
    });
  });

  const get = (url: string) => rt.app.inject({ method: "GET", url, remoteAddress: address });
  const preview = (id: string) => get(`/gifs/preview/giphy/${id}`);
  const fetches = (id: string) => fake.media.filter((m) => m.startsWith(`/media/${id}.`)).length;

  it("fetches a preview once for many readers asking at once", async () => {
    await get("/gifs/trending");
    const before = fetches("chien4");
    const answers = await Promise.all(Array.from({ length: 30 }, () => preview("chien4")));
    expect(answers.map((a) => a.statusCode)).toEqual(answers.map(() => 200));
    expect(answers.every((a) => a.rawPayload.equals(fake.webp))).toBe(true);
    expect(fetches("chien4") - before).toBe(1);
  });

  it("remembers a preview that would not do for a minute", async () => {
    await get("/gifs/trending");
    const before = fetches("page9");
    const at = await Promise.all(Array.from({ length: 10 }, () => preview("page9")));
    for (let i = 0; i < 20; i++) at.push(await preview("page9"));
    expect(at.map((a) => a.statusCode)).toEqual(at.map(() => 404));
    expect(fetches("page9") - before).toBe(1);
    rt.clock.advance(61_000);
    expect((await preview("page9")).statusCode).toBe(404);
    expect(fetches("page9") - before).toBe(2);
  });

  it("limits a client's previews to a page per search allowed; what memory holds is served past it", async () => {
    await get("/gifs/trending");
    // 3,000 GIFs answered, a page (24) kept: each names a file the fake does not have.
    fake.mode = "flood";
    expect((await get("/gifs/search?q=flood")).json<Found>().results).toHaveLength(24);
    fake.mode = "ok";
    expect((await preview("bravo1")).statusCode).toBe(200);
    await setSettings(rt.ctx, OPERATOR, { "rateLimit.gifSearch.max": 1 });
    const asked = fake.media.length;
    for (let i = 0; i < 24; i++) expect((await preview(`flood${i}`)).statusCode).toBe(404);
    expect(fake.media.length - asked).toBe(24);
    const limited = await preview("merci2");
    expect(limited.statusCode).toBe(429);
    expect(fake.media.length - asked).toBe(24);
    // Kept in memory: served past the limit, uncounted.
    expect((await preview("bravo1")).statusCode).toBe(200);
    // Another client has a limit of its own.
    address = "198.51.100.77";
    expect((await preview("merci2")).statusCode).toBe(200);
  });

  describe("with a provider naming previews anywhere", () => {
    let hostile: { url: string; close(): Promise<void> };
    beforeAll(async () => {
      hostile = await startHostileGiphy();
    });
    afterAll(() => hostile?.close());

    it.each([false, true])(
      "offers only previews on the provider's media hosts (proxyMedia %s)",
      async (proxy) => {
        await setSettings(rt.ctx, OPERATOR, {
          "gif.giphyEndpoint": hostile.url,
          "gif.proxyMedia": proxy,
        });
        const res = await get(`/gifs/search?q=${proxy ? "proxied" : "direct"}`);
        expect(res.statusCode).toBe(200);
        const results = res.json<Found>().results;
        expect(results.map((r) => r.id)).toEqual(["ok"]);
        expect(results[0]?.preview).toBe(
          proxy ? "/gifs/preview/giphy/ok" : "https://media1.giphy.com/media/ok/200w.webp",
        );
        for (const word of ["169.254", "10.0.0.7", "secret", "tracker", "8443", "http:"])
          expect(res.body).not.toContain(word);
      },
    );
  });
});
