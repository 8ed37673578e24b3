import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Forbidden, Invalid } from "../../src/lib/errors.js";
import { accounts, OPERATOR, type Actor } from "../../src/modules/accounts/index.js";
import { editing } from "../../src/modules/articles/index.js";
import { auditActions } from "../../src/modules/audit/index.js";
import { journal } from "../../src/modules/journal/index.js";
import { saveScreen, setSetting, setSettings } from "../../src/modules/settings/index.js";
import { en } from "../../src/web/i18n/en.js";
import { fr } from "../../src/web/i18n/fr.js";
import { testEngines } from "../helpers/engines.js";
import { decodeEntities, inputValue } from "../helpers/http.js";
import { openTestApp, type TestApp } from "../helpers/runtime.js";
import { getPage, makeStaff, postForm, signedIn } from "../helpers/staff.js";

describe.each(testEngines())("the journal of people, settings and sections on %s", (engine) => {
  let rt: TestApp;
  let admin: Actor;
  beforeAll(async () => {
    rt = await openTestApp(engine);
    admin = { id: (await makeStaff(rt.ctx, "admin")).id, role: "admin" };
  });
  afterAll(() => rt.close());

  /** The journal's last row id: what an action adds comes after it. */
  async function mark(): Promise<number> {
    const row = await rt.ctx.db
      .selectFrom("audit_log")
      .select((eb) => eb.fn.max("id").as("id"))
      .executeTakeFirst();
    return Number(row?.id ?? 0);
  }

  async function since(id: number) {
    return rt.ctx.db
      .selectFrom("audit_log")
      .selectAll()
      .where("id", ">", id)
      .orderBy("id")
      .execute();
  }

  /** Runs an action; expects exactly one new journal line, and returns it with its details. */
  async function one(action: () => Promise<unknown>) {
    const before = await mark();
    await action();
    const rows = await since(before);
    expect(rows.map((r) => r.action)).toHaveLength(1);
    const row = rows[0]!;
    expect(row.created_at).toBe(rt.clock.now().toISOString());
    return { ...row, details: JSON.parse(row.details) as Record<string, unknown> };
  }

  /** Runs an action that must fail; expects no new journal line. */
  async function none(action: () => Promise<unknown>, error: unknown = Invalid) {
    const before = await mark();
    await expect(action()).rejects.toBeInstanceOf(error);
    expect(await since(before)).toEqual([]);
  }

  it("records role changes, disabling and enabling, refusals leaving nothing", async () => {
    const person = await makeStaff(rt.ctx, "author");
    const role = await one(() => accounts.changeRole(rt.ctx, admin, person.id, { role: "editor" }));
    expect(role).toMatchObject({
      actor_id: admin.id,
      action: "person.role",
      target_type: "person",
      target_id: String(person.id),
      details: { from: "author", to: "editor" },
    });
    await none(() => accounts.changeRole(rt.ctx, admin, person.id, { role: "king" }));
    const editor: Actor = { id: person.id, role: "editor" };
    await none(() => accounts.changeRole(rt.ctx, editor, admin.id, { role: "author" }), Forbidden);
    await none(() => accounts.changeRole(rt.ctx, admin, 99_999, { role: "author" }), Error);

    const off = await one(() => accounts.setDisabled(rt.ctx, admin, person.id, true));
    expect([off.action, off.target_id]).toEqual(["person.disable", String(person.id)]);
    const on = await one(() => accounts.setDisabled(rt.ctx, admin, person.id, false));
    expect(on.action).toBe("person.enable");
    // The last active admin stays: refused, and not journalled.
    const admins = await rt.ctx.db
      .selectFrom("users")
      .select("id")
      .where("role", "=", "admin")
      .where("disabled_at", "is", null)
      .execute();
    for (const a of admins.slice(1)) await accounts.setDisabled(rt.ctx, OPERATOR, a.id, true);
    await none(() => accounts.setDisabled(rt.ctx, OPERATOR, admins[0]!.id, true));
    for (const a of admins.slice(1)) await accounts.setDisabled(rt.ctx, OPERATOR, a.id, false);
  });

  it("records invitations made, revoked and accepted, the accepter as who acted", async () => {
    const made = await one(() =>
      accounts.invite(rt.ctx, admin, { email: "invitee@redaction.example", role: "moderator" }),
    );
    expect(made).toMatchObject({
      actor_id: admin.id,
      action: "invitation.create",
      target_type: "invitation",
      details: { role: "moderator" },
    });
    // No address in the journal: it outlives accounts.
    expect(JSON.stringify(made)).not.toContain("invitee@");
    await none(() => accounts.invite(rt.ctx, admin, { email: "pas une adresse", role: "author" }));

    const revoked = await one(() =>
      accounts.revokeInvitation(rt.ctx, admin, Number(made.target_id)),
    );
    expect([revoked.action, revoked.target_id]).toEqual(["invitation.revoke", made.target_id]);
    // Revoking it again changes nothing and records nothing.
    const before = await mark();
    await accounts.revokeInvitation(rt.ctx, admin, Number(made.target_id));
    expect(await since(before)).toEqual([]);

    const invitation = await accounts.invite(rt.ctx, admin, {
      email: "nouvelle@redaction.example",
      role: "author",
    });
    await none(() =>
      accounts.acceptInvitation(rt.ctx, invitation.token, { name: "", password: "x" }, "test"),
    );
    const accepted = await one(() =>
      accounts.acceptInvitation(
        rt.ctx,
        invitation.token,
        { name: "Nouvelle", password: "un long mot de passe", confirm: "un long mot de passe" },
        "test",
      ),
    );
    expect(accepted).toMatchObject({
      action: "invitation.accept",
      target_type: "person",
      details: { invitation: invitation.id, role: "author" },
    });
    expect(accepted.actor_id).toBe(Number(accepted.target_id));
  });

  it("records sign-outs, passwords set and second factors removed, never a password", async () => {
    const person = await makeStaff(rt.ctx, "editor");
    const out = await one(() => accounts.signOutPerson(rt.ctx, admin, person.id));
    expect(out).toMatchObject({ action: "person.signOut", details: { sessions: 0 } });
    const secret = "un nouveau mot de passe secret";
    const pw = await one(() => accounts.setPassword(rt.ctx, OPERATOR, person.id, secret));
    expect([pw.actor_id, pw.action, pw.target_id]).toEqual([
      0,
      "person.password",
      String(person.id),
    ]);
    expect(JSON.stringify(pw)).not.toContain(secret);
    await none(() => accounts.setPassword(rt.ctx, OPERATOR, person.id, "court"));
    const reset = await one(() => accounts.resetSecondFactor(rt.ctx, admin, person.id));
    expect(reset.action).toBe("person.resetSecondFactor");
    await none(() => accounts.resetSecondFactor(rt.ctx, admin, 99_999), Error);
    const made = await one(() =>
      accounts.createUser(rt.ctx, {
        email: "cli@redaction.example",
        password: "mot de passe en ligne de commande",
        role: "moderator",
      }),
    );
    expect(made).toMatchObject({
      actor_id: 0,
      action: "person.create",
      details: { role: "moderator" },
    });
    await none(() =>
      accounts.createUser(rt.ctx, { email: "x", password: "court", role: "author" }),
    );
  });

  it("records a settings change as old → new, a secret only as changed, a refusal not at all", async () => {
    const change = await one(() =>
      setSettings(rt.ctx, admin, {
        "site.name": "La Gazette",
        "akismet.apiKey": "cletressecrete1234",
      }),
    );
    expect(change).toMatchObject({
      actor_id: admin.id,
      action: "settings.change",
      target_type: "settings",
      target_id: null,
      details: {
        "site.name": { to: "La Gazette" },
        "akismet.apiKey": { changed: true },
      },
    });
    expect(JSON.stringify(change)).not.toContain("cletressecrete");
    // Saving the same values again moves nothing: nothing to record.
    const before = await mark();
    await setSettings(rt.ctx, admin, { "site.name": "La Gazette" });
    expect(await since(before)).toEqual([]);
    await none(() => setSettings(rt.ctx, admin, { "comments.maxLinks": -4 }));
    const editor: Actor = { id: admin.id, role: "editor" };
    await none(() => setSettings(rt.ctx, editor, { "site.name": "Pas moi" }), Forbidden);
    await none(() => saveScreen(rt.ctx, editor, "site", { "site.name": "Pas moi" }), Forbidden);
    // The command line's setting: the operator's.
    const cli = await one(() => setSetting(rt.ctx, "site.name", "L’Écho"));
    expect(cli).toMatchObject({
      actor_id: 0,
      details: { "site.name": { from: "La Gazette", to: "L’Écho" } },
    });
  });

  it("records sections created and renamed", async () => {
    const created = await one(() =>
      editing.createSection(rt.ctx, admin, { name: "Économie", slug: "", description: "" }),
    );
    expect(created).toMatchObject({
      action: "section.create",
      target_type: "section",
      details: { name: "Économie", slug: "economie" },
    });
    const id = Number(created.target_id);
    const renamed = await one(() =>
      editing.renameSection(rt.ctx, admin, id, { name: "Éco", slug: "eco", description: "" }),
    );
    expect(renamed.details).toEqual({
      name: { from: "Économie", to: "Éco" },
      slug: { from: "economie", to: "eco" },
    });
    await none(() => editing.createSection(rt.ctx, admin, { name: "", slug: "", description: "" }));
    await none(
      () => editing.createSection(rt.ctx, { id: 1, role: "author" }, { name: "X" }),
      Forbidden,
    );
  });

  it("through the newsroom: a password, the second-factor rule, a screen; the journal shows them", async () => {
    const boss = await signedIn(rt.app, rt.ctx, "admin");
    const member = await signedIn(rt.app, rt.ctx, "author");
    const own = await one(() =>
      postForm(rt.app, "/admin/compte/mot-de-passe", member.cookie, {
        current: member.password,
        password: "un tout nouveau mot de passe",
        confirm: "un tout nouveau mot de passe",
      }),
    );
    expect([own.actor_id, own.action, own.target_id]).toEqual([
      member.id,
      "account.password",
      String(member.id),
    ]);
    const wrong = await mark();
    const refused = await postForm(rt.app, "/admin/compte/mot-de-passe", member.cookie, {
      current: "pas le bon",
      password: "encore un autre mot de passe",
      confirm: "encore un autre mot de passe",
    });
    expect(refused.statusCode).toBe(422);
    expect(await since(wrong)).toEqual([]);

    const rule = await one(async () => {
      const res = await postForm(
        rt.app,
        "/admin/personnes/double-authentification-obligatoire",
        boss.cookie,
        {
          require2fa: "1",
        },
      );
      expect(res.statusCode).toBe(303);
    });
    expect(rule.details).toEqual({ "staff.require2fa": { from: false, to: true } });
    await setSetting(rt.ctx, "staff.require2fa", "false");

    // A moderator is refused the screen, and nothing is recorded.
    const moderator = await signedIn(rt.app, rt.ctx, "moderator");
    const before = await mark();
    const no = await postForm(rt.app, "/admin/reglages", moderator.cookie, { "site.name": "Non" });
    expect(no.statusCode).toBe(403);
    expect(await since(before)).toEqual([]);

    const page = await getPage(rt.app, "/admin/journal", boss.cookie);
    expect(page.statusCode).toBe(200);
    const text = decodeEntities(page.body);
    expect(text).toContain(fr.desk.journal.actions["settings.change"]);
    // In the newsroom's words: yes and no, a role's name, a comment's status.
    expect(text).toContain("staff.require2fa: non → oui");
    expect(text).toContain(`akismet.apiKey: ${fr.desk.journal.secretChanged}`);
    expect(text).toContain(fr.desk.journal.targets.person(String(member.id)));
    expect(text).toContain("nom: Économie → Éco · adresse: economie → eco");
    expect(text).toContain("rôle: Modération");
    expect(text).not.toMatch(/(?<![.\w])(?:name|slug|role): /);
    // The filter offers every kind, in words.
    for (const action of auditActions) {
      expect(page.body).toContain(`<option value="${action}"`);
      expect(text).toContain(fr.desk.journal.actions[action]);
      expect(en.desk.journal.actions[action]).toBeTruthy();
    }
    const filtered = await getPage(rt.app, "/admin/journal?action=person.role", boss.cookie);
    expect(filtered.body).toContain(fr.desk.journal.actions["person.role"]);
    expect(filtered.body).not.toContain(`<td>${fr.desk.journal.actions["settings.change"]}</td>`);
    expect(inputValue(page.body, "journal-from")).toBe("");
    const listed = await journal.list(rt.ctx, admin, { person: "0", page: 1 });
    expect(listed.entries.every((e) => e.actorId === 0)).toBe(true);
    expect(listed.entries.map((e) => e.action)).toContain("settings.change");
  });

  it("stays append-only: no code path updates or deletes a journal row", () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (/\.tsx?$/.test(entry.name) && !file.includes(`${path.sep}migrations${path.sep}`)) {
          const code = fs.readFileSync(file, "utf8");
          if (/(updateTable|deleteFrom)\(\s*"audit_log"/.test(code)) offenders.push(file);
          if (/(UPDATE|DELETE FROM)\s+"?audit_log/i.test(code)) offenders.push(file);
        }
      }
    };
    walk(path.resolve("src"));
    expect(offenders).toEqual([]);
  });
});
