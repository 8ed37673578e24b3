import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { desk } from "../../src/modules/desk/index.js";
import { OPERATOR } from "../../src/modules/accounts/index.js";
import { comments, commenterData } from "../../src/modules/comments/index.js";
import { testEngines } from "../helpers/engines.js";
import { commentForm } from "../helpers/factories.js";
import { formBody } from "../helpers/http.js";
import { openGifSite, type GifSite } from "../helpers/gif-site.js";
import type { TestApp } from "../helpers/runtime.js";
import { getPage, postForm, signedIn } from "../helpers/staff.js";

/** Moderators see a comment's GIF in every queue and can take it away, keeping the text. */
describe.each(testEngines())("GIFs on the moderation desk on %s", (engine) => {
  let site: GifSite;
  let rt: TestApp;
  let slug: string;

  beforeAll(async () => {
    site = await openGifSite(engine);
    ({ rt, slug } = site);
  });
  afterAll(() => site?.close());

  async function postWithGif(gif: string, email?: string): Promise<number> {
    const res = await rt.app.inject({
      method: "POST",
      url: `/article/${slug}/commentaires`,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: formBody(
        commentForm({ body: `Avec un GIF ${gif}.`, gif, ...(email ? { email } : {}) }),
      ),
    });
    return Number(/#comment-(\d+)$/.exec(String(res.headers.location))?.[1]);
  }
  const blobs = async () =>
    rt.ctx.engine.toNumber(
      (
        await rt.ctx.db
          .selectFrom("media_blobs")
          .select((eb) => eb.fn.countAll().as("n"))
          .where("key", "like", "gifs/%")
          .executeTakeFirstOrThrow()
      ).n,
    );

  it("shows the GIF in the queue and removes it, text kept, journaled, page dropped", async () => {
    const id = await postWithGif("bravo1");
    const page = await desk.queue(rt.ctx, OPERATOR, { status: "approved" }, 1);
    const shown = page.comments.find((c) => c.id === id);
    expect(shown?.gif).toMatchObject({ width: 200, height: 150 });
    expect(shown?.gif?.title).toMatch(/Bravo/);
    const before = await blobs();
    const article = await rt.app.inject({ method: "GET", url: `/article/${slug}` });
    expect(article.body).toContain(String(shown?.gif?.src));

    expect(await desk.removeGif(rt.ctx, { ...OPERATOR, via: "cli:test" }, id)).toBe(true);
    expect(await blobs()).toBe(before - 2);
    const after = await rt.app.inject({ method: "GET", url: `/article/${slug}` });
    expect(after.body).not.toContain(String(shown?.gif?.src));
    expect(after.body).toContain(`Avec un GIF bravo1.`);
    const file = await rt.app.inject({ method: "GET", url: String(shown?.gif?.src) });
    expect(file.statusCode).toBe(404);
    const journal = await rt.ctx.db
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "comment.gif-remove")
      .execute();
    expect(journal).toHaveLength(1);
    // Twice: nothing left to remove, nothing journaled.
    expect(await desk.removeGif(rt.ctx, OPERATOR, id)).toBe(false);
  });

  it("shows the GIF on the desk page and removes it by its form, without and with JavaScript", async () => {
    const moderator = await signedIn(rt.app, rt.ctx, "moderator");
    const id = await postWithGif("merci2");
    const queue = await getPage(rt.app, "/admin/commentaires?statut=approved", moderator.cookie);
    expect(queue.statusCode).toBe(200);
    const card = queue.body.slice(queue.body.indexOf(`id="desk-comment-${id}"`));
    expect(card).toMatch(/<figure class="desk-gif"><img src="\/gifs\/media\/[^"]+still-/);
    expect(card).toMatch(/<button type="submit" name="action" value="removeGif"/);
    const back = "/admin/commentaires?statut=approved";
    const res = await postForm(rt.app, `/admin/commentaires/${id}/action`, moderator.cookie, {
      action: "removeGif",
      retour: back,
    });
    expect(res.statusCode).toBe(303);
    const after = await getPage(rt.app, back, moderator.cookie);
    const cardAfter = after.body.slice(after.body.indexOf(`id="desk-comment-${id}"`));
    expect(cardAfter.slice(0, cardAfter.indexOf("</article>"))).not.toContain("desk-gif");
    expect(cardAfter).toContain("Avec un GIF merci2.");

    const second = await postWithGif("chien4");
    const json = await rt.app.inject({
      method: "POST",
      url: `/admin/commentaires/${second}/action`,
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        accept: "application/json",
        cookie: moderator.cookie,
      },
      payload: formBody({ action: "removeGif", retour: back }),
    });
    expect(json.statusCode).toBe(200);
    expect(json.json()).toMatchObject({ ok: true, id: second, action: "removeGif", moved: [] });
  });

  it("lists the GIF's title for the command line", async () => {
    const id = await postWithGif("merci2");
    const rows = await comments.listForStaff(rt.ctx, undefined, 10);
    expect(rows.find((r) => r.id === id)?.gif_title).toMatch(/Merci beaucoup/);
  });

  it("takes a commenter's GIFs with their comments when they ask for erasure", async () => {
    // The fake's GIFs are one file, which the comment before shows too: shared, not copied
    // (gifs-shared.test.ts goes through the rule; erasing the last use deletes it).
    const before = await blobs();
    const id = await postWithGif("chien4", "efface.moi@example.net");
    expect(await blobs()).toBe(before);
    await commenterData.eraseByEmail(rt.ctx, "efface.moi@example.net", "test");
    const rows = await rt.ctx.db
      .selectFrom("comment_gifs")
      .select("comment_id")
      .where("comment_id", "=", id)
      .execute();
    expect(rows).toEqual([]);
    expect(await blobs()).toBe(before);
  });

  it("says on the desk that a comment has no GIF, and journals nothing", async () => {
    const moderator = await signedIn(rt.app, rt.ctx, "moderator");
    const id = await postWithGif("");
    const journaled = async () =>
      (
        await rt.ctx.db
          .selectFrom("audit_log")
          .select("id")
          .where("action", "=", "comment.gif-remove")
          .execute()
      ).length;
    const before = await journaled();
    const back = "/admin/commentaires?statut=approved";
    const res = await postForm(rt.app, `/admin/commentaires/${id}/action`, moderator.cookie, {
      action: "removeGif",
      retour: back,
    });
    expect(res.statusCode).toBe(303);
    const page = await getPage(rt.app, String(res.headers.location), moderator.cookie);
    expect(page.body).toContain("Ce commentaire n’a pas de GIF : rien n’a été retiré.");
    expect(page.body).not.toContain("GIF retiré");
    const json = await rt.app.inject({
      method: "POST",
      url: `/admin/commentaires/${id}/action`,
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        accept: "application/json",
        cookie: moderator.cookie,
      },
      payload: formBody({ action: "removeGif", retour: back }),
    });
    expect(json.json()).toMatchObject({
      ok: true,
      message: "Ce commentaire n’a pas de GIF : rien n’a été retiré.",
    });
    expect(await journaled()).toBe(before);
  });
});
