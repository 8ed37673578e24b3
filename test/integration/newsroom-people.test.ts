import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accounts } from "../../src/modules/accounts/index.js";
import { fr } from "../../src/web/i18n/fr.js";
import { testEngines } from "../helpers/engines.js";
import { cookieHeader, inputValue, setCookies } from "../helpers/http.js";
import { openTestApp, type TestApp } from "../helpers/runtime.js";
import { getPage, makeStaff, postForm, signInForm, signedIn } from "../helpers/staff.js";

const DAY = 86_400_000;

describe.each(testEngines())("newsroom people and invitations on %s", (engine) => {
  let rt: TestApp;
  beforeAll(async () => {
    rt = await openTestApp(engine);
  });
  afterAll(() => rt.close());

  /** Creates an invitation through the page; returns the link's path and the page. */
  async function invite(cookie: string, email: string, role = "author") {
    const res = await postForm(rt.app, "/admin/personnes/invitations", cookie, { email, role });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const link = inputValue(res.body, "invitation-link");
    return { res, link, path: new URL(link).pathname };
  }

  const accept = (path: string, fields: Record<string, string>, cookie = "") =>
    postForm(rt.app, path, cookie, fields, "203.0.113.99");

  it("lists people with role, second factor and state, never a password hash", async () => {
    const admin = await signedIn(rt.app, rt.ctx, "admin");
    const author = await makeStaff(rt.ctx, "author", "Zoé <b>Martin</b>");
    const page = await getPage(rt.app, "/admin/personnes", admin.cookie);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(author.email);
    expect(page.body).toContain("Zoé &lt;b>Martin&lt;/b>");
    expect(page.body).not.toContain("$argon2");
    expect(page.body).toContain(fr.newsroom.peoplePage.active);
    expect(page.body).toContain('href="/admin/personnes"');
    // Every person's row has its role form and its state button.
    expect(page.body).toContain(`/admin/personnes/${author.id}/role`);
    expect(page.body).toContain(`/admin/personnes/${author.id}/desactiver`);
  });

  it("changes a role, refusing an unknown one with the page and the choice kept", async () => {
    const admin = await signedIn(rt.app, rt.ctx, "admin");
    const member = await signedIn(rt.app, rt.ctx, "author");
    const ok = await postForm(rt.app, `/admin/personnes/${member.id}/role`, admin.cookie, {
      role: "editor",
    });
    expect(ok.statusCode).toBe(303);
    const row = await rt.ctx.db
      .selectFrom("users")
      .select("role")
      .where("id", "=", member.id)
      .executeTakeFirstOrThrow();
    expect(row.role).toBe("editor");
    // The new role holds at once, on the session already open.
    expect((await getPage(rt.app, "/admin", member.cookie)).body).toContain("Édition");
    const bad = await postForm(rt.app, `/admin/personnes/${member.id}/role`, admin.cookie, {
      role: "king",
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain(fr.problems.choice);
    // Sent twice, a role is no single choice: refused as every form refuses a repeated field.
    const twice = await postForm(rt.app, `/admin/personnes/${member.id}/role`, admin.cookie, {
      role: ["author", "admin"],
    });
    expect(twice.statusCode).toBe(422);
    expect(twice.body).toContain(fr.problems.notText);
    expect(twice.body).not.toContain(fr.problems.choice);
    const unknown = await postForm(rt.app, `/admin/personnes/999999/role`, admin.cookie, {
      role: "editor",
    });
    expect(unknown.statusCode).toBe(404);
  });

  it("keeps one active admin: the last cannot demote nor disable themself", async () => {
    // A database of its own would be cleaner; here, every other admin is disabled first.
    await rt.ctx.db.updateTable("users").set({ disabled_at: "2026-01-01T00:00:00.000Z" }).execute();
    const admin = await signedIn(rt.app, rt.ctx, "admin");
    const demote = await postForm(rt.app, `/admin/personnes/${admin.id}/role`, admin.cookie, {
      role: "editor",
    });
    expect(demote.statusCode).toBe(422);
    expect(demote.body).toContain(fr.problems.lastAdmin);
    const disable = await postForm(rt.app, `/admin/personnes/${admin.id}/desactiver`, admin.cookie);
    expect(disable.statusCode).toBe(422);
    expect(disable.body).toContain(fr.problems.lastAdmin);
    expect((await getPage(rt.app, "/admin", admin.cookie)).statusCode).toBe(200);

    // With a second admin, either may step down; then the other is the last.
    const second = await signedIn(rt.app, rt.ctx, "admin");
    expect(
      (
        await postForm(rt.app, `/admin/personnes/${admin.id}/role`, admin.cookie, {
          role: "editor",
        })
      ).statusCode,
    ).toBe(303);
    expect(
      (await postForm(rt.app, `/admin/personnes/${second.id}/desactiver`, second.cookie))
        .statusCode,
    ).toBe(422);
  });

  it("keeps one admin when two demote each other at the same moment", async () => {
    await rt.ctx.db.updateTable("users").set({ disabled_at: "2026-01-01T00:00:00.000Z" }).execute();
    const a = await signedIn(rt.app, rt.ctx, "admin");
    const b = await signedIn(rt.app, rt.ctx, "admin");
    // Through the service, so both pass their permission check before either writes.
    const results = await Promise.allSettled([
      accounts.changeRole(rt.ctx, a, b.id, { role: "author" }),
      accounts.changeRole(rt.ctx, b, a.id, { role: "author" }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const refusal = results.find((r) => r.status === "rejected");
    expect(refusal?.reason).toMatchObject({ code: "KIOSQUE_LAST_ADMIN" });
    const admins = await rt.ctx.db
      .selectFrom("users")
      .select("id")
      .where("role", "=", "admin")
      .where("disabled_at", "is", null)
      .execute();
    expect(admins).toHaveLength(1);
  });

  it("disables an account and closes its sessions; enables it again", async () => {
    const admin = await signedIn(rt.app, rt.ctx, "admin");
    const member = await signedIn(rt.app, rt.ctx, "moderator");
    const off = await postForm(rt.app, `/admin/personnes/${member.id}/desactiver`, admin.cookie);
    expect(off.statusCode).toBe(303);
    expect((await getPage(rt.app, "/admin", member.cookie)).statusCode).toBe(303);
    const sessions = await rt.ctx.db
      .selectFrom("staff_sessions")
      .select("id_hash")
      .where("user_id", "=", member.id)
      .execute();
    expect(sessions).toEqual([]);
    expect(
      (await signInForm(rt.app, { email: member.email, password: member.password })).statusCode,
    ).toBe(422);
    expect((await getPage(rt.app, "/admin/personnes", admin.cookie)).body).toContain(
      fr.newsroom.peoplePage.disabled,
    );
    const on = await postForm(rt.app, `/admin/personnes/${member.id}/reactiver`, admin.cookie);
    expect(on.statusCode).toBe(303);
    expect(
      (await signInForm(rt.app, { email: member.email, password: member.password })).statusCode,
    ).toBe(303);
  });

  it("invites with a single-use link, stored hashed, that makes the account and signs it in", async () => {
    const admin = await signedIn(rt.app, rt.ctx, "admin");
    const email = `invite-${Date.now()}@redaction.example`;
    const { link, path, res } = await invite(admin.cookie, email.toUpperCase(), "editor");
    expect(link).toMatch(/^http:\/\/localhost(:\d+)?\/admin\/invitation\/[A-Za-z0-9_-]{43}$/);
    expect(res.body).toContain(fr.newsroom.peoplePage.inviteLink);
    const token = path.split("/").pop() ?? "";
    const rows = await rt.ctx.db.selectFrom("invitations").selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(token);
    const pending = await getPage(rt.app, "/admin/personnes", admin.cookie);
    expect(pending.body).toContain(email);
    // The link is shown once.
    expect(pending.body).not.toContain(token);

    const open = await getPage(rt.app, path);
    expect(open.statusCode).toBe(200);
    expect(open.body).toContain(email);
    expect(open.body).toContain("Édition");

    const refused = await accept(path, {
      name: "Nouvelle <i>Plume</i>",
      locale: "en",
      password: "assez long mot de passe",
      confirm: "autre mot de passe long",
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain(fr.problems.mismatch);
    expect(inputValue(refused.body, "name")).toBe("Nouvelle <i>Plume</i>");
    expect(inputValue(refused.body, "password")).toBe("");
    expect(inputValue(refused.body, "confirm")).toBe("");
    expect(refused.body).not.toContain("assez long mot de passe");
    // Nothing half-saved: no account, the invitation still good.
    expect(
      await rt.ctx.db.selectFrom("users").select("id").where("email", "=", email).execute(),
    ).toEqual([]);

    const ok = await accept(path, {
      name: "Nouvelle Plume",
      locale: "en",
      password: "assez long mot de passe",
      confirm: "assez long mot de passe",
    });
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe("/admin");
    const cookie = cookieHeader(setCookies(ok).get("kq_staff"));
    const home = await getPage(rt.app, "/admin", cookie);
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('<html lang="en"');
    expect(home.body).toContain("Hello, Nouvelle Plume");
    expect(
      (await signInForm(rt.app, { email, password: "assez long mot de passe" })).statusCode,
    ).toBe(303);

    // Used: the link opens nothing any more.
    const again = await getPage(rt.app, path);
    expect(again.statusCode).toBe(410);
    expect(again.body).toContain(fr.errors.invitationGone.title);
    const twice = await accept(path, {
      name: "Intrus",
      locale: "fr",
      password: "assez long mot de passe",
      confirm: "assez long mot de passe",
    });
    expect(twice.statusCode).toBe(410);
    expect((await getPage(rt.app, "/admin/personnes", admin.cookie)).body).not.toContain(
      `<th scope="row">${email}</th>`,
    );
  });

  it("replaces an address's invitation with a newer one, and never leaves a link dead", async () => {
    const admin = await signedIn(rt.app, rt.ctx, "admin");
    const fields = (name: string) => ({
      name,
      locale: "fr",
      password: "assez long mot de passe",
      confirm: "assez long mot de passe",
    });
    const listed = async (email: string) =>
      (await getPage(rt.app, "/admin/personnes", admin.cookie)).body.split(
        `<th scope="row">${email}</th>`,
      ).length - 1;
    // Inviting again is how a lost link is sent anew: the older link is withdrawn.
    const email = `twice-${Date.now()}@redaction.example`;
    const first = await invite(admin.cookie, email);
    const second = await invite(admin.cookie, email, "editor");
    expect(await listed(email)).toBe(1);
    const replaced = await getPage(rt.app, first.path);
    expect(replaced.statusCode).toBe(410);
    expect(replaced.body).toContain(fr.errors.invitationGone.title);
    expect((await accept(second.path, fields("Deux Fois"))).statusCode).toBe(303);
    expect((await accept(first.path, fields("Intrus"))).statusCode).toBe(410);
    expect(await listed(email)).toBe(0);

    // An account made another way (the command line) ends a good link, and its page says so.
    const other = `ailleurs-${Date.now()}@redaction.example`;
    const { path } = await invite(admin.cookie, other);
    await accounts.createUser(rt.ctx, {
      email: other,
      password: "assez long mot de passe",
      role: "author",
    });
    expect(await listed(other)).toBe(0);
    for (const answer of [await getPage(rt.app, path), await accept(path, fields("Trop Tard"))]) {
      expect(answer.statusCode).toBe(410);
      expect(answer.body).toContain(fr.errors.invitationTaken.title);
      expect(answer.body).toContain("Connectez-vous à la rédaction avec cette adresse");
    }
  });

  it("refuses an address that has an account, and a bad one, with the values kept", async () => {
    const admin = await signedIn(rt.app, rt.ctx, "admin");
    const taken = await postForm(rt.app, "/admin/personnes/invitations", admin.cookie, {
      email: admin.email,
      role: "author",
    });
    expect(taken.statusCode).toBe(422);
    expect(taken.body).toContain(fr.problems.emailTaken);
    expect(inputValue(taken.body, "invite-email")).toBe(admin.email);
    const bad = await postForm(rt.app, "/admin/personnes/invitations", admin.cookie, {
      email: "pas une adresse",
      role: "chef",
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain(fr.problems.email);
    expect(bad.body).toContain(fr.problems.choice);
    expect(inputValue(bad.body, "invite-email")).toBe("pas une adresse");
  });

  it("ends a link after seven days, or when revoked", async () => {
    const admin = await signedIn(rt.app, rt.ctx, "admin");
    const late = await invite(admin.cookie, `late-${Date.now()}@redaction.example`);
    const revoked = await invite(admin.cookie, `revoked-${Date.now()}@redaction.example`);
    const id = (
      await rt.ctx.db
        .selectFrom("invitations")
        .select("id")
        .where("email", "like", "revoked-%")
        .executeTakeFirstOrThrow()
    ).id;
    expect(
      (await postForm(rt.app, `/admin/personnes/invitations/${id}/revoquer`, admin.cookie))
        .statusCode,
    ).toBe(303);
    expect((await getPage(rt.app, revoked.path)).statusCode).toBe(410);
    expect((await getPage(rt.app, late.path)).statusCode).toBe(200);
    rt.clock.advance(7 * DAY + 1000);
    expect((await getPage(rt.app, late.path)).statusCode).toBe(410);
    expect((await getPage(rt.app, "/admin/invitation/made-up-token")).statusCode).toBe(410);
    expect((await getPage(rt.app, `/admin/invitation/${"x".repeat(500)}`)).statusCode).toBe(400);
  });

  it("lets one of two tabs accepting at once win; the other is told the link is used", async () => {
    const admin = await signedIn(rt.app, rt.ctx, "admin");
    const email = `race-${Date.now()}@redaction.example`;
    const { path } = await invite(admin.cookie, email);
    const fields = (name: string) => ({
      name,
      locale: "fr",
      password: "assez long mot de passe",
      confirm: "assez long mot de passe",
    });
    const answers = await Promise.all([
      accept(path, fields("Onglet A")),
      accept(path, fields("Onglet B")),
    ]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([303, 410]);
    const made = await rt.ctx.db
      .selectFrom("users")
      .select("name")
      .where("email", "=", email)
      .execute();
    expect(made).toHaveLength(1);
  });
});
