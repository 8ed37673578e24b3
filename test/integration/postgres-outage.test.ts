import net from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/app.js";
import { loadConfig, type Config } from "../../src/config/index.js";
import { createLogger } from "../../src/lib/logger.js";
import { openRuntime, type Runtime } from "../../src/runtime.js";
import { setSetting } from "../../src/modules/settings/index.js";
import { testEngines } from "../helpers/engines.js";
import { messages } from "../../src/web/i18n/index.js";
import { commentForm, countComments, makeArticle, sendCommentForm } from "../helpers/factories.js";
import { testAssetsDir } from "../helpers/paths.js";
import { signInForm } from "../helpers/staff.js";
import { makeTestDatabase, type TestDatabase } from "../helpers/runtime.js";

const fr = messages("fr");
/** Readers' pages set French typography's no-break spaces before ":" and the like. */
const plain = (html: string) => html.replace(/[\u00a0\u202f]/g, " ");

/**
 * What PostgreSQL itself answers a new connection it will not take, in its protocol: an
 * ErrorResponse (severity, code, message), then the end of the connection.
 */
function refusal(code: string, message: string): Buffer {
  const fields = Buffer.concat(
    [
      ["S", "FATAL"],
      ["V", "FATAL"],
      ["C", code],
      ["M", message],
    ].map(([kind, text]) => Buffer.from(`${kind}${text}\0`)),
  );
  const length = Buffer.alloc(4);
  length.writeInt32BE(4 + fields.length + 1);
  return Buffer.concat([Buffer.from("E"), length, fields, Buffer.from([0])]);
}

/**
 * The database restarting under a running site (PostgreSQL only: SQLite is a file of the
 * process). Between the site and PostgreSQL stands a TCP relay the test can cut, and keep down
 * for a while, as a restart or a network fault would; or have answer new connections as
 * PostgreSQL does when it takes no more (`refuse`: its max_connections reached, starting up).
 */
function relayTo(target: URL) {
  const sockets = new Set<net.Socket>();
  const state: { down: boolean; refuse?: Buffer } = { down: false };
  const server = net.createServer((client) => {
    if (state.down) return client.destroy();
    const refused = state.refuse;
    if (refused) {
      // After the client's startup message, as the server does.
      client.once("data", () => client.end(refused));
      client.on("error", () => {});
      return;
    }
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

  /**
   * The requests made while the site cannot reach its database: a reader's comment, a page no
   * cache holds, a search. Each was a 500 ("internal error"), the comment's text lost with it.
   */
  async function unreachable(label: string) {
    const text = `Un avis écrit pendant la panne (${label}) </textarea><script>alert(1)</script>`;
    const before = await countComments(other.ctx);
    const { slug: unseen } = await makeArticle(other.ctx, {});
    const password = `un mot de passe pendant la panne (${label})`;
    const [page, island, article, search, signIn] = await Promise.all([
      sendCommentForm(app, slug, commentForm({ body: text }), { json: false }),
      sendCommentForm(app, slug, commentForm({ body: text }), { json: true }),
      get(`/article/${unseen}`),
      get("/recherche?q=panne"),
      signInForm(app, { email: "redaction@example.org", password }),
    ]);
    // Only prose comes back: never a password, whatever page answers.
    expect(signIn.statusCode, label).toBe(503);
    expect(signIn.body).not.toContain(password);
    const notSaved = fr.problems.notSaved(5);
    // The form's page needs the database too: the text comes back to be copied.
    expect(page.statusCode, label).toBe(503);
    expect(page.headers["retry-after"]).toBe("5");
    expect(page.headers["cache-control"]).toContain("private");
    expect(plain(page.body)).toContain(fr.errors.databaseBusy.text);
    expect(plain(page.body)).toContain(fr.errors.keptText);
    const escaped = text.replaceAll("<", "&lt;");
    expect(page.body).toContain(`readonly rows="8">\n${escaped}</textarea>`);
    expect(page.body).not.toContain("<script>alert(1)");
    expect(island.statusCode, label).toBe(503);
    expect(island.json()).toMatchObject({ errors: { body: notSaved } });
    for (const read of [article, search]) {
      expect(read.statusCode, label).toBe(503);
      expect(read.headers["retry-after"]).toBe("5");
      expect(plain(read.body)).toContain(fr.errors.databaseBusyRead.text);
    }
    expect(await countComments(other.ctx)).toBe(before);
  }

  it.each([
    ["down", () => void (relay.state.down = true)],
    ["full", () => void (relay.state.refuse = refusal("53300", "sorry, too many clients already"))],
    [
      "starting",
      () => void (relay.state.refuse = refusal("57P03", "the database system is starting up")),
    ],
  ])(
    "answers 503 with the reader's text kept while PostgreSQL is %s, then serves again",
    async (label, breakIt) => {
      breakIt();
      relay.cut();
      try {
        await unreachable(label);
      } finally {
        relay.state.down = false;
        relay.state.refuse = undefined;
      }
      await expect
        .poll(async () => (await get("/readyz")).statusCode, { timeout: 10_000 })
        .toBe(200);
      const text = `Un avis écrit après la panne (${label}).`;
      const sent = await sendCommentForm(app, slug, commentForm({ body: text }), { json: false });
      expect(sent.statusCode).toBe(303);
    },
    30_000,
  );
});
