import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import SQLite from "better-sqlite3";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStorage, type Engine } from "../../src/db/storage.js";
import { forgetClientAddresses } from "../../src/jobs/forget-client-addresses.js";
import type { Actor } from "../../src/modules/accounts/index.js";
import { commenterData, comments } from "../../src/modules/comments/index.js";
import { desk, deskBans } from "../../src/modules/desk/index.js";
import { gifs } from "../../src/modules/gifs/index.js";
import { setSetting } from "../../src/modules/settings/index.js";
import { testEngines } from "../helpers/engines.js";
import { commentForm, makeArticle } from "../helpers/factories.js";
import { openTestRuntime, T0, type TestRuntime } from "../helpers/runtime.js";
import { makeStaff } from "../helpers/staff.js";

const DAY_MS = 86_400_000;

/**
 * Where the engine keeps bytes a reader of its files could find. SQLite: the file and its WAL,
 * read raw (secure_delete zeroes what was deleted). PostgreSQL: every row version on the
 * table's pages, live or dead, read with pageinspect; VACUUM removes dead versions, but may
 * leave their bytes in a page's free space until it is reused (see decision 010), so raw pages
 * are not what it promises.
 */
function filesOf(engine: Engine, rt: TestRuntime) {
  if (engine === "sqlite") {
    const file = rt.ctx.config.database.engine === "sqlite" ? rt.ctx.config.database.file : "";
    const read = () =>
      Buffer.concat(
        [file, `${file}-wal`].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f)),
      );
    return { holds: async (_table: string, text: string) => read().includes(text) };
  }
  return {
    async holds(table: string, text: string) {
      await sql`create extension if not exists pageinspect`.execute(rt.ctx.db);
      const { rows } = await sql<{ n: number }>`select count(*)::int as n
        from generate_series(0, (pg_relation_size(${table}) / current_setting('block_size')::int) - 1) p,
          heap_page_items(get_raw_page(${table}, p::int)) t
        where t.t_data is not null and position(convert_to(${text}, 'UTF8') in t.t_data) > 0`.execute(
        rt.ctx.db,
      );
      return (rows[0]?.n ?? 0) > 0;
    },
  };
}

describe.each(testEngines())("erased data on %s's files", (engine) => {
  let rt: TestRuntime;
  let slug: string;
  let files: ReturnType<typeof filesOf>;
  let moderator: Actor;
  beforeAll(async () => {
    rt = await openTestRuntime(engine);
    slug = (await makeArticle(rt.ctx)).slug;
    await setSetting(rt.ctx, "comments.holdFirst", "false");
    files = filesOf(engine, rt);
    moderator = { id: (await makeStaff(rt.ctx, "moderator")).id, role: "moderator" };
  });
  afterAll(() => rt.close());

  const post = (form: Record<string, unknown>, ip = "198.51.100.40") =>
    comments.postComment(rt.ctx, { articleSlug: slug, form, ip }, []);

  it("holds no trace of an erased commenter's e-mail, name or text", async () => {
    const who = commentForm({
      email: "effacee.totalement@example.org",
      name: "Nom-A-Effacer",
      body: "Texte-A-Effacer, une phrase que rien d'autre ne contient.",
    });
    const mine = await post(who);
    // Answered by someone else: stays as an empty place, its bytes gone all the same.
    await post(commentForm({ parent: String(mine.comment.id) }));
    await post({ ...who, body: "Second-Texte-A-Effacer sans réponse." });
    // Many rows, so that the erased ones sit among others in shared pages.
    for (let i = 0; i < 30; i++) await post(commentForm());
    for (const text of [who.email, who.name, "Second-Texte-A-Effacer"])
      expect(await files.holds("comments", text), `${text} before`).toBe(true);

    const done = await commenterData.eraseByEmail(rt.ctx, who.email, "test");
    expect(done).toEqual({
      deleted: 1,
      blanked: 1,
      refusedForms: 0,
      bans: { deleted: 0, kept: [] },
    });
    for (const text of [who.email, who.name, "Texte-A-Effacer", "Second-Texte-A-Effacer"])
      expect(await files.holds("comments", text), `${text} after`).toBe(false);
  });

  it("holds nothing of what was kept with an erased comment: edits' originals, GIF, bans", async () => {
    const email = "bannie.effacee@example.org";
    const mine = await post(
      commentForm({ email, body: "Original-A-Effacer au 06 12 34 56 78." }),
      "198.51.100.41",
    );
    const id = mine.comment.id;
    await desk.edit(rt.ctx, moderator, id, { name: "Lectrice", website: "", body: "Modifié." });
    const gifBytes = "Octets-De-GIF-A-Effacer";
    await rt.ctx.write((tx) =>
      gifs.attach(tx, id, {
        ...{ provider: "giphy", gifId: "efface1", title: "Titre-De-GIF-A-Effacer" },
        ...{ width: 200, height: 150, ext: "webp", still: undefined },
        bytes: Buffer.from(gifBytes),
      }),
    );
    const ban = (fields: Record<string, string>) =>
      deskBans.createBan(rt.ctx, moderator, { mode: "hold", days: "30", ...fields });
    // In force: kept, without its note. Lifted: deleted, with the client's key it copied.
    await ban({ kind: "email", email, reason: "Motif-En-Cours nommant Bannie Effacée" });
    const lifted = await ban({ commentaire: String(id), kind: "client", reason: "Motif-Leve" });
    await deskBans.liftBan(rt.ctx, moderator, lifted);
    const { client_key: key } = await rt.ctx.db
      .selectFrom("bans")
      .select("value_hash as client_key")
      .where("id", "=", lifted)
      .executeTakeFirstOrThrow();
    for (const [table, text] of [
      ["comment_edits", "Original-A-Effacer"],
      ["media_blobs", gifBytes],
      ["comment_gifs", "Titre-De-GIF-A-Effacer"],
      ["bans", "Motif-En-Cours"],
      ["bans", "Motif-Leve"],
      ["bans", key],
      ["comments", key],
    ] as const)
      expect(await files.holds(table, text), `${table}: ${text} before`).toBe(true);

    const done = await commenterData.eraseByEmail(rt.ctx, email, "test");
    expect(done.bans).toMatchObject({ deleted: 1, kept: [expect.anything()] });
    for (const [table, text] of [
      ["comment_edits", "Original-A-Effacer"],
      ["media_blobs", gifBytes],
      ["comment_gifs", "Titre-De-GIF-A-Effacer"],
      ["bans", "Motif-En-Cours"],
      ["bans", "Motif-Leve"],
      ["bans", key],
      ["comments", key],
    ] as const)
      expect(await files.holds(table, text), `${table}: ${text} after`).toBe(false);
  });

  it("holds no ban 30 days after it ended", async () => {
    const id = await deskBans.createBan(rt.ctx, moderator, {
      ...{ kind: "email", email: "bannie.un.jour@example.org", mode: "refuse", days: "1" },
      reason: "Motif-D-Un-Ban-Fini",
    });
    expect(await files.holds("bans", "Motif-D-Un-Ban-Fini")).toBe(true);
    const now = rt.clock.now();
    try {
      rt.clock.set(new Date(now.getTime() + 32 * DAY_MS));
      expect((await forgetClientAddresses(rt.ctx)).bans).toBeGreaterThanOrEqual(1);
      const left = await rt.ctx.db.selectFrom("bans").select("id").where("id", "=", id).execute();
      expect(left).toEqual([]);
      expect(await files.holds("bans", "Motif-D-Un-Ban-Fini")).toBe(false);
    } finally {
      rt.clock.set(now);
    }
  });

  it("holds no forgotten address hash or client key, nor a past day's salt", async () => {
    rt.clock.set(new Date(T0.getTime() + 50 * DAY_MS));
    const posted = await post(commentForm(), "198.51.100.77");
    const row = await rt.ctx.db
      .selectFrom("comments")
      .select(["ip_hash", "client_key"])
      .where("id", "=", posted.comment.id)
      .executeTakeFirstOrThrow();
    const [salt] = await rt.ctx.db.selectFrom("ip_salts").select("salt").execute();
    const hash = row.ip_hash ?? "";
    const key = row.client_key ?? "";
    expect(hash).not.toBe("");
    expect(key).not.toBe("");
    expect(await files.holds("comments", hash)).toBe(true);
    expect(await files.holds("comments", key)).toBe(true);
    expect(await files.holds("ip_salts", salt?.salt ?? "")).toBe(true);

    // Past the retention period, and on another day: both go.
    const days = (await rt.ctx.settings())["privacy.ipRetentionDays"];
    rt.clock.set(new Date(rt.clock.now().getTime() + (days + 1) * DAY_MS));
    const done = await forgetClientAddresses(rt.ctx);
    expect(done.cleared).toBeGreaterThan(0);
    expect(done.salts).toBe(1);
    expect(await files.holds("comments", hash), "hash").toBe(false);
    expect(await files.holds("comments", key), "client key").toBe(false);
    expect(await files.holds("ip_salts", salt?.salt ?? ""), "salt").toBe(false);
  });
});

describe.skipIf(!testEngines().includes("sqlite"))("an erasure while another process reads", () => {
  it("waits for the reader to let go of the WAL, then empties it", async () => {
    const rt = await openTestRuntime("sqlite");
    try {
      const slug = (await makeArticle(rt.ctx)).slug;
      const email = "pendant.une.lecture@example.org";
      await comments.postComment(
        rt.ctx,
        { articleSlug: slug, form: commentForm({ email }), ip: undefined },
        [],
      );
      const file = rt.ctx.config.database.engine === "sqlite" ? rt.ctx.config.database.file : "";
      // Another connection (a backup's snapshot, the CLI) in the middle of a read: it pins the
      // WAL as it is, so the checkpoint cannot empty it until the read ends.
      const reader = new SQLite(file, { readonly: true });
      reader.prepare("begin").run();
      reader.prepare("select count(*) from comments").get();
      setTimeout(() => reader.prepare("rollback").run(), 500);
      try {
        await commenterData.eraseByEmail(rt.ctx, email, "test");
      } finally {
        reader.close();
      }
      const bytes = Buffer.concat(
        [file, `${file}-wal`].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f)),
      );
      expect(bytes.includes(email)).toBe(false);
    } finally {
      await rt.close();
    }
  });
});

describe("the SQLite database's files", () => {
  it("are readable by their owner only, the folder made for them too", async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "kiosque-modes-"));
    const file = path.join(root, "made", "here", "kiosque.sqlite");
    const storage = openStorage({ engine: "sqlite", file });
    try {
      await sql`create table t (x text)`.execute(storage.db);
      await sql`insert into t values ('y')`.execute(storage.db);
      for (const dir of [path.dirname(file), path.dirname(path.dirname(file))])
        expect((fs.statSync(dir).mode & 0o777).toString(8), dir).toBe("700");
      for (const f of [file, `${file}-wal`, `${file}-shm`])
        expect((fs.statSync(f).mode & 0o777).toString(8), f).toBe("600");
    } finally {
      await storage.close();
    }
    // A file made before this release, readable by all, is tightened when opened.
    fs.chmodSync(file, 0o644);
    const again = openStorage({ engine: "sqlite", file });
    try {
      expect((fs.statSync(file).mode & 0o777).toString(8)).toBe("600");
    } finally {
      await again.close();
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
