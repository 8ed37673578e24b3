import { expect } from "vitest";
import { FAKE_GIF_KEY, type FakeGifProvider } from "./fake-gif-provider.js";

/**
 * What a reader's answer must never hold: the provider's words, its address, or the key. Words
 * are looked for in text only: an image's bytes (a preview) may spell "key" by chance, and did.
 */
export function assertNothingLeaks(body: string, fake: FakeGifProvider, type = "text/html"): void {
  expect(body).not.toContain(FAKE_GIF_KEY);
  expect(body).not.toContain(fake.url.replace("http://", ""));
  if (type.startsWith("image/")) return;
  expect(body).not.toMatch(
    /\bkey\b|\bclé\b|api_key|unauthori[sz]ed|forbidden|too many|rate.limit/i,
  );
}
