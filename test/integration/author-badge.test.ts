import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { desk } from "../../src/modules/desk/index.js";
import { setSetting } from "../../src/modules/settings/index.js";
import { testEngines } from "../helpers/engines.js";
import { commentForm, makeArticle } from "../helpers/factories.js";
import { formBody } from "../helpers/http.js";
import { openTestApp, type TestApp } from "../helpers/runtime.js";
import { makeStaff } from "../helpers/staff.js";

/** Issue 14: staff replying under their own article are badged as its author. */
describe.each(testEngines())("the author's badge on %s", (engine) => {
  let rt: TestApp;
  let slug: string;
  let authorReply: number;
  let newsroomReply: number;

  beforeAll(async () => {
    rt = await openTestApp(engine);
    const writer = await makeStaff(rt.ctx, "admin", "Amina Benali");
    const moderator = await makeStaff(rt.ctx, "moderator", "Mona Modère");
    const article = await makeArticle(rt.ctx, { authorId: writer.id });
    slug = article.slug;
    const posted = await rt.app.inject({
      method: "POST",
      url: `/article/${slug}/commentaires`,
      headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
      payload: formBody(commentForm({ body: "Une question pour l’autrice." })),
    });
    const parent = posted.json<{ id: number }>().id;
    const as = (m: { id: number; email: string }, role: "admin" | "moderator", name: string) => ({
      id: m.id,
      role,
      name,
      email: m.email,
    });
    authorReply = (
      await desk.reply(rt.ctx, as(writer, "admin", "Amina Benali"), parent, {
        body: "Merci, je précise.",
      })
    ).id;
    newsroomReply = (
      await desk.reply(rt.ctx, as(moderator, "moderator", "Mona Modère"), parent, {
        body: "La rédaction confirme.",
      })
    ).id;
  });
  afterAll(() => rt.close());

  /** The badge shown in a comment's header on the article page. */
  const badgeOf = (html: string, id: number) => {
    const start = html.indexOf(`<li id="comment-${id}"`);
    expect(start, `comment ${id}`).toBeGreaterThan(-1);
    const header = html.slice(start, html.indexOf("</header>", start));
    return /<span class="(staff-badge[^"]*)">([^<]*)<\/span>/.exec(header)?.slice(1) ?? [];
  };

  it("shows « Auteur » on a byline's reply and « Rédaction » on another staff member's", async () => {
    const page = await rt.app.inject({ url: `/article/${slug}` });
    expect(page.statusCode).toBe(200);
    expect(badgeOf(page.body, authorReply)).toEqual(["staff-badge author-badge", "Auteur"]);
    expect(badgeOf(page.body, newsroomReply)).toEqual(["staff-badge", "Rédaction"]);
  });

  it("says it in the site’s language", async () => {
    await setSetting(rt.ctx, "site.locale", "en");
    try {
      const page = await rt.app.inject({ url: `/article/${slug}` });
      expect(badgeOf(page.body, authorReply)).toEqual(["staff-badge author-badge", "Author"]);
      expect(badgeOf(page.body, newsroomReply)).toEqual(["staff-badge", "Newsroom"]);
    } finally {
      await setSetting(rt.ctx, "site.locale", "fr");
    }
  });
});
