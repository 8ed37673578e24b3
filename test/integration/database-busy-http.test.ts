import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setSetting } from "../../src/modules/settings/index.js";
import { messages } from "../../src/web/i18n/index.js";
import { testEngines } from "../helpers/engines.js";
import { commentForm, countComments, makeArticle, sendCommentForm } from "../helpers/factories.js";
import { openTestApp, type TestApp } from "../helpers/runtime.js";

const fr = messages("fr");
/** Readers' pages set French typography's no-break spaces before ":" and the like. */
const plain = (html: string) => html.replace(/[\u00a0\u202f]/g, " ");

/**
 * Another process holding SQLite's write lock past the site's wait (busy_timeout, 5 s): an
 * import, a restore, a long command. A reader's comment meanwhile was a 500, its text lost.
 */
describe.skipIf(!testEngines().includes("sqlite"))(
  "a SQLite database held by another writer",
  () => {
    let t: TestApp;
    let slug: string;
    beforeAll(async () => {
      t = await openTestApp("sqlite");
      // The comment limit on, as a site has it: its count is a write too, the first one made.
      await setSetting(t.ctx, "rateLimit.comments.max", "10");
      ({ slug } = await makeArticle(t.ctx));
    });
    afterAll(() => t.close());

    const post = (body: string, json: boolean) =>
      sendCommentForm(t.app, slug, commentForm({ body }), { json });

    it("gives the comment form back with the text kept, saves nothing, and takes it once free", async () => {
      const config = t.ctx.config.database;
      if (config.engine !== "sqlite") throw new Error("a SQLite test");
      const other = new Database(config.file);
      const before = await countComments(t.ctx);
      const notSaved = fr.problems.notSaved(5);
      try {
        other.exec("BEGIN IMMEDIATE");
        const page = await post("Un avis tapé pendant une importation.", false);
        expect(page.statusCode).toBe(503);
        expect(page.headers["retry-after"]).toBe("5");
        expect(page.headers["cache-control"]).toBe("private, no-store");
        expect(plain(page.body)).toContain(notSaved);
        expect(page.body).toContain("Un avis tapé pendant une importation.");

        const island = await post("Un autre avis, par l’îlot.", true);
        expect(island.statusCode).toBe(503);
        expect(island.json()).toMatchObject({
          code: "KIOSQUE_DATABASE_BUSY",
          errors: { body: notSaved },
        });
      } finally {
        other.exec("ROLLBACK");
        other.close();
      }
      expect(await countComments(t.ctx)).toBe(before);
      expect((await post("Un avis tapé pendant une importation.", false)).statusCode).toBe(303);
      expect(await countComments(t.ctx)).toBe(before + 1);
    }, 30_000);
  },
);
