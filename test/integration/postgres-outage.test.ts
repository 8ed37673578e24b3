import net from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/app.js";
import { loadConfig, type Config } from "../../src/config/index.js";
import { createLogger } from "../../src/lib/logger.js";
import { openRuntime, type Runtime } from "../../src/runtime.js";
import { setSetting } from "../../src/modules/settings/index.js";
import { testEngines } from "../helpers/engines.js";
import { makeArticle } from "../helpers/factories.js";
import { testAssetsDir } from "../helpers/paths.js";
import { makeTestDatabase, type TestDatabase } from "../helpers/runtime.js";

/**
 * The database restarting under a running site (PostgreSQL only: SQLite is a file of the
 * process). Between the site and PostgreSQL stands a TCP relay the test can cut, and keep down
 * for a while, as a restart or a network fault would.
 */
function relayTo(target: URL) {
  const sockets = new Set<net.Socket>();
  const state = { down: false };
  const server = net.createServer((client) => {
    if (state.down) return client.destroy();
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on("close", () => sockets.delete(s));
      s.on("error", () => {});
    }
    client.pipe(upstream).pipe(client);
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
  });
  return {
    server,
    state,
    /** Every connection open through the relay ends at once, as at a server's restart. */
    cut: () => {
      for (const s of sockets) s.destroy();
    },
  };
}

describe.runIf(testEngines().includes("postgres"))("a PostgreSQL restart under the site", () => {
  let database: TestDatabase;
  let relay: ReturnType<typeof relayTo>;
  let site: Runtime;
  let app: Awaited<ReturnType<typeof buildApp>>;
  /** Another instance of the site, straight to the database. */
  let other: Runtime;
  let slug: string;

  beforeAll(async () => {
    database = await makeTestDatabase("postgres");
    const direct = new URL(database.url ?? "");
    relay = relayTo(direct);
    await new Promise<void>((resolve) => relay.server.listen(0, "127.0.0.1", resolve));
    const through = new URL(direct);
    through.host = `127.0.0.1:${(relay.server.address() as AddressInfo).port}`;
    const base = loadConfig({ KIOSQUE_DATA_DIR: database.dataDir, LOG_LEVEL: "silent" });
    const log = createLogger({ logLevel: process.env.TEST_LOG_LEVEL ?? "silent" });
    const configFor = (url: string): Config => ({
      ...base,
      database: { engine: "postgres", url },
    });
    site = await openRuntime(configFor(through.toString()), { log });
    other = await openRuntime(configFor(direct.toString()), { log });
    app = await buildApp(site, { assetsDir: testAssetsDir });
    ({ slug } = await makeArticle(other.ctx, {}));
  });
  afterAll(async () => {
    await app?.close();
    await site?.close();
    await other?.close();
    await new Promise((resolve) => relay.server.close(resolve));
    await database?.drop();
  });

  const get = (url: string) => app.inject({ url });

  it("keeps serving through it, says it is not ready while down, and hears changes after", async () => {
    expect((await get(`/article/${slug}`)).statusCode).toBe(200);
    expect((await get("/readyz")).statusCode).toBe(200);

    // Down: every connection cut and new ones refused. The idle ones' errors used to stop the
    // process ("Unhandled 'error' event" on the pool), every worker of every instance.
    relay.state.down = true;
    relay.cut();
    const down = await get("/readyz");
    expect(down.statusCode).toBe(503);
    // Long enough for the change feed to try again and fail: it must not give up after that.
    await new Promise((resolve) => setTimeout(resolve, 2500));

    relay.state.down = false;
    await expect.poll(async () => (await get("/readyz")).statusCode, { timeout: 10_000 }).toBe(200);
    expect((await get(`/article/${slug}`)).statusCode).toBe(200);
    expect((await get("/recherche?q=article")).statusCode).toBe(200);

    // Another instance's change reaches this one again: its change feed connected anew.
    await setSetting(other.ctx, "site.name", "Le Journal d’après");
    await expect
      .poll(async () => (await get("/")).body.includes("Le Journal d’après"), { timeout: 10_000 })
      .toBe(true);
  }, 30_000);
});
