import { sql } from "kysely";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { BytesRemain } from "../../src/lib/bytes-remain.js";
import { setSetting } from "../../src/modules/settings/index.js";
import { messages } from "../../src/web/i18n/index.js";
import { testEngines } from "../helpers/engines.js";
import { commentForm, countComments, makeArticle, sendCommentForm } from "../helpers/factories.js";
import { openTestApp, type TestApp } from "../helpers/runtime.js";

const fr = messages("fr");
/** Readers' pages set French typography's no-break spaces before ":" and the like. */
const plain = (html: string) => html.replace(/[\u00a0\u202f]/g, " ");

/** engines/postgres.ts: the migrations' advisory lock, and how many connections a process pools. */
const MIGRATION_LOCK_KEY = 0x6b696f73;
const POOL_SIZE = 10;
/** Longer than the site waits for a lock (5 s): without that wait, a write waited for this. */
const HELD_MS = 15_000;

/**
 * Another session holding a lock the site's statements need, past the site's wait: a `LOCK TABLE`
 * in psql, a `VACUUM FULL` (which the README suggests), a long transaction. Writes waited for it
 * without end, each on a pooled connection, until the pool had none left and every request
 * failed as a 500 after 10 s, search and feeds included, the typed comment lost.
 */
describe.runIf(testEngines().includes("postgres"))(
  "a PostgreSQL database locked by another session",
  () => {
    let t: TestApp;
    let slug: string;
    let other: pg.Client;
    beforeAll(async () => {
      t = await openTestApp("postgres");
      // The comment limit on, as a site has it: its count is a write too, the first one made.
      await setSetting(t.ctx, "rateLimit.comments.max", "10");
      ({ slug } = await makeArticle(t.ctx));
      const config = t.ctx.config.database;
      if (config.engine !== "postgres") throw new Error("a PostgreSQL test");
      other = new pg.Client({ connectionString: config.url });
      await other.connect();
    });
    afterEach(async () => {
      await other.query("rollback");
      await other.query("select pg_advisory_unlock_all()");
    });
    afterAll(async () => {
      await other.end();
      await t.close();
    });

    const post = (body: string, json: boolean) =>
      sendCommentForm(t.app, slug, commentForm({ body }), { json });

    it("gives a comment waiting past its lock wait back with the text kept, and serves reads meanwhile", async () => {
      const before = await countComments(t.ctx);
      await other.query("begin");
      await other.query("lock table comments in exclusive mode");
      const release = setTimeout(() => void other.query("commit"), HELD_MS);
      try {
        const started = performance.now();
        const [page, island, article] = await Promise.all([
          post("Un avis tapé pendant un VACUUM FULL.", false),
          post("Un autre avis, par l’îlot.", true),
          t.app.inject({ url: `/article/${slug}` }),
        ]);
        expect(article.statusCode).toBe(200);
        const notSaved = fr.problems.notSaved(5);
        expect(page.statusCode).toBe(503);
        expect(page.headers["retry-after"]).toBe("5");
        expect(plain(page.body)).toContain(notSaved);
        expect(page.body).toContain("Un avis tapé pendant un VACUUM FULL.");
        expect(island.statusCode).toBe(503);
        expect(island.json()).toMatchObject({
          code: "KIOSQUE_DATABASE_BUSY",
          errors: { body: notSaved },
        });
        expect(performance.now() - started).toBeLessThan(HELD_MS - 3000);
      } finally {
        clearTimeout(release);
        await other.query("rollback");
      }
      expect(await countComments(t.ctx)).toBe(before);
      expect((await post("Un avis tapé pendant un VACUUM FULL.", false)).statusCode).toBe(303);
      expect(await countComments(t.ctx)).toBe(before + 1);
    }, 60_000);

    it("answers 503 (busy), not 500, when every pooled connection stays taken", async () => {
      // A page never rendered, so no cache has it.
      const { slug: unseen } = await makeArticle(t.ctx);
      // What requests waiting for locks do to the pool: every connection held.
      let free = () => {};
      const held = new Promise<void>((resolve) => (free = resolve));
      let taken = 0;
      const holders = Array.from({ length: POOL_SIZE }, () =>
        t.storage.db.connection().execute(async () => {
          taken++;
          await held;
        }),
      );
      try {
        await expect.poll(() => taken, { timeout: 10_000 }).toBe(POOL_SIZE);
        // The page, and a search by a script.
        const [page, search] = await Promise.all([
          t.app.inject({ url: `/article/${unseen}` }),
          t.app.inject({ url: "/recherche?q=vacuum", headers: { accept: "application/json" } }),
        ]);
        expect(page.statusCode).toBe(503);
        expect(page.headers["retry-after"]).toBe("5");
        expect(search.statusCode).toBe(503);
        expect(search.json()).toMatchObject({ code: "KIOSQUE_DATABASE_BUSY" });
      } finally {
        free();
        await Promise.all(holders);
      }
      expect((await t.app.inject({ url: "/recherche?q=vacuum" })).statusCode).toBe(200);
    }, 60_000);

    it("answers a page whose tables are locked whole with 503, in words for a read", async () => {
      await other.query("begin");
      // What a VACUUM FULL takes: no read of those tables either.
      await other.query(
        "lock table articles, search_documents, search_terms in access exclusive mode",
      );
      const release = setTimeout(() => void other.query("commit"), HELD_MS);
      let page;
      try {
        page = await t.app.inject({ url: "/recherche?q=verrou" });
      } finally {
        clearTimeout(release);
        await other.query("rollback");
      }
      expect(page.statusCode).toBe(503);
      expect(page.headers["retry-after"]).toBe("5");
      const words = fr.errors.databaseBusyRead;
      expect(plain(page.body)).toContain(words.text);
      expect(plain(page.body)).not.toContain(fr.errors.databaseBusy.text);
    }, 60_000);

    it("lets an instance starting while another migrates wait for it past the lock wait", async () => {
      await other.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
      const release = setTimeout(
        () => void other.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]),
        7000,
      );
      try {
        await expect(t.storage.engine.exclusively(async () => "migrated")).resolves.toBe(
          "migrated",
        );
      } finally {
        clearTimeout(release);
      }
      // Its connection, the pool's most recent, went back with the requests' wait.
      const { rows } = await sql<{ lock_timeout: string }>`show lock_timeout`.execute(t.storage.db);
      expect(rows[0]?.lock_timeout).toBe("5s");
    }, 60_000);

    it("lets a backup's read wait for a table locked whole, as long as it is held", async () => {
      await other.query("begin");
      await other.query("lock table comments in access exclusive mode");
      const release = setTimeout(() => void other.query("commit"), 7000);
      try {
        const read = t.storage.engine.snapshot(async (db) =>
          db.selectFrom("comments").select("id").execute(),
        );
        await expect(read).resolves.toBeInstanceOf(Array);
      } finally {
        clearTimeout(release);
      }
    }, 60_000);

    it("says what an erasure's VACUUM could not remove while a long transaction reads, as BytesRemain", async () => {
      await sql`insert into change_log (tags, created_at) values ('["erased"]', now()::text)`.execute(
        t.storage.db,
      );
      // A snapshot taken before the deletion commits: it may still read the deleted row.
      await other.query("begin isolation level repeatable read");
      await other.query("select count(*) from change_log");
      await sql`delete from change_log where tags = '["erased"]'`.execute(t.storage.db);
      const refused = await t.storage.engine.forgetDeleted(["change_log", "ip_salts"]).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(refused).toBeInstanceOf(BytesRemain);
      // What is left to do, the tables not reached yet included.
      expect((refused as Error).message).toContain(
        'run "VACUUM change_log, ip_salts" once it ends',
      );
      await other.query("commit");
      await expect(t.storage.engine.forgetDeleted(["change_log"])).resolves.toBeUndefined();
    }, 60_000);

    it("says so too when another session locks the table past the lock wait", async () => {
      await other.query("begin");
      await other.query("lock table change_log in exclusive mode");
      const release = setTimeout(() => void other.query("commit"), HELD_MS);
      try {
        const refused = await t.storage.engine.forgetDeleted(["change_log"]).then(
          () => undefined,
          (error: unknown) => error,
        );
        expect(refused).toBeInstanceOf(BytesRemain);
        expect((refused as Error).message).toContain("another session locks it");
      } finally {
        clearTimeout(release);
      }
    }, 60_000);
  },
);
