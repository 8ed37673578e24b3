import type { Engine } from "../../src/db/storage.js";
import { OPERATOR } from "../../src/modules/accounts/index.js";
import { setSettings, type SettingKey } from "../../src/modules/settings/index.js";
import { makeArticle } from "./factories.js";
import { FAKE_GIF_KEY, startFakeGifProvider, type FakeGifProvider } from "./fake-gif-provider.js";
import { openTestApp, type TestApp } from "./runtime.js";

/** A site whose comments take GIFs from the fake GIPHY, and an article to comment on. */
export interface GifSite {
  rt: TestApp;
  fake: FakeGifProvider;
  slug: string;
  close(): Promise<void>;
}

/**
 * Opens one, first comments published at once, with `settings` on top; the trending list is
 * asked once, so the fake's ids are offered (only an offered id is kept with a comment).
 */
export async function openGifSite(
  engine: Engine,
  settings: Readonly<Partial<Record<SettingKey, unknown>>> = {},
): Promise<GifSite> {
  const fake = await startFakeGifProvider();
  const rt = await openTestApp(engine);
  const { slug } = await makeArticle(rt.ctx);
  await setSettings(rt.ctx, OPERATOR, {
    "comments.holdFirst": false,
    "gif.provider": "giphy",
    "gif.key": FAKE_GIF_KEY,
    "gif.giphyEndpoint": fake.url,
    ...settings,
  });
  await rt.app.inject({ method: "GET", url: "/gifs/trending" });
  return {
    rt,
    fake,
    slug,
    async close() {
      await rt.close();
      await fake.close();
    },
  };
}
