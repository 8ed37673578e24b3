import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../../src/modules/accounts/index.js";
import { fr } from "../../src/web/i18n/fr.js";
import { testEngines } from "../helpers/engines.js";
import { journal, seedComments, statusOf } from "../helpers/desk.js";
import { makeArticle } from "../helpers/factories.js";
import { formBody, inputValue, textareaValue } from "../helpers/http.js";
import { openTestApp, type TestApp } from "../helpers/runtime.js";
import { getPage, postForm, signedIn, type StaffMember } from "../helpers/staff.js";

type Method = "GET" | "POST";

interface DeskRoute {
  method: Method;
  /** `:id` stands for a comment's id, `:ban` for a ban's. */
  url: string;
  /** Roles the route refuses (403). */
  refuses: readonly Role[];
  fields?: Record<string, string>;
}

const NOT_MODERATING: readonly Role[] = ["author"];
const NOT_ADMIN: readonly Role[] = ["editor", "author", "moderator"];

/** Every route of the desk and the journal, with the roles it must refuse. */
const ROUTES: readonly DeskRoute[] = [
  { method: "GET", url: "/admin/commentaires", refuses: NOT_MODERATING },
  { method: "GET", url: "/admin/commentaires?statut=spam&q=x", refuses: NOT_MODERATING },
  { method: "GET", url: "/admin/commentaires/compteurs", refuses: NOT_MODERATING },
  {
    method: "POST",
    url: "/admin/commentaires/:id/action",
    refuses: NOT_MODERATING,
    fields: { action: "approve" },
  },
  {
    method: "POST",
    url: "/admin/commentaires/lot",
    refuses: NOT_MODERATING,
    fields: { action: "trash", ids: ":id" },
  },
  { method: "GET", url: "/admin/commentaires/:id/modifier", refuses: NOT_MODERATING },
  {
    method: "POST",
    url: "/admin/commentaires/:id/modifier",
    refuses: NOT_MODERATING,
    fields: { name: "X", website: "", body: "Changé." },
  },
  { method: "GET", url: "/admin/commentaires/:id/repondre", refuses: NOT_MODERATING },
  {
    method: "POST",
    url: "/admin/commentaires/:id/repondre",
    refuses: NOT_MODERATING,
    fields: { body: "Réponse." },
  },
  { method: "GET", url: "/admin/commentaires/bannissements", refuses: NOT_MODERATING },
  {
    method: "GET",
    url: "/admin/commentaires/bannissements/nouveau?commentaire=:id",
    refuses: NOT_MODERATING,
  },
  {
    method: "POST",
    url: "/admin/commentaires/bannissements",
    refuses: NOT_MODERATING,
    fields: { kind: "email", email: "x@example.org", mode: "hold", days: "7" },
  },
  { method: "POST", url: "/admin/commentaires/bannissements/:ban/lever", refuses: NOT_MODERATING },
  { method: "GET", url: "/admin/journal", refuses: NOT_ADMIN },
];

const ROLES: readonly Role[] = ["admin", "editor", "author", "moderator"];

describe.each(testEngines())("moderation desk over HTTP on %s", (engine) => {
  let rt: TestApp;
  let article: { id: number; slug: string };
  let target: number;
  let banId: number;
  const members = {} as Record<Role, StaffMember>;

  beforeAll(async () => {
    rt = await openTestApp(engine);
    for (const role of ROLES) members[role] = await signedIn(rt.app, rt.ctx, role);
    article = await makeArticle(rt.ctx);
    target = (await seedComments(rt.ctx, article.id, 1))[0]!;
    banId = await rt.ctx.db
      .insertInto("bans")
      .values({
        kind: "email",
        value_hash: "not-a-real-hash",
        mode: "hold",
        reason: "",
        comment_id: null,
        created_by: members.admin.id,
        created_at: rt.clock.now().toISOString(),
        expires_at: new Date(rt.clock.now().getTime() + 86_400_000).toISOString(),
        lifted_at: null,
        lifted_by: null,
      })
      .returning("id")
      .executeTakeFirstOrThrow()
      .then((r) => r.id);
  });
  afterAll(() => rt.close());

  const urlOf = (url: string) =>
    url.replaceAll(":id", String(target)).replaceAll(":ban", String(banId));

  function send(route: DeskRoute, headers: Record<string, string>) {
    const fields = Object.fromEntries(
      Object.entries(route.fields ?? {}).map(([k, v]) => [k, urlOf(v)]),
    );
    return rt.app.inject({
      method: route.method,
      url: urlOf(route.url),
      headers: {
        ...headers,
        ...(route.method === "POST" ? { "content-type": "application/x-www-form-urlencoded" } : {}),
      },
      ...(route.method === "POST" ? { payload: formBody(fields) } : {}),
    });
  }

  /** What a refused request must leave untouched. */
  const snapshot = async () => ({
    comments: await rt.ctx.db.selectFrom("comments").selectAll().orderBy("id").execute(),
    bans: await rt.ctx.db.selectFrom("bans").selectAll().orderBy("id").execute(),
    journal: (await journal(rt.ctx)).length,
  });

  const refusals = ROUTES.flatMap((route) => route.refuses.map((role) => ({ route, role })));

  it.each(
    refusals.map(({ route, role }) => [`${route.method} ${route.url}`, role, route] as const),
  )("%s refuses the %s with 403 and changes nothing", async (_name, role, route) => {
    const before = await snapshot();
    const res = await send(route, { cookie: members[role].cookie });
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain(fr.errors.forbidden.title);
    const json = await send(route, { cookie: members[role].cookie, accept: "application/json" });
    expect(json.json()).toMatchObject({ code: "KIOSQUE_FORBIDDEN" });
    expect(await snapshot()).toEqual(before);
  });

  it.each(ROUTES.map((route) => [`${route.method} ${route.url}`, route] as const))(
    "%s sends a browser without a session to the sign-in form",
    async (_name, route) => {
      const before = await snapshot();
      const res = await send(route, {});
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toMatch(/^\/admin\/connexion/);
      expect(await snapshot()).toEqual(before);
    },
  );

  it.each(ROUTES.filter((r) => r.method === "POST").map((route) => [route.url, route] as const))(
    "POST %s is refused from another site, even for an admin",
    async (_name, route) => {
      const before = await snapshot();
      const res = await send(route, {
        cookie: members.admin.cookie,
        "sec-fetch-site": "cross-site",
      });
      expect(res.statusCode).toBe(403);
      expect(await snapshot()).toEqual(before);
    },
  );

  it("opens every page to the roles it does not refuse", async () => {
    for (const route of ROUTES.filter((r) => r.method === "GET"))
      for (const role of ROLES.filter((r) => !route.refuses.includes(r))) {
        const res = await send(route, { cookie: members[role].cookie });
        expect(res.statusCode, `${route.url} as ${role}`).toBe(200);
      }
  });

  it("keeps a moderator out of people, settings and articles (403), and shows the menu it may use", async () => {
    // Every other newsroom page is refused to a moderator: people, articles, images, settings.
    for (const url of [
      "/admin/personnes",
      "/admin/articles",
      "/admin/articles/nouveau",
      "/admin/medias",
      "/admin/rubriques",
      "/admin/reglages",
      "/admin/journal",
    ]) {
      const res = await getPage(rt.app, url, members.moderator.cookie);
      expect(res.statusCode, url).toBe(403);
    }
    expect((await getPage(rt.app, "/admin/personnes", members.moderator.cookie)).statusCode).toBe(
      403,
    );
    const home = await getPage(rt.app, "/admin", members.moderator.cookie);
    expect(home.body).toContain('href="/admin/commentaires?statut=pending"');
    expect(home.body).toMatch(/Commentaires \(\d+ en attente\)/);
    expect(home.body).not.toContain('href="/admin/journal"');
    expect(home.body).not.toContain('href="/admin/articles"');
    const adminHome = await getPage(rt.app, "/admin", members.admin.cookie);
    expect(adminHome.body).toContain('href="/admin/journal"');
    const authorHome = await getPage(rt.app, "/admin", members.author.cookie);
    expect(authorHome.body).not.toContain('href="/admin/commentaires');
  });

  it("answers an action without JavaScript with a 303 back to the queue, on the next comment", async () => {
    const own = await makeArticle(rt.ctx);
    const [a, b] = await seedComments(rt.ctx, own.id, 2);
    const back = `/admin/commentaires?statut=pending&article=${own.id}&page=1`;
    const res = await postForm(
      rt.app,
      `/admin/commentaires/${b}/action`,
      members.moderator.cookie,
      {
        action: "approve",
        retour: back,
        suivant: String(a),
      },
    );
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(
      `/admin/commentaires?statut=pending&article=${own.id}&page=1&fait=approve&n=1#desk-comment-${a}`,
    );
    const after = await getPage(rt.app, String(res.headers.location), members.moderator.cookie);
    expect(after.body).toContain(fr.desk.done.approve(1));
    expect(after.body).toContain(`id="desk-comment-${a}"`);
    expect(after.body).not.toContain(`id="desk-comment-${b}"`);
    // Another site, or another newsroom page, is never where a form goes back to.
    for (const retour of ["https://evil.example/", "//evil.example", "/admin/personnes"]) {
      const again = await postForm(
        rt.app,
        `/admin/commentaires/${a}/action`,
        members.moderator.cookie,
        {
          action: "spam",
          retour,
        },
      );
      expect(again.headers.location).toMatch(/^\/admin\/commentaires\?statut=pending&fait=spam/);
    }
  });

  it("answers the desk island in JSON, the refusals in the one error shape", async () => {
    const own = await makeArticle(rt.ctx);
    const [a] = await seedComments(rt.ctx, own.id, 1);
    const json = (url: string, fields: Record<string, string>) =>
      rt.app.inject({
        method: "POST",
        url,
        headers: {
          cookie: members.moderator.cookie,
          accept: "application/json",
          "content-type": "application/x-www-form-urlencoded",
        },
        payload: formBody(fields),
      });
    const ok = await json(`/admin/commentaires/${a}/action`, { action: "trash" });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({
      ok: true,
      id: a,
      action: "trash",
      moved: [{ id: a, from: "pending", to: "trash" }],
      message: fr.desk.done.trash(1),
    });
    const bad = await json(`/admin/commentaires/${a}/action`, { action: "explode" });
    expect(bad.statusCode).toBe(422);
    expect(bad.json()).toMatchObject({
      ok: false,
      code: "KIOSQUE_DESK_INVALID",
      errors: { action: expect.any(String) },
    });
    const gone = await json("/admin/commentaires/999999/action", { action: "approve" });
    expect(gone.statusCode).toBe(404);
    const reply = await json(`/admin/commentaires/${a}/repondre`, { body: "Bonjour." });
    expect(reply.json()).toMatchObject({
      code: "KIOSQUE_DESK_INVALID",
      errors: { body: fr.problems.notPublished },
    });
  });

  it("drops the reader's cached page when a comment is binned, replied to or featured", async () => {
    const own = await makeArticle(rt.ctx);
    const [a, b] = await seedComments(rt.ctx, own.id, 2, {
      status: "approved",
      body: (i) => ["Premier avis visible.", "Second avis visible."][i] ?? "",
    });
    const reader = () => rt.app.inject({ method: "GET", url: `/article/${own.slug}` });
    expect((await reader()).body).toContain("Premier avis visible.");
    // Twice: the second answer comes from the page cache.
    expect((await reader()).body).toContain("Premier avis visible.");
    await postForm(rt.app, `/admin/commentaires/${a}/action`, members.moderator.cookie, {
      action: "trash",
    });
    const afterTrash = (await reader()).body;
    expect(afterTrash).not.toContain("Premier avis visible.");
    expect(afterTrash).toContain(fr.commentCount("1", 1));
    const replied = await postForm(
      rt.app,
      `/admin/commentaires/${b}/repondre`,
      members.moderator.cookie,
      {
        body: "La rédaction vous répond.",
      },
    );
    expect(replied.statusCode).toBe(303);
    const withReply = (await reader()).body;
    expect(withReply).toContain("La rédaction vous répond.");
    expect(withReply).toContain(`<span class="staff-badge">${fr.comments.staffBadge}</span>`);
    await postForm(rt.app, `/admin/commentaires/${b}/action`, members.moderator.cookie, {
      action: "feature",
    });
    const featured = (await reader()).body;
    const block = featured.indexOf('class="featured-comments"');
    expect(block).toBeGreaterThan(0);
    expect(featured.indexOf("Second avis visible.")).toBeGreaterThan(block);
    // Featured: shown first, before the list of comments.
    expect(block).toBeLessThan(featured.indexOf('class="comment-list"'));
  });

  it("bulk-approves a whole filtered queue, and says when nothing was ticked", async () => {
    const own = await makeArticle(rt.ctx);
    const fromages = await seedComments(rt.ctx, own.id, 4, { body: (i) => `Camembert ${i}` });
    const others = await seedComments(rt.ctx, own.id, 2, { body: () => "Autre chose" });
    const back = `/admin/commentaires?statut=pending&article=${own.id}&q=camembert`;
    const page = await getPage(rt.app, back, members.moderator.cookie);
    const upTo = inputValue(page.body, "desk-bulk-upto");
    expect(upTo).toBe(String(fromages.at(-1)));
    const res = await postForm(rt.app, "/admin/commentaires/lot", members.moderator.cookie, {
      retour: back,
      action: "approve",
      portee: "queue",
      jusqua: upTo,
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toContain("fait=approve&n=4");
    for (const id of fromages) expect(await statusOf(rt.ctx, id)).toBe("approved");
    for (const id of others) expect(await statusOf(rt.ctx, id)).toBe("pending");
    const none = await postForm(rt.app, "/admin/commentaires/lot", members.moderator.cookie, {
      retour: back,
      action: "trash",
      portee: "selection",
    });
    expect(none.statusCode).toBe(422);
    expect(none.body).toContain(fr.desk.bulkNone);
    const picked = await postForm(rt.app, "/admin/commentaires/lot", members.moderator.cookie, {
      retour: back,
      action: "trash",
      ids: others.map(String),
    });
    expect(picked.headers.location).toContain("fait=trash&n=2");
  });

  it("shows each held comment's reason, and its author's address to staff only", async () => {
    const own = await makeArticle(rt.ctx);
    const [a] = await seedComments(rt.ctx, own.id, 1, { email: () => "privee@example.net" });
    await rt.ctx.db
      .insertInto("moderation_log")
      .values({
        comment_id: a!,
        actor: "pipeline",
        status: "pending",
        reasons: JSON.stringify([{ rule: "links", detail: "3 > 2" }, { rule: "first-comment" }]),
        created_at: rt.clock.now().toISOString(),
      })
      .execute();
    const page = await getPage(
      rt.app,
      `/admin/commentaires?statut=pending&q=%23${a}`,
      members.moderator.cookie,
    );
    expect(page.body).toContain("privee@example.net");
    expect(page.body).toContain(
      `${fr.desk.rules.links} (3 > 2) ; ${fr.desk.rules["first-comment"]}`,
    );
    expect(page.body).toContain(fr.desk.decidedBy(fr.desk.pipeline));
  });

  it("edits without JavaScript, and shows a refused edit again with what was typed", async () => {
    const own = await makeArticle(rt.ctx);
    const [a] = await seedComments(rt.ctx, own.id, 1, { body: () => "Version une." });
    const url = `/admin/commentaires/${a}/modifier`;
    const form = await getPage(
      rt.app,
      `${url}?retour=%2Fadmin%2Fcommentaires%3Fstatut%3Dpending`,
      members.editor.cookie,
    );
    expect(textareaValue(form.body, "edit-body")).toBe("Version une.");
    const refused = await postForm(rt.app, url, members.editor.cookie, {
      name: "",
      website: "pas un site",
      body: "Version deux.",
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain(fr.formErrors(2));
    expect(textareaValue(refused.body, "edit-body")).toBe("Version deux.");
    expect(inputValue(refused.body, "edit-website")).toBe("pas un site");
    const saved = await postForm(rt.app, url, members.editor.cookie, {
      name: "Nom",
      website: "",
      body: "Version deux.",
      retour: "/admin/commentaires?statut=pending",
    });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(
      `/admin/commentaires?statut=pending&fait=edit#desk-comment-${a}`,
    );
    const desk = await getPage(
      rt.app,
      `/admin/commentaires?statut=pending&q=%23${a}`,
      members.editor.cookie,
    );
    expect(desk.body).toContain("Version deux.");
    // The original, in the comment's history.
    expect(desk.body).toContain("Version une.");
  });

  it("refuses a search it cannot run with a message on the search field", async () => {
    const res = await getPage(
      rt.app,
      `/admin/commentaires?statut=pending&q=${"x".repeat(201)}`,
      members.moderator.cookie,
    );
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('id="desk-q-error"');
    expect(inputValue(res.body, "desk-q")).toBe("x".repeat(201));
    const bad = await getPage(rt.app, "/admin/commentaires?statut=nope", members.moderator.cookie);
    expect(bad.statusCode).toBe(400);
  });

  it("bans from a comment over HTTP, lists and lifts", async () => {
    const own = await makeArticle(rt.ctx);
    const [a] = await seedComments(rt.ctx, own.id, 1, { name: () => "Auteur Banni" });
    const form = await getPage(
      rt.app,
      `/admin/commentaires/bannissements/nouveau?commentaire=${a}`,
      members.moderator.cookie,
    );
    expect(form.body).toContain("Auteur Banni");
    // An imported comment has no client: that choice is off.
    expect(form.body).toMatch(/id="ban-kind-client"[^>]*disabled/);
    const refused = await postForm(
      rt.app,
      "/admin/commentaires/bannissements",
      members.moderator.cookie,
      {
        commentaire: String(a),
        kind: "client",
        mode: "hold",
        days: "7",
        reason: "Motif gardé",
      },
    );
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain(fr.problems.noClient);
    expect(inputValue(refused.body, "ban-reason")).toBe("Motif gardé");
    const made = await postForm(
      rt.app,
      "/admin/commentaires/bannissements",
      members.moderator.cookie,
      {
        commentaire: String(a),
        kind: "email",
        mode: "refuse",
        days: "30",
        reason: "Récidive",
      },
    );
    expect(made.statusCode).toBe(303);
    expect(made.headers.location).toBe("/admin/commentaires/bannissements?fait=ban");
    const list = await getPage(rt.app, String(made.headers.location), members.moderator.cookie);
    expect(list.body).toContain(fr.desk.done.ban);
    expect(list.body).toContain("Récidive");
    const id = Number(/id="ban-(\d+)"/.exec(list.body)?.[1]);
    const lifted = await postForm(
      rt.app,
      `/admin/commentaires/bannissements/${id}/lever`,
      members.moderator.cookie,
    );
    expect(lifted.headers.location).toBe("/admin/commentaires/bannissements?fait=lift");
  });

  it("lets an admin read and filter the journal", async () => {
    const page = await getPage(
      rt.app,
      `/admin/journal?personne=${members.moderator.id}&action=comment.approve`,
      members.admin.cookie,
    );
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`<td>${fr.desk.journal.actions["comment.approve"]}</td>`);
    expect(page.body).not.toContain(`<td>${fr.desk.journal.actions["comment.trash"]}</td>`);
    const bad = await getPage(rt.app, "/admin/journal?du=2026-13-01", members.admin.cookie);
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('id="journal-from-error"');
    // Too long for any day or id: the same form with a message per field, the values kept.
    const long = `2026-01-01${"9".repeat(300)}`;
    const tooLong = await getPage(
      rt.app,
      `/admin/journal?du=${long}&personne=${"1".repeat(40)}&action=${"x".repeat(500)}`,
      members.admin.cookie,
    );
    expect(tooLong.statusCode).toBe(422);
    expect(tooLong.body).toContain('id="journal-from-error"');
    expect(tooLong.body).toContain('id="journal-person-error"');
    expect(tooLong.body).toContain(`value="${long}"`);

    // The first and last days a date field gives are days like the others; the last one has
    // no next day, so a filter to it has no end. Year 0000 is no day: refused on its field.
    const approved = `<td>${fr.desk.journal.actions["comment.approve"]}</td>`;
    for (const query of ["au=9999-12-31", "au=9999-12-30", "du=0001-01-01&au=9999-12-31"]) {
      const page = await getPage(rt.app, `/admin/journal?${query}`, members.admin.cookie);
      expect(page.statusCode, query).toBe(200);
      expect(page.body, query).toContain(approved);
    }
    const yearZero = await getPage(
      rt.app,
      "/admin/journal?du=0000-01-01&au=9999-12-31",
      members.admin.cookie,
    );
    expect(yearZero.statusCode).toBe(422);
    expect(yearZero.body).toContain('id="journal-from-error"');
    expect(yearZero.body).not.toContain('id="journal-to-error"');
    expect(inputValue(yearZero.body, "journal-to")).toBe("9999-12-31");
  });
});
