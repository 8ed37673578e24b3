import { OPERATOR } from "../../src/modules/accounts/index.js";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setSettings } from "../../src/modules/settings/index.js";
import { testEngines } from "../helpers/engines.js";
import { commentForm, makeArticle } from "../helpers/factories.js";
import { assertNothingLeaks } from "../helpers/gif-leaks.js";
import {
  FAKE_GIF_KEY,
  startFakeGifProvider,
  type FakeGifProvider,
  type FakeMode,
} from "../helpers/fake-gif-provider.js";
import { formBody, startTags } from "../helpers/http.js";
import { openTestApp, type TestApp } from "../helpers/runtime.js";

const PROVIDERS = ["giphy", "klipy"] as const;
const FAILURES: readonly FakeMode[] = ["401", "403", "429", "500", "timeout", "truncated"];

describe.each(testEngines())("comments with a GIF on %s", (engine) => {
  let rt: TestApp;
  let fake: FakeGifProvider;
  let slug: string;

  beforeAll(async () => {
    fake = await startFakeGifProvider();
    rt = await openTestApp(engine);
    ({ slug } = await makeArticle(rt.ctx));
    await setSettings(rt.ctx, OPERATOR, {
      "comments.holdFirst": false,
      "rateLimit.gifSearch.max": 0,
    });
  });
  afterAll(async () => {
    await rt?.close();
    await fake?.close();
  });

  const post = (fields: Record<string, string>, json = false) =>
    rt.app.inject({
      method: "POST",
      url: `/article/${slug}/commentaires`,
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        ...(json ? { accept: "application/json" } : {}),
      },
      payload: formBody(commentForm(fields)),
    });
  const page = async () => (await rt.app.inject({ method: "GET", url: `/article/${slug}` })).body;
  const gifRows = async (commentId: number) =>
    rt.ctx.db.selectFrom("comment_gifs").selectAll().where("comment_id", "=", commentId).execute();
  const idOf = (location: unknown) => Number(/#comment-(\d+)$/.exec(String(location))?.[1]);
  /** The <img> of a comment's GIF on the page, with its <source> for reduced motion. */
  function gifOf(html: string, commentId: number) {
    const at = html.indexOf(`id="comment-${commentId}"`);
    const tags = startTags(html.slice(at)).filter((t) => t.name === "img" || t.name === "source");
    const img = tags.find(
      (t) => t.name === "img" && t.attrs.get("src")?.startsWith("/gifs/media/"),
    );
    const source = tags.find((t) => t.name === "source");
    return { img, source };
  }

  describe.each(PROVIDERS)("from %s", (provider) => {
    beforeEach(async () => {
      fake.mode = "ok";
      await setSettings(rt.ctx, OPERATOR, {
        "gif.provider": provider,
        "gif.key": FAKE_GIF_KEY,
        [provider === "giphy" ? "gif.giphyEndpoint" : "gif.klipyEndpoint"]: fake.url,
        "comments.blocklist": [],
      });
      // The picker's first page: what makes these ids offered.
      await rt.app.inject({ method: "GET", url: "/gifs/trending" });
    });

    it("keeps the picked GIF and shows Kiosque's copy, sized, lazy, titled, with a still frame", async () => {
      const res = await post({ body: "Bravo à toute l’équipe.", gif: "bravo1" });
      expect(res.statusCode).toBe(303);
      const id = idOf(res.headers.location);
      const [row] = await gifRows(id);
      expect(row).toMatchObject({ provider, gif_id: "bravo1", width: 200, height: 150 });
      expect(row?.title).toMatch(/Bravo chat qui applaudit/);
      const html = await page();
      const { img, source } = gifOf(html, id);
      expect(img?.attrs.get("width")).toBe("200");
      expect(img?.attrs.get("height")).toBe("150");
      expect(img?.attrs.get("loading")).toBe("lazy");
      expect(img?.attrs.get("alt")).toMatch(/Bravo chat qui applaudit/);
      expect(source?.attrs.get("media")).toBe("(prefers-reduced-motion: reduce)");
      expect(source?.attrs.get("srcset")).toMatch(/^\/gifs\/media\/.+\/still-.+\.webp$/);
      expect(html).not.toContain(fake.url);
      // Served from Kiosque's storage, not the provider: the fake sees no request for it.
      const fetchedBefore = fake.media.length;
      const file = await rt.app.inject({ method: "GET", url: String(img?.attrs.get("src")) });
      expect(file.statusCode).toBe(200);
      expect(file.headers["content-type"]).toBe(provider === "giphy" ? "image/webp" : "image/webp");
      expect(file.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
      expect(file.rawPayload.equals(fake.webp)).toBe(true);
      const again = await rt.app.inject({
        method: "GET",
        url: String(img?.attrs.get("src")),
        headers: { "if-none-match": String(file.headers.etag) },
      });
      expect(again.statusCode).toBe(304);
      const still = await rt.app.inject({
        method: "GET",
        url: String(source?.attrs.get("srcset")),
      });
      expect(still.statusCode).toBe(200);
      expect(still.headers["content-type"]).toBe("image/webp");
      expect(fake.media.length).toBe(fetchedBefore);
    });

    it("sends the GIF with an inline (JSON) post's comment", async () => {
      const res = await post({ body: "Merci, vraiment.", gif: "merci2" }, true);
      expect(res.statusCode).toBe(201);
      const answer = res.json<{ html: string }>();
      expect(answer.html).toMatch(/<img src="\/gifs\/media\/[^"]+" width="200" height="150"/);
    });

    it("posts the comment without a GIF it cannot keep, and never says why", async () => {
      for (const gif of [
        "never-offered",
        "private5",
        "loop6",
        "gone7",
        "huge8",
        "page9",
        // A 1×1 GIF whose header claims a screen of 65000×65000.
        "giant11",
        "../x",
        "<b>",
      ]) {
        const res = await post({ body: `Sans GIF: ${gif}.`, gif });
        expect(res.statusCode, gif).toBe(303);
        expect(await gifRows(idOf(res.headers.location))).toEqual([]);
      }
      // The private address was never contacted: the redirect was refused, not followed.
      expect(fake.media.filter((m) => m.includes("secret"))).toEqual([]);
    });

    it("keeps the GIF a reader saw when the provider listed its id twice", async () => {
      fake.mode = "duplicate";
      const found = await rt.app.inject({ method: "GET", url: "/gifs/search?q=content" });
      expect(found.statusCode).toBe(200);
      const shown = found.json<{ results: { id: string; title: string }[] }>().results;
      expect(shown.map((r) => r.id)).toEqual(["chien4"]);
      fake.mode = "ok";
      const res = await post({ body: "Le chien que j’ai choisi.", gif: "chien4" });
      const [row] = await gifRows(idOf(res.headers.location));
      expect(row?.title).toBe(shown[0]?.title);
      expect(row?.title).not.toContain("doublon");
    });

    it("waits for a GIF once per comment, however many of its files trickle in", async () => {
      const asked = () => fake.media.filter((m) => m.includes("slow10")).length;
      const before = asked();
      const res = await post({ body: "Sans GIF lent.", gif: "slow10" });
      expect(res.statusCode).toBe(303);
      expect(await gifRows(idOf(res.headers.location))).toEqual([]);
      // The offer has two files (GIPHY) or four (Klipy): each had a wait of its own, so the
      // post waited two or four times as long. The first one's wait is the comment's.
      expect(asked() - before).toBe(1);
    });

    it("lets the blocklist read the GIF's title", async () => {
      await setSettings(rt.ctx, OPERATOR, { "comments.blocklist": ["jackpot"] });
      const res = await post({ body: "Regardez ça.", gif: "casino3" });
      expect(res.statusCode).toBe(303);
      const id = idOf(res.headers.location);
      const row = await rt.ctx.db
        .selectFrom("comments")
        .select("status")
        .where("id", "=", id)
        .executeTakeFirstOrThrow();
      expect(row.status).toBe("spam");
    });

    it.each(FAILURES)(
      "with the provider failing (%s), readers see no error and still post",
      async (mode) => {
        fake.mode = mode;
        rt.clock.advance(2 * 60 * 60_000);
        const answers = [
          await rt.app.inject({ method: "GET", url: `/article/${slug}` }),
          await rt.app.inject({ method: "GET", url: "/gifs/trending" }),
          await rt.app.inject({ method: "GET", url: `/gifs/search?q=nouveau${mode}` }),
          await rt.app.inject({ method: "GET", url: `/gifs/preview/${provider}/bravo1` }),
          await post({ body: `Malgré la panne ${mode}.`, gif: "bravo1" }),
          await post({ body: `Malgré la panne ${mode}, en direct.`, gif: "chien4" }, true),
        ];
        for (const res of answers) {
          expect(res.statusCode).toBeLessThan(500);
          assertNothingLeaks(res.body, fake, String(res.headers["content-type"] ?? ""));
        }
        expect(answers[4]?.statusCode).toBe(303);
        expect(answers[5]?.statusCode).toBe(201);
        fake.mode = "ok";
      },
    );
  });

  it("shows no GIF button without a provider, and one (with no script yet) with one", async () => {
    await setSettings(rt.ctx, OPERATOR, { "gif.provider": "disabled" });
    const off = await page();
    expect(off).not.toContain('id="gif-button"');
    expect(off).not.toContain('name="gif"');
    await setSettings(rt.ctx, OPERATOR, {
      "gif.provider": "giphy",
      "gif.key": FAKE_GIF_KEY,
      "gif.giphyEndpoint": fake.url,
    });
    const on = await page();
    const button = startTags(on).find((t) => t.attrs.get("id") === "gif-button");
    expect(button?.attrs.has("hidden")).toBe(true);
    expect(button?.attrs.get("data-island")).toMatch(/^\/assets\/gif-picker\.js\?v=/);
    expect(on).not.toMatch(/<script[^>]+gif-picker\.js/);
    await setSettings(rt.ctx, OPERATOR, { "gif.key": "" });
    expect(await page()).not.toContain('id="gif-button"');
  });
});
