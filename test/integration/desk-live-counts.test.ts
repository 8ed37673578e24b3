import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Forbidden } from "../../src/lib/errors.js";
import { MENU_COUNT_CAP } from "../../src/modules/comments/queue.js";
import { desk } from "../../src/modules/desk/index.js";
import { fr } from "../../src/web/i18n/fr.js";
import { seedComments } from "../helpers/desk.js";
import { testEngines } from "../helpers/engines.js";
import { makeArticle } from "../helpers/factories.js";
import { decodeEntities, startTags } from "../helpers/http.js";
import { openTestApp, type TestApp } from "../helpers/runtime.js";
import { getPage, signedIn, type StaffMember } from "../helpers/staff.js";

/**
 * The newsroom menu's desk counts: right in every page's HTML (no JavaScript needed), and as
 * JSON for the island that keeps them current, from any instance, never cached.
 */
describe.each(testEngines())("the menu's live desk counts on %s", (engine) => {
  let rt: TestApp;
  let moderator: StaffMember;

  beforeAll(async () => {
    rt = await openTestApp(engine);
    moderator = await signedIn(rt.app, rt.ctx, "moderator");
  });
  afterAll(() => rt.close());

  const counts = () =>
    rt.app.inject({
      url: "/admin/commentaires/compteurs",
      headers: { cookie: moderator.cookie, accept: "application/json" },
    });

  const menuEntry = (html: string) =>
    startTags(html).find((t) => t.name === "a" && t.attrs.has("data-live-counts"));

  it("says the pending and spam counts in the menu at load, and the same words as JSON", async () => {
    const empty = await counts();
    expect(empty.statusCode).toBe(200);
    expect(empty.headers["cache-control"]).toBe("private, no-store");
    expect(empty.json()).toEqual({
      ok: true,
      label: fr.desk.menu,
      counts: { pending: { n: 0, capped: false }, spam: { n: 0, capped: false } },
    });

    const article = await makeArticle(rt.ctx);
    await seedComments(rt.ctx, article.id, 3);
    await seedComments(rt.ctx, article.id, 1, { status: "spam" });
    const label = fr.desk.menuWithCounts([fr.desk.menuPending("3"), fr.desk.menuSpam("1", true)]);
    expect((await counts()).json()).toMatchObject({ ok: true, label });

    // Without JavaScript the page itself says it, on every newsroom page.
    const page = await getPage(rt.app, "/admin", moderator.cookie);
    const entry = menuEntry(page.body);
    expect(entry?.attrs.get("data-live-counts")).toBe("/admin/commentaires/compteurs");
    expect(decodeEntities(page.body)).toContain(`>${label}</a>`);
    expect(page.body).toMatch(/<script type="module" src="\/assets\/live-counts\.js\?v=/);
  });

  it("stops counting at 999 in the menu (the desk's own tabs count on)", async () => {
    const article = await makeArticle(rt.ctx);
    await seedComments(rt.ctx, article.id, MENU_COUNT_CAP + 5);
    const json = (await counts()).json() as { counts: { pending: { n: number; capped: boolean } } };
    expect(json.counts.pending).toEqual({ n: MENU_COUNT_CAP, capped: true });
    const queue = await desk.queue(
      rt.ctx,
      { id: moderator.id, role: "moderator" },
      { status: "pending" },
      1,
    );
    expect(queue.counts.pending.n).toBeGreaterThan(MENU_COUNT_CAP);
  });

  it("is for people who moderate: others get neither the island nor the counts", async () => {
    const author = await signedIn(rt.app, rt.ctx, "author");
    const page = await getPage(rt.app, "/admin", author.cookie);
    expect(menuEntry(page.body)).toBeUndefined();
    expect(page.body).not.toContain("/assets/live-counts.js");
    const refused = await rt.app.inject({
      url: "/admin/commentaires/compteurs",
      headers: { cookie: author.cookie, accept: "application/json" },
    });
    expect(refused.statusCode).toBe(403);
    const nobody = await rt.app.inject({
      url: "/admin/commentaires/compteurs",
      headers: { accept: "application/json" },
    });
    expect(nobody.statusCode).toBe(401);
    expect(nobody.json()).toMatchObject({ ok: false });
    await expect(desk.menuCounts(rt.ctx, { id: author.id, role: "author" })).rejects.toBeInstanceOf(
      Forbidden,
    );
  });
});
