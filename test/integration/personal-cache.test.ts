import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sign } from "../../src/lib/crypto.js";
import { comments } from "../../src/modules/comments/index.js";
import { testEngines } from "../helpers/engines.js";
import { makeArticle } from "../helpers/factories.js";
import { inputValue } from "../helpers/http.js";
import { rawRequest } from "../helpers/raw-http.js";
import { openTestApp, type TestApp } from "../helpers/runtime.js";

/**
 * A reader's own parts (held comments, remembered values) never reach the shared page cache,
 * whatever the spelling of their Cookie header; and a page of theirs costs a splice of the
 * cached page, not a render.
 */
describe.each(testEngines())("personal pages and the shared cache on %s", (engine) => {
  let t: TestApp;
  let article: { id: number; slug: string };
  let url: string;
  let approvedId: number;
  let heldRoot: number;
  let heldReply: number;
  /** A valid kq_mine value holding both held comments, as @fastify/cookie writes it. */
  let mine: string;
  const HELD_ROOT = "Mon avis retenu, rien qu’à moi";
  const HELD_REPLY = "Ma réponse retenue";
  const commenter = encodeURIComponent(
    JSON.stringify({ name: "Zoé Secrète", email: "zoe@example.net", website: "" }),
  );

  const get = (path: string, headers: Record<string, string> = {}) =>
    t.app.inject({ url: path, headers });
  /** What everyone else gets: never a trace of the reader's own parts. */
  async function expectClean(path = url) {
    const res = await get(path);
    expect(res.body).not.toContain(HELD_ROOT);
    expect(res.body).not.toContain(HELD_REPLY);
    expect(res.body).not.toContain("zoe@example.net");
    return res;
  }
  const post = (body: string, parent = "", email = `a${body.length}@example.net`) =>
    comments.postComment(
      t.ctx,
      { articleSlug: article.slug, form: { name: "Léa", email, body, parent }, ip: undefined },
      [],
    );

  beforeAll(async () => {
    t = await openTestApp(engine);
    article = await makeArticle(t.ctx);
    url = `/article/${article.slug}`;
    const approved = await comments.importComment(
      t.ctx,
      {
        articleId: article.id,
        parentId: null,
        name: "Publiée",
        email: "publiee@example.net",
        website: null,
        body: "Un avis publié",
        status: "approved",
        createdAt: new Date(t.clock.now().getTime() - 60_000),
      },
      "test",
    );
    approvedId = approved;
    heldRoot = (await post(HELD_ROOT)).comment.id;
    heldReply = (await post(HELD_REPLY, String(approvedId), "autre@example.net")).comment.id;
    mine = sign(t.ctx.secret, `${heldRoot},${heldReply}`);
  });
  afterAll(() => t.close());

  it("shows a reader their held comments in place and their remembered values, privately", async () => {
    await expectClean();
    const res = await get(url, { cookie: `kq_mine=${mine}; kq_commenter=${commenter}` });
    expect(res.headers["x-kiosque-cache"]).toBe("personal");
    expect(res.headers["cache-control"]).toBe("private, no-store");
    const html = res.body;
    // The held reply sits under the comment it answers; the held top-level comment after it.
    const at = (s: string) => html.indexOf(s);
    expect(at("Un avis publié")).toBeGreaterThan(0);
    expect(at(HELD_REPLY)).toBeGreaterThan(at("Un avis publié"));
    expect(at(HELD_ROOT)).toBeGreaterThan(at(HELD_REPLY));
    expect(html).toMatch(
      new RegExp(
        `<li id="comment-${approvedId}"[^]*<ol class="children"><li id="comment-${heldReply}" class="comment comment-pending"`,
      ),
    );
    expect(inputValue(html, "name")).toBe("Zoé Secrète");
    expect(inputValue(html, "email")).toBe("zoe@example.net");
    expect(html).not.toContain("kq-mark");
    await expectClean();
  });

  it("compresses a personal page for its reader in gzip made of pieces, with the same text", async () => {
    const cookie = `kq_mine=${mine}; kq_commenter=${commenter}`;
    const plain = (await get(url, { cookie })).body;
    expect(plain).toContain(HELD_ROOT);
    // Twice: the second answer is assembled from the pieces the first one compressed.
    for (let i = 0; i < 2; i++) {
      const gz = await get(url, { cookie, "accept-encoding": "gzip, deflate, br" });
      expect(gz.headers["content-encoding"]).toBe("gzip");
      expect(zlib.gunzipSync(gz.rawPayload).toString()).toBe(plain);
      expect(gz.rawPayload.length).toBeLessThan(Buffer.byteLength(plain));
    }
    // A client that takes brotli alone gets the page coded for it as it is sent (no pieces).
    // So does one that refuses gzip beside a wildcard (the plugin alone read `*` as gzip).
    for (const accept of ["br", "gzip;q=0, *", "*, gzip;q=0"]) {
      const brOnly = await get(url, { cookie, "accept-encoding": accept });
      expect(brOnly.headers["content-encoding"], accept).toBe("br");
      expect(zlib.brotliDecompressSync(brOnly.rawPayload).toString()).toBe(plain);
    }
    for (const accept of ["gzip;q=0, br;q=0, *", "*;q=0"]) {
      const none = await get(url, { cookie, "accept-encoding": accept });
      expect(none.headers["content-encoding"], accept).toBeUndefined();
      expect(none.body).toBe(plain);
    }
  });

  // Every way a browser, a proxy or an attacker may spell the Cookie header, and whether the
  // reader's cookie is read (as @fastify/cookie parses it): either way, nobody else sees it.
  const hex = (v: string) => [...v].map((c) => `%${c.charCodeAt(0).toString(16)}`).join("");
  const spellings: [string, (v: string) => string, boolean][] = [
    ["plain", (v) => `kq_mine=${v}`, true],
    ["blank before =", (v) => `kq_mine =${v}`, true],
    ["blank after =", (v) => `kq_mine= ${v}`, true],
    ["blanks around", (v) => `  kq_mine = ${v}  `, true],
    ["tabs", (v) => `\tkq_mine\t=\t${v}\t`, true],
    ["no blank after ;", (v) => `a=1;kq_mine=${v};b=2`, true],
    ["after a bogus one", (v) => `kq_mine=bogus; kq_mine=${v}`, false],
    ["before a bogus one", (v) => `kq_mine=${v}; kq_mine=bogus`, true],
    ["quoted", (v) => `kq_mine="${v}"`, false],
    ["percent-encoded value", (v) => `kq_mine=${hex(v)}`, true],
    ["percent-encoded name", (v) => `kq%5Fmine=${v}`, false],
    ["upper case name", (v) => `KQ_MINE=${v}`, false],
    ["mixed case name", (v) => `Kq_Mine=${v}`, false],
    ["with an odd commenter cookie", (v) => `kq_commenter =${commenter};\tkq_mine =${v}`, true],
  ];
  it.each(spellings)(
    "never lets a held comment reach another reader: %s",
    async (_, spell, personal) => {
      const res = await get(url, { cookie: spell(mine) });
      expect(res.body.includes(HELD_ROOT)).toBe(personal);
      if (personal) {
        expect(res.headers["cache-control"]).toBe("private, no-store");
        expect(res.headers["x-kiosque-cache"]).toBe("personal");
      }
      await expectClean();
    },
  );

  it("never lets a held comment reach another reader through several Cookie headers", async () => {
    await t.app.listen({ host: "127.0.0.1", port: 0 });
    const address = t.app.server.address();
    if (!address || typeof address === "string") throw new Error("not listening");
    for (const headers of [
      [`Cookie: a=1`, `Cookie: kq_mine=${mine}`],
      [`Cookie: kq_mine=${mine}`, `cookie: kq_mine=bogus`],
      [`Cookie: kq_mine =${mine}`, `Cookie: kq_commenter=${commenter}`],
    ]) {
      const outcome = await rawRequest({
        host: "127.0.0.1",
        port: address.port,
        parts: [
          `GET ${url} HTTP/1.1\r\nHost: x\r\n${headers.join("\r\n")}\r\nConnection: close\r\n\r\n`,
        ],
        timeoutMs: 10_000,
      });
      expect(outcome.kind).toBe("answered");
      const [res] = outcome.kind === "answered" ? outcome.responses : [];
      if (res?.body.toString().includes(HELD_ROOT))
        expect(res.headers.get("cache-control")).toBe("private, no-store");
      await expectClean();
    }
  });

  it("answers a bad signature or an empty commenter cookie from the cache, as anyone", async () => {
    await get(url);
    for (const cookie of [
      `kq_mine=${heldRoot}.forged`,
      `kq_mine=${mine.slice(0, -2)}xx`,
      `kq_mine=${sign("another-secret-another-secret-another", String(heldRoot))}`,
      `kq_commenter=${encodeURIComponent(JSON.stringify({ name: "", email: "", website: "" }))}`,
      `kq_commenter=%7Bnot-json`,
    ]) {
      const res = await get(url, { cookie });
      expect(res.headers["x-kiosque-cache"], cookie).toBe("hit");
      expect(res.headers["cache-control"]).toContain("public");
      expect(res.body).not.toContain(HELD_ROOT);
    }
  });

  it("keeps a reader's answer with the page: their own only, and gone once the page changes", async () => {
    const held = (await post("Gardée avec la page", "", "gardee@example.net")).comment.id;
    const mineHeld = `kq_mine=${sign(t.ctx.secret, String(held))}`;
    const as = (name: string) =>
      `${mineHeld}; kq_commenter=${encodeURIComponent(JSON.stringify({ name, email: "", website: "" }))}`;
    const gz = async (cookie: string) => {
      const res = await get(url, { cookie, "accept-encoding": "gzip" });
      expect(res.headers["x-kiosque-cache"]).toBe("personal");
      expect(res.headers["cache-control"]).toBe("private, no-store");
      return zlib.gunzipSync(res.rawPayload).toString();
    };
    const first = await gz(as("Inès"));
    expect(first).toContain("Gardée avec la page");
    expect(inputValue(first, "name")).toBe("Inès");
    // Again: the kept answer, the same bytes; another reader with the same held comment gets
    // their own name, not the first reader's answer.
    expect(await gz(as("Inès"))).toBe(first);
    expect(inputValue(await gz(as("Yann")), "name")).toBe("Yann");
    expect(inputValue(await gz(as("Inès")), "name")).toBe("Inès");
    await comments.setStatus(t.ctx, [held], "trash", "test");
    expect(await gz(as("Inès"))).not.toContain("Gardée avec la page");
    await expectClean();
  });

  it("drops the pages that could show a held comment when it is trashed, marked spam or approved", async () => {
    const held = (await post("Bientôt à la corbeille", "", "corbeille@example.net")).comment.id;
    const cookie = `kq_mine=${sign(t.ctx.secret, String(held))}`;
    expect((await get(url, { cookie })).body).toContain("Bientôt à la corbeille");
    for (const status of ["trash", "spam", "approved"] as const) {
      await get(url);
      expect((await get(url)).headers["x-kiosque-cache"]).toBe("hit");
      await comments.setStatus(t.ctx, [held], status, "test");
      expect((await get(url)).headers["x-kiosque-cache"], status).toBe("miss");
    }
    await comments.setStatus(t.ctx, [held], "trash", "test");
    expect((await get(url, { cookie })).body).not.toContain("Bientôt à la corbeille");
  });
});
