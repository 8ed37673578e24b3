import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { fr } from "../../src/web/i18n/fr.js";
import { BLNS, showsNothing } from "../fixtures/hostile/blns.js";
import { XSS_PAYLOADS } from "../fixtures/xss-payloads.js";
import { testEngines } from "../helpers/engines.js";
import { inputValue, isOwnIsland, startTags, withoutOwnIslands } from "../helpers/http.js";
import { openTestApp, type TestApp } from "../helpers/runtime.js";
import {
  enrolSecondFactor,
  getPage,
  postForm,
  signInForm,
  signedIn,
  type StaffMember,
} from "../helpers/staff.js";
import { cookieHeader, setCookies } from "../helpers/http.js";

/**
 * Every field of every accounts form, sent what people and attackers send: nothing, blanks, too
 * much, a repeated field, control characters, the Big List of Naughty Strings and our XSS
 * payloads. Each answer is a redirect (accepted), the form again with one message per field
 * (422), or a 400 for fields whose shape the route's schema fixes; never a 500. Refused forms keep
 * what was typed (never a password) and save nothing; accepted text is shown as text.
 */
const HOSTILE: readonly string[] = [...BLNS, ...XSS_PAYLOADS];

/** Each kind of bad value, for a field with this longest length. */
function badValues(max: number): { label: string; value: string | string[] }[] {
  return [
    { label: "empty", value: "" },
    { label: "blank", value: "   " },
    { label: "invisible", value: "\u200b\u00ad\u2060" },
    { label: "too long", value: "é".repeat(max + 1) },
    { label: "repeated", value: ["un", "deux"] },
    { label: "NUL", value: "a\u0000b" },
    { label: "C0", value: "a\u0007b" },
    { label: "C1", value: "a\u0085b" },
  ];
}

/** Tags the newsroom templates use: anything else in a page came from input. */
const TEMPLATE_TAGS = new Set(
  (
    "html head meta title link body a header div p nav ul ol li main section form label input " +
    "button span h1 h2 table thead tbody tr th td select option img code dl dt dd"
  ).split(" "),
);

function expectInert(res: LightMyRequestResponse, where: string) {
  const strange = startTags(res.body)
    .filter(
      (t) =>
        !isOwnIsland(t) &&
        (!TEMPLATE_TAGS.has(t.name) ||
          [...t.attrs.keys()].some((a) => a.startsWith("on")) ||
          /^\s*javascript:/i.test(t.attrs.get("href") ?? "")),
    )
    .map((t) => res.body.slice(t.start, t.end));
  expect(strange, where).toEqual([]);
  expect(withoutOwnIslands(res.body), where).not.toMatch(/<script/i);
}

/**
 * What a refused form cannot show back as typed: control characters (the HTML parser rewrites
 * some, and they are what was refused).
 */
// eslint-disable-next-line no-control-regex -- the characters under test
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

const BATCH = 16;
async function inBatches<T>(items: readonly T[], run: (item: T, i: number) => Promise<void>) {
  for (let i = 0; i < items.length; i += BATCH)
    await Promise.all(items.slice(i, i + BATCH).map((x, j) => run(x, i + j)));
}

const wrong: string[] = [];
function check(ok: boolean, what: string) {
  if (!ok) wrong.push(what);
}

describe.each(testEngines())("hostile input in the accounts forms on %s", (engine) => {
  let rt: TestApp;
  let member: StaffMember;
  let admin: StaffMember;
  beforeAll(async () => {
    rt = await openTestApp(engine);
    member = await signedIn(rt.app, rt.ctx, "editor");
    admin = await signedIn(rt.app, rt.ctx, "admin");
  });
  beforeEach(() => {
    wrong.length = 0;
  });
  afterAll(() => rt.close());

  const userRow = (id: number) =>
    rt.ctx.db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirstOrThrow();

  it("profile: name and language, each bad value refused with its message and kept", async () => {
    for (const field of ["name", "locale"] as const) {
      for (const { label, value } of badValues(100)) {
        const before = await userRow(member.id);
        const fields = { name: "Nom correct", locale: "fr", [field]: value };
        const res = await postForm(rt.app, "/admin/compte/profil", member.cookie, fields);
        const where = `${field} ${label}`;
        // A blank language is not a language; too long a "locale" is no choice either.
        expect(res.statusCode, where).toBe(422);
        expect(res.body, where).toContain(fr.formErrors(1));
        expect(await userRow(member.id), where).toEqual(before);
        // A field sent twice is shown by its first text, beside its message.
        const typed = typeof value === "string" ? value : value[0];
        if (field === "name" && typed !== undefined && !CONTROL.test(typed))
          expect(inputValue(res.body, "name"), where).toBe(typed);
        expectInert(res, where);
      }
    }
  });

  it(`profile: the ${HOSTILE.length} hostile strings as a name are stored as typed or refused`, async () => {
    await inBatches(HOSTILE, async (value, i) => {
      const where = `name #${i} ${JSON.stringify(value)}`;
      const res = await postForm(rt.app, "/admin/compte/profil", member.cookie, {
        name: value,
        locale: "fr",
      });
      if (res.statusCode === 303) return;
      check(res.statusCode === 422, `${where}: ${res.statusCode}`);
      const message = /class="field-error" id="name-error">([^<]*)</.exec(res.body)?.[1];
      check(message !== undefined, `${where}: no message on the name`);
      check(
        showsNothing(value) || [...value.trim()].length > 100 || message === fr.problems.control,
        `${where}: refused with ${message}`,
      );
    });
    expect(wrong).toEqual([]);
    // Then each accepted string once more, alone, to see it stored and shown as text.
    for (const [i, value] of XSS_PAYLOADS.entries()) {
      const res = await postForm(rt.app, "/admin/compte/profil", member.cookie, {
        name: value,
        locale: "fr",
      });
      if (res.statusCode !== 303) continue;
      expect((await userRow(member.id)).name, `#${i}`).toBe(value.trim());
      const page = await getPage(rt.app, "/admin/compte", member.cookie);
      expectInert(page, `xss #${i}`);
      expect(inputValue(page.body, "name"), `#${i}`).toBe(value.trim());
    }
  });

  it("password change: every field refused alone, passwords never shown back", async () => {
    const good = {
      current: member.password,
      password: "un nouveau mot de passe",
      confirm: "un nouveau mot de passe",
    };
    for (const field of ["current", "password", "confirm"] as const) {
      for (const { label, value } of badValues(1000)) {
        if (label === "blank" && field !== "password") continue;
        const before = await userRow(member.id);
        const res = await postForm(rt.app, "/admin/compte/mot-de-passe", member.cookie, {
          ...good,
          [field]: value,
        });
        const where = `${field} ${label}`;
        expect(res.statusCode, where).toBe(422);
        expect(res.body, where).toMatch(new RegExp(`id="${field}-error"`));
        expect(res.body, where).not.toContain("un nouveau mot de passe");
        expect(res.body, where).not.toContain(member.password);
        for (const id of ["current", "password", "confirm"])
          expect(inputValue(res.body, id), where).toBe("");
        expect((await userRow(member.id)).password_hash, where).toBe(before.password_hash);
      }
    }
    // Hostile new passwords: refused (or confirmed wrong), never a 500, never shown.
    await inBatches(HOSTILE, async (value, i) => {
      const res = await postForm(rt.app, "/admin/compte/mot-de-passe", member.cookie, {
        current: member.password,
        password: value,
        confirm: `${value}x`,
      });
      check(res.statusCode === 422, `password #${i}: ${res.statusCode}`);
      for (const id of ["current", "password", "confirm"])
        check(inputValue(res.body, id) === "", `password #${i} shown back in ${id}`);
    });
    expect(wrong).toEqual([]);
  });

  it("second factor codes: anything but a good code is refused, nothing spent", async () => {
    const person = await signedIn(rt.app, rt.ctx, "author");
    await postForm(rt.app, "/admin/compte/double-authentification/activer", person.cookie);
    const forms = [
      "/admin/compte/double-authentification/confirmer",
      "/admin/connexion/code",
    ] as const;
    for (const { label, value } of badValues(40)) {
      const res = await postForm(rt.app, forms[0], person.cookie, { code: value });
      expect(res.statusCode, label).toBe(422);
      expect(res.body, label).toContain('id="confirm-code-error"');
    }
    // Spread over addresses: the lock on wrong codes has its own test.
    await inBatches(HOSTILE, async (value, i) => {
      const res = await postForm(
        rt.app,
        forms[0],
        person.cookie,
        { code: value },
        `10.1.${i % 250}.${Math.floor(i / 250) + 1}`,
      );
      check([422, 429].includes(res.statusCode), `confirm #${i}: ${res.statusCode}`);
    });
    expect(wrong).toEqual([]);
    expect((await userRow(person.id)).totp_enabled_at).toBeNull();

    // The sign-in's code step, for a person with a factor.
    const holder = await signedIn(rt.app, rt.ctx, "moderator");
    await enrolSecondFactor(rt.app, rt.ctx, holder);
    const codesBefore = await rt.ctx.db
      .selectFrom("recovery_codes")
      .selectAll()
      .where("user_id", "=", holder.id)
      .execute();
    const step = await signInForm(rt.app, { email: holder.email, password: holder.password });
    const cookie = cookieHeader(setCookies(step).get("kq_staff"));
    await inBatches([...badValues(40).map((b) => b.value), ...HOSTILE], async (value, i) => {
      const address = `10.2.${i % 250}.${Math.floor(i / 250) + 1}`;
      const res = await postForm(rt.app, forms[1], cookie, { code: value }, address);
      // Refused as wrong, or, once the account's hourly allowance of wrong codes is spent, as
      // too many: a message on the code either way.
      check([422, 429].includes(res.statusCode), `code step #${i}: ${res.statusCode}`);
      check(res.body.includes('id="code-error"'), `code step #${i}: no message`);
      check(inputValue(res.body, "code") === "", `code step #${i}: code shown back`);
      expectInert(res, `code step #${i}`);
    });
    expect(wrong).toEqual([]);
    expect(
      await rt.ctx.db
        .selectFrom("recovery_codes")
        .selectAll()
        .where("user_id", "=", holder.id)
        .execute(),
    ).toEqual(codesBefore);
  });

  it("invitation form: e-mail and role refused field by field, the e-mail kept", async () => {
    for (const field of ["email", "role"] as const) {
      for (const { label, value } of badValues(field === "email" ? 254 : 20)) {
        const before = await rt.ctx.db.selectFrom("invitations").selectAll().execute();
        const res = await postForm(rt.app, "/admin/personnes/invitations", admin.cookie, {
          email: "nouveau@redaction.example",
          role: "author",
          [field]: value,
        });
        const where = `${field} ${label}`;
        expect(res.statusCode, where).toBe(422);
        expect(res.body, where).toContain(`id="invite-${field}-error"`);
        expect(await rt.ctx.db.selectFrom("invitations").selectAll().execute(), where).toEqual(
          before,
        );
        expectInert(res, where);
      }
    }
    await inBatches(HOSTILE, async (value, i) => {
      const res = await postForm(rt.app, "/admin/personnes/invitations", admin.cookie, {
        email: value,
        role: "author",
      });
      // A few naughty strings are addresses (something@somewhere): those make an invitation.
      check([200, 422].includes(res.statusCode), `invite #${i}: ${res.statusCode}`);
      if (res.statusCode === 422 && !CONTROL.test(value))
        check(inputValue(res.body, "invite-email") === value, `invite #${i}: value not kept`);
      expectInert(res, `invite #${i}`);
    });
    await inBatches(HOSTILE, async (value, i) => {
      const res = await postForm(rt.app, `/admin/personnes/${member.id}/role`, admin.cookie, {
        role: value,
      });
      check(res.statusCode === 422, `role #${i}: ${res.statusCode}`);
      expectInert(res, `role #${i}`);
    });
    expect(wrong).toEqual([]);
    expect((await userRow(member.id)).role).toBe("editor");
  });

  it("accepting an invitation: each field refused alone, nothing made, the name kept", async () => {
    const made = await postForm(rt.app, "/admin/personnes/invitations", admin.cookie, {
      email: "accepte@redaction.example",
      role: "author",
    });
    const path = new URL(inputValue(made.body, "invitation-link")).pathname;
    const good = {
      name: "Nouvelle Plume",
      locale: "fr",
      password: "un mot de passe solide",
      confirm: "un mot de passe solide",
    };
    for (const field of ["name", "locale", "password", "confirm"] as const) {
      for (const { label, value } of badValues(field === "name" ? 100 : 1000)) {
        // A language left empty takes the site's; a blank password is a password.
        if (field === "locale" && label === "empty") continue;
        if (label === "blank" && field !== "name" && field !== "locale") continue;
        const res = await postForm(rt.app, path, "", { ...good, [field]: value }, "192.0.2.1");
        const where = `${field} ${label}`;
        expect(res.statusCode, where).toBe(422);
        expect(res.body, where).toContain(`id="${field}-error"`);
        expect(res.body, where).not.toContain(good.password);
        if (field !== "name") expect(inputValue(res.body, "name"), where).toBe(good.name);
      }
    }
    await inBatches(HOSTILE, async (value, i) => {
      const res = await postForm(
        rt.app,
        path,
        "",
        { ...good, name: value, confirm: "différent du mot de passe" },
        "192.0.2.2",
      );
      check(res.statusCode === 422, `accept #${i}: ${res.statusCode}`);
      if (!CONTROL.test(value) && value.trim().length <= 100)
        check(inputValue(res.body, "name") === value, `accept #${i}: name not kept`);
      expectInert(res, `accept #${i}`);
    });
    expect(wrong).toEqual([]);
    expect(
      await rt.ctx.db
        .selectFrom("users")
        .select("id")
        .where("email", "=", "accepte@redaction.example")
        .execute(),
    ).toEqual([]);
  });

  it("hidden and fixed fields refuse a wrong shape with 400, never a 500", async () => {
    const cases: [string, Record<string, string | string[]>][] = [
      ["/admin/compte/sessions/fermer", { session: ["a", "b"] }],
      ["/admin/compte/sessions/fermer", { session: "x".repeat(101) }],
      ["/admin/personnes/double-authentification-obligatoire", { require2fa: "oui" }],
      ["/admin/personnes/double-authentification-obligatoire", { require2fa: ["1", "1"] }],
      [`/admin/personnes/1e400/role`, { role: "author" }],
      [`/admin/personnes/-1/desactiver`, {}],
    ];
    for (const [url, fields] of cases) {
      const res = await postForm(rt.app, url, admin.cookie, fields);
      expect(res.statusCode, url).toBe(400);
    }
    expect((await rt.ctx.settings())["staff.require2fa"]).toBe(false);
  });
});
