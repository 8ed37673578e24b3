import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OPERATOR } from "../../src/modules/accounts/index.js";
import { commenterData } from "../../src/modules/comments/index.js";
import { desk } from "../../src/modules/desk/index.js";
import { gifs } from "../../src/modules/gifs/index.js";
import { testEngines } from "../helpers/engines.js";
import { commentForm } from "../helpers/factories.js";
import type { FakeGifProvider } from "../helpers/fake-gif-provider.js";
import { formBody } from "../helpers/http.js";
import { openGifSite, type GifSite } from "../helpers/gif-site.js";
import type { TestApp } from "../helpers/runtime.js";

/**
 * A kept GIF is stored once per content, whichever comments show it: a spammer posting one GIF a
 * hundred times stores it once, and a file goes only with the last comment that shows it.
 * Every "ok" GIF of the fake provider is the same WebP: two ids, one file.
 */
describe.each(testEngines())("GIF files shared by comments on %s", (engine) => {
  let site: GifSite;
  let rt: TestApp;
  let fake: FakeGifProvider;
  let slug: string;
  let n = 0;

  beforeAll(async () => {
    site = await openGifSite(engine, { "rateLimit.comments.max": 0 });
    ({ rt, fake, slug } = site);
  });
  afterAll(() => site?.close());

  async function postWith(gif: string, email?: string): Promise<number> {
    const res = await rt.app.inject({
      method: "POST",
      url: `/article/${slug}/commentaires`,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: formBody(
        commentForm({ body: `GIF n° ${++n} : ${gif}.`, gif, ...(email ? { email } : {}) }),
      ),
    });
    expect(res.statusCode).toBe(303);
    return Number(/#comment-(\d+)$/.exec(String(res.headers.location))?.[1]);
  }
  const keysOf = async (id: number) =>
    rt.ctx.db
      .selectFrom("comment_gifs")
      .select(["media_key", "still_key"])
      .where("comment_id", "=", id)
      .executeTakeFirst();
  const blobs = async () =>
    (
      await rt.ctx.db
        .selectFrom("media_blobs")
        .select("key")
        .where("key", "like", "gifs/%")
        .orderBy("key")
        .execute()
    ).map((r) => r.key);
  const served = async (key: string) =>
    (await rt.app.inject({ method: "GET", url: `/gifs/media/${key.slice("gifs/".length)}` }))
      .statusCode;
  const removeAll = async (ids: readonly number[]) => {
    for (const id of ids) await desk.removeGif(rt.ctx, OPERATOR, id);
  };

  it("stores one file and one still for two comments with the same GIF, and drops them with the last", async () => {
    const first = await postWith("bravo1");
    const second = await postWith("merci2");
    const a = await keysOf(first);
    const b = await keysOf(second);
    expect(a?.media_key).toBeTruthy();
    expect(b).toEqual(a);
    expect(await blobs()).toEqual([a?.media_key, a?.still_key].sort());

    expect(await desk.removeGif(rt.ctx, OPERATOR, first)).toBe(true);
    // The other comment still shows it, both files.
    expect(await blobs()).toHaveLength(2);
    expect(await served(String(b?.media_key))).toBe(200);
    expect(await served(String(b?.still_key))).toBe(200);

    expect(await desk.removeGif(rt.ctx, OPERATOR, second)).toBe(true);
    expect(await blobs()).toEqual([]);
    expect(await served(String(b?.media_key))).toBe(404);
  });

  it("erases a commenter's GIF, and its file only when no one else's comment shows it", async () => {
    const others = await postWith("chien4", "quelqu.un@example.net");
    const erased = await postWith("bravo1", "efface.moi@example.net");
    const kept = await keysOf(others);
    await commenterData.eraseByEmail(rt.ctx, "efface.moi@example.net", "test");
    expect(await keysOf(erased)).toBeUndefined();
    expect(await served(String(kept?.media_key))).toBe(200);

    const alone = await postWith("merci2", "efface.moi.aussi@example.net");
    await removeAll([others]);
    expect(await blobs()).toHaveLength(2);
    await commenterData.eraseByEmail(rt.ctx, "efface.moi.aussi@example.net", "test");
    expect(await keysOf(alone)).toBeUndefined();
    expect(await blobs()).toEqual([]);
  });

  it("keeps serving and removing GIFs kept before, each in a folder of its own", async () => {
    const id = await postWith("bravo1");
    const now = await keysOf(id);
    // What attach wrote before files were shared: a random folder per comment.
    const folder = "AbCdEfGhIjKlMnOp";
    const media = String(now?.media_key).replace(/^gifs\/[^/]+\//, `gifs/${folder}/`);
    const still = String(now?.still_key).replace(/^gifs\/[^/]+\//, `gifs/${folder}/`);
    const old = await postWith("merci2");
    await rt.ctx.write(async (tx) => {
      await tx.db.deleteFrom("comment_gifs").where("comment_id", "=", old).execute();
      await tx.db
        .insertInto("media_blobs")
        .values([
          { key: media, type: "image/webp", bytes: fake.webp },
          { key: still, type: "image/webp", bytes: fake.webp },
        ])
        .execute();
      await tx.db
        .insertInto("comment_gifs")
        .values({
          comment_id: old,
          provider: "giphy",
          gif_id: "merci2",
          title: "Merci beaucoup",
          width: 200,
          height: 150,
          media_key: media,
          media_type: "image/webp",
          still_key: still,
          bytes: fake.webp.length,
          kept_at: new Date().toISOString(),
        })
        .execute();
    });
    expect(await served(media)).toBe(200);
    await removeAll([old]);
    expect(await served(media)).toBe(404);
    expect(await served(String(now?.media_key))).toBe(200);
    await removeAll([id]);
    expect(await blobs()).toEqual([]);
  });

  it("posts the same GIF twice at once: one file, both shown", async () => {
    const ids = await Promise.all([postWith("bravo1"), postWith("chien4"), postWith("merci2")]);
    const keys = await Promise.all(ids.map(keysOf));
    expect(new Set(keys.map((k) => k?.media_key)).size).toBe(1);
    expect(await blobs()).toHaveLength(2);
    for (const k of keys) expect(await served(String(k?.media_key))).toBe(200);
    await removeAll(ids);
    expect(await blobs()).toEqual([]);
  });

  it("keeps the file of a post attaching it while its last other use is removed", async () => {
    const first = await postWith("bravo1");
    const keys = await keysOf(first);
    const still = (await rt.ctx.db
      .selectFrom("media_blobs")
      .select("bytes")
      .where("key", "=", String(keys?.still_key))
      .executeTakeFirstOrThrow())!.bytes;
    // The comment the post's transaction gives the same GIF to, as comments/store.ts does.
    const second = await postWith("");
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let attached = () => {};
    const written = new Promise<void>((resolve) => (attached = resolve));
    const posting = rt.ctx.write(async (tx) => {
      await gifs.attach(tx, second, {
        provider: "giphy",
        gifId: "merci2",
        title: "Merci beaucoup",
        width: 200,
        height: 150,
        bytes: fake.webp,
        ext: "webp",
        still: Buffer.from(still),
      });
      attached();
      await held;
    });
    await written;
    // The removal starts while the post's transaction is open: on PostgreSQL it waits for the
    // file's row, which the post holds; SQLite runs it after the post, one writer at a time.
    const removing = desk.removeGif(rt.ctx, OPERATOR, first);
    if (rt.ctx.engine.name === "postgres") await waitForALockWait();
    else await new Promise((r) => setTimeout(r, 50));
    release();
    await posting;
    expect(await removing).toBe(true);
    expect(await keysOf(second)).toEqual(keys);
    expect(await served(String(keys?.media_key))).toBe(200);
    expect(await served(String(keys?.still_key))).toBe(200);
    await removeAll([second]);
    expect(await blobs()).toEqual([]);
  });

  /** Until a statement of this database waits for a lock (the removal, on the post's file). */
  async function waitForALockWait(): Promise<void> {
    for (let i = 0; i < 200; i++) {
      const { rows } = await sql<{ n: string }>`select count(*) as n from pg_stat_activity
        where datname = current_database() and wait_event_type = 'Lock'`.execute(rt.ctx.db);
      if (Number(rows[0]?.n) > 0) return;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error("the removal never waited for the post");
  }
});
