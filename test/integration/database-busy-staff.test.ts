import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/db/storage.js";
import { messages } from "../../src/web/i18n/index.js";
import { seedComments, statusOf } from "../helpers/desk.js";
import { testEngines } from "../helpers/engines.js";
import { makeArticle } from "../helpers/factories.js";
import { formBody } from "../helpers/http.js";
import { openTestApp, type TestApp } from "../helpers/runtime.js";
import { postForm, signedIn, type StaffMember } from "../helpers/staff.js";

const fr = messages("fr");
/** Pages set French typography's no-break spaces before ":" and the like. */
const plain = (html: string) => html.replace(/[\u00a0\u202f]/g, " ");

/**
 * Holds what a moderation action writes, past the site's wait, from another connection: SQLite's
 * write lock (a command, an import), or PostgreSQL's lock on the comments (a VACUUM FULL).
 * Returns how to let go.
 */
async function holdComments(engine: Engine, t: TestApp): Promise<() => Promise<void>> {
  const config = t.ctx.config.database;
  if (engine === "sqlite" && config.engine === "sqlite") {
    const other = new Database(config.file);
    other.exec("BEGIN IMMEDIATE");
    return async () => {
      other.exec("ROLLBACK");
      other.close();
    };
  }
  if (config.engine !== "postgres") throw new Error("no such engine");
  const other = new pg.Client({ connectionString: config.url });
  await other.connect();
  await other.query("begin");
  await other.query("lock table comments in exclusive mode");
  return async () => {
    await other.query("rollback");
    await other.end();
  };
}

/**
 * A moderation button pressed while the database takes no write: it sent no text, so its
 * answer says the site is busy and nothing was done. It said "Un champ est à corriger." and
 * "votre texte est gardé ici", the words of a form that keeps what was typed.
 */
describe.each(testEngines())("a moderation button while %s takes no write", (engine) => {
  let t: TestApp;
  let moderator: StaffMember;
  let commentId: number;
  beforeAll(async () => {
    t = await openTestApp(engine);
    moderator = await signedIn(t.app, t.ctx, "moderator");
    const { id } = await makeArticle(t.ctx);
    [commentId = 0] = await seedComments(t.ctx, id, 1);
  });
  afterAll(() => t.close());

  it("answers, as a page and as JSON, that the site is busy, in words for a button", async () => {
    const url = `/admin/commentaires/${commentId}/action`;
    const fields = { action: "approve", retour: "/admin/commentaires" };
    const letGo = await holdComments(engine, t);
    let page, island;
    try {
      [page, island] = await Promise.all([
        postForm(t.app, url, moderator.cookie, fields),
        t.app.inject({
          method: "POST",
          url,
          remoteAddress: "203.0.113.10",
          headers: {
            accept: "application/json",
            "content-type": "application/x-www-form-urlencoded",
            cookie: moderator.cookie,
          },
          payload: formBody(fields),
        }),
      ]);
    } finally {
      await letGo();
    }
    const busy = fr.errors.databaseBusy;
    for (const res of [page, island]) {
      expect(res.statusCode).toBe(503);
      expect(res.headers["retry-after"]).toBe("5");
      expect(res.headers["cache-control"]).toBe("private, no-store");
    }
    const shown = plain(page.body);
    expect(shown).toContain(busy.title);
    expect(shown).toContain(busy.text);
    expect(shown).not.toContain(fr.formErrors(1));
    expect(shown).not.toContain(plain(fr.problems.notSaved(5)));
    expect(island.json()).toEqual({
      ok: false,
      code: "KIOSQUE_DATABASE_BUSY",
      message: busy.title,
    });
    expect(await statusOf(t.ctx, commentId)).toBe("pending");
  }, 60_000);
});
