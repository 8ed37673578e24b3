import { expect } from "vitest";
import { FAKE_GIF_KEY, type FakeGifProvider } from "./fake-gif-provider.js";

/** What a reader's answer must never hold: the provider's words, its address, or the key. */
export function assertNothingLeaks(body: string, fake: FakeGifProvider): void {
  expect(body).not.toContain(FAKE_GIF_KEY);
  expect(body).not.toContain(fake.url.replace("http://", ""));
  expect(body).not.toMatch(
    /\bkey\b|\bclé\b|api_key|unauthori[sz]ed|forbidden|too many|rate.limit/i,
  );
}
