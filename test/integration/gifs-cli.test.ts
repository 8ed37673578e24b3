import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEngines } from "../helpers/engines.js";
import { runKiosque, cliEnv } from "../helpers/cli.js";
import {
  FAKE_GIF_KEY,
  startFakeGifProvider,
  type FakeGifProvider,
} from "../helpers/fake-gif-provider.js";
import { makeTestDatabase, type TestDatabase } from "../helpers/runtime.js";

/** `kiosque gifs test`: the key check and status line, for operators (the screen shows the same). */
describe.each(testEngines())("kiosque gifs on %s", (engine) => {
  let database: TestDatabase;
  let fake: FakeGifProvider;
  let env: NodeJS.ProcessEnv;
  const kiosque = (...args: string[]) => runKiosque(env, ...args);

  beforeAll(async () => {
    fake = await startFakeGifProvider();
    database = await makeTestDatabase(engine);
    env = cliEnv(database);
  });
  afterAll(async () => {
    await database?.drop();
    await fake?.close();
  });

  it("tests the key, prints the status line, and says what failed", async () => {
    const settings: [string, string][] = [
      ["gif.provider", "klipy"],
      ["gif.klipyEndpoint", fake.url],
    ];
    for (const [key, value] of settings)
      expect((await kiosque("settings", "set", key, value)).code).toBe(0);
    const noKey = await kiosque("gifs", "test");
    expect(noKey.code).toBe(2);
    expect(noKey.err).toMatch(/^gif\.key: /m);

    expect((await kiosque("settings", "set", "gif.key", FAKE_GIF_KEY)).code).toBe(0);
    const ok = await kiosque("gifs", "test");
    expect(ok.code, ok.err).toBe(0);
    expect(ok.out).toMatch(/^klipy: working/);
    expect(fake.calls.at(-1)?.pathname).toBe("/v2/featured");

    fake.mode = "403";
    const refused = await kiosque("gifs", "test");
    expect(refused.code).toBe(1);
    expect(refused.out).toMatch(/^klipy: failing since .*: key refused/);
    fake.mode = "ok";

    expect((await kiosque("settings", "set", "gif.key", "wrongkey")).code).toBe(0);
    const wrong = await kiosque("gifs", "test");
    expect(wrong.out).toMatch(/invalid key \(401\)/);
  });

  it("refuses to remove the GIF of a comment that does not exist", async () => {
    const res = await kiosque("comments", "remove-gif", "999999");
    expect(res.code).toBe(2);
    expect(res.err).toMatch(/KIOSQUE_NOT_FOUND/);
  });
});
