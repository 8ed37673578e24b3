import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accounts } from "../../src/modules/accounts/index.js";
import { setSetting } from "../../src/modules/settings/index.js";
import { en } from "../../src/web/i18n/en.js";
import { fr } from "../../src/web/i18n/fr.js";
import { testEngines } from "../helpers/engines.js";
import { cookieHeader, inputValue, setCookies, startTags } from "../helpers/http.js";
import { openTestApp, type TestApp } from "../helpers/runtime.js";
import {
  enrolSecondFactor,
  getPage,
  postForm,
  signInForm,
  signedIn,
  type StaffMember,
} from "../helpers/staff.js";

const STEP_MS = 30_000;
const CODE_PAGE = "/admin/connexion/code";

describe.each(testEngines())("newsroom second factor on %s", (engine) => {
  let rt: TestApp;
  beforeAll(async () => {
    rt = await openTestApp(engine);
  });
  afterAll(() => rt.close());

  const code = (secret: string, offsetMs = 0) =>
    accounts.totpCode(secret, new Date(rt.clock.now().getTime() + offsetMs));

  /** The password step: the half-open session's cookie, and where it sent the browser. */
  async function passwordStep(member: StaffMember, address = "203.0.113.10", next?: string) {
    const res = await signInForm(
      rt.app,
      { email: member.email, password: member.password, ...(next ? { next } : {}) },
      address,
    );
    return {
      res,
      cookie: cookieHeader(setCookies(res).get("kq_staff")),
      device: setCookies(res).get("kq_device"),
    };
  }

  const codeStep = (cookie: string, value: string, address = "203.0.113.10", next?: string) =>
    postForm(rt.app, CODE_PAGE, cookie, { code: value, ...(next ? { next } : {}) }, address);

  it("sets up an authenticator app: key and QR code, a code to confirm, ten recovery codes once", async () => {
    const member = await signedIn(rt.app, rt.ctx, "editor");
    const before = await getPage(rt.app, "/admin/compte/double-authentification", member.cookie);
    expect(before.statusCode).toBe(200);
    expect(before.body).toContain(fr.newsroom.twoFactor.start);

    await postForm(rt.app, "/admin/compte/double-authentification/activer", member.cookie);
    const page = await getPage(rt.app, "/admin/compte/double-authentification", member.cookie);
    const img = startTags(page.body).find((t) => t.name === "img" && t.attrs.has("alt"));
    expect(img?.attrs.get("src")).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(img?.attrs.get("alt")).toBe(fr.newsroom.twoFactor.qrAlt);
    const svg = Buffer.from(img?.attrs.get("src")?.split(",")[1] ?? "", "base64").toString();
    expect(svg).toMatch(/^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg).not.toMatch(/<script|style=|on\w+=/i);
    const secret = /id="totp-secret">([A-Z2-7]+)</.exec(page.body)?.[1] ?? "";
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);

    const wrong = await postForm(
      rt.app,
      "/admin/compte/double-authentification/confirmer",
      member.cookie,
      { code: code(secret, 5 * STEP_MS) },
    );
    expect(wrong.statusCode).toBe(422);
    expect(wrong.body).toContain(fr.problems.badCode);
    expect(wrong.body).toContain(secret);

    const ok = await postForm(
      rt.app,
      "/admin/compte/double-authentification/confirmer",
      member.cookie,
      { code: code(secret) },
    );
    expect(ok.statusCode).toBe(200);
    expect(ok.headers["cache-control"]).toBe("private, no-store");
    const codes = [...ok.body.matchAll(/<code>([0-9A-Z-]{19})<\/code>/g)].map((m) => m[1]);
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    const stored = await rt.ctx.db
      .selectFrom("recovery_codes")
      .select("code_hash")
      .where("user_id", "=", member.id)
      .execute();
    expect(stored).toHaveLength(10);
    for (const c of codes) expect(JSON.stringify(stored)).not.toContain(c);

    const after = await getPage(rt.app, "/admin/compte/double-authentification", member.cookie);
    expect(after.body).toContain(fr.newsroom.twoFactor.codesLeft(10));
    expect(after.body).not.toContain(secret);
    expect((await getPage(rt.app, "/admin/compte", member.cookie)).body).toContain(
      fr.newsroom.accountPage.secondFactorOn,
    );
  });

  it("asks for a code after the password, and opens a new session once it is right", async () => {
    const member = await signedIn(rt.app, rt.ctx, "admin");
    const { secret } = await enrolSecondFactor(rt.app, rt.ctx, member);
    rt.clock.advance(STEP_MS);

    const first = await passwordStep(member, "203.0.113.20", "/admin/compte");
    expect(first.res.statusCode).toBe(303);
    expect(first.res.headers.location).toBe(`${CODE_PAGE}?next=%2Fadmin%2Fcompte`);
    // A password alone makes no known device.
    expect(first.device).toBeUndefined();
    // Half-way is not signed in: the newsroom sends the browser back to the code.
    const home = await getPage(rt.app, "/admin", first.cookie);
    expect(home.headers.location).toBe("/admin/connexion?next=%2Fadmin");
    expect((await getPage(rt.app, "/admin/connexion", first.cookie)).headers.location).toBe(
      CODE_PAGE,
    );
    const form = await getPage(rt.app, CODE_PAGE, first.cookie);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('autocomplete="one-time-code"');

    const wrong = await codeStep(first.cookie, "000000", "203.0.113.20", "/admin/compte");
    expect(wrong.statusCode).toBe(422);
    expect(wrong.body).toContain(fr.problems.badCode);
    expect(inputValue(wrong.body, "code")).toBe("");

    const right = await codeStep(first.cookie, code(secret), "203.0.113.20", "/admin/compte");
    expect(right.statusCode).toBe(303);
    expect(right.headers.location).toBe("/admin/compte");
    const complete = cookieHeader(setCookies(right).get("kq_staff"));
    expect(complete).not.toBe(first.cookie);
    expect(setCookies(right).get("kq_device")).toBeDefined();
    expect((await getPage(rt.app, "/admin", complete)).statusCode).toBe(200);
    // The half-open token opens nothing any more.
    expect((await getPage(rt.app, "/admin", first.cookie)).statusCode).toBe(303);
    expect((await codeStep(first.cookie, code(secret))).headers.location).toBe("/admin/connexion");
  });

  it("takes each code once, the one before or after too, and never an older one", async () => {
    const member = await signedIn(rt.app, rt.ctx, "editor");
    const { secret } = await enrolSecondFactor(rt.app, rt.ctx, member);
    // The enrolment's code was this step's: it is spent.
    const a = await passwordStep(member);
    expect((await codeStep(a.cookie, code(secret))).statusCode).toBe(422);
    // The next step's code (a phone a little ahead) is good, once.
    expect((await codeStep(a.cookie, code(secret, STEP_MS))).statusCode).toBe(303);
    const b = await passwordStep(member);
    expect((await codeStep(b.cookie, code(secret, STEP_MS))).statusCode).toBe(422);
    // An older step's code, even within the drift allowed, is refused once a later one was used.
    rt.clock.advance(2 * STEP_MS);
    expect((await codeStep(b.cookie, code(secret, -STEP_MS))).statusCode).toBe(422);
    expect((await codeStep(b.cookie, code(secret, -2 * STEP_MS))).statusCode).toBe(422);
    expect((await codeStep(b.cookie, code(secret))).statusCode).toBe(303);
    // Two steps away is too far, whatever.
    const c = await passwordStep(member);
    expect((await codeStep(c.cookie, code(secret, 2 * STEP_MS))).statusCode).toBe(422);
  });

  it("takes a recovery code instead, however typed, once", async () => {
    const member = await signedIn(rt.app, rt.ctx, "admin");
    const { recoveryCodes } = await enrolSecondFactor(rt.app, rt.ctx, member);
    const [one = "", two = ""] = recoveryCodes;
    const a = await passwordStep(member);
    expect((await codeStep(a.cookie, one)).statusCode).toBe(303);
    const b = await passwordStep(member);
    expect((await codeStep(b.cookie, one)).statusCode).toBe(422);
    // Lower case, spaces for dashes: still the code.
    const typed = ` ${two.toLowerCase().replaceAll("-", " ")} `;
    expect((await codeStep(b.cookie, typed)).statusCode).toBe(303);
  });

  it("locks the code step after repeated wrong codes, even for the right one", async () => {
    const member = await signedIn(rt.app, rt.ctx, "editor");
    const { secret } = await enrolSecondFactor(rt.app, rt.ctx, member);
    rt.clock.advance(STEP_MS);
    const attacker = "192.0.2.77";
    const step = await passwordStep(member, attacker);
    for (let i = 0; i < 5; i++)
      expect((await codeStep(step.cookie, `00000${i}`, attacker)).statusCode).toBe(422);
    const locked = await codeStep(step.cookie, code(secret), attacker);
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers["retry-after"])).toBeGreaterThan(0);
    expect(locked.body).toContain("Réessayez dans");
    // A guessed code is no way round: the same lock holds the password step's next session too.
    const again = await passwordStep(member, attacker);
    expect((await codeStep(again.cookie, code(secret), attacker)).statusCode).toBe(429);
    rt.clock.advance(16 * 60_000);
    const later = await passwordStep(member, attacker);
    expect((await codeStep(later.cookie, code(secret), attacker)).statusCode).toBe(303);
  });

  it("ends a half-open session after ten minutes", async () => {
    const member = await signedIn(rt.app, rt.ctx, "admin");
    const { secret } = await enrolSecondFactor(rt.app, rt.ctx, member);
    const step = await passwordStep(member);
    rt.clock.advance(10 * 60_000 + 1);
    const late = await codeStep(step.cookie, code(secret));
    expect(late.statusCode).toBe(303);
    expect(late.headers.location).toBe("/admin/connexion");
  });

  it("turns off on a code or the password, and renews recovery codes on a code", async () => {
    const member = await signedIn(rt.app, rt.ctx, "editor");
    const { secret, recoveryCodes } = await enrolSecondFactor(rt.app, rt.ctx, member);
    rt.clock.advance(STEP_MS);
    const renewed = await postForm(
      rt.app,
      "/admin/compte/double-authentification/codes",
      member.cookie,
      { code: code(secret) },
    );
    expect(renewed.statusCode).toBe(200);
    const fresh = [...renewed.body.matchAll(/<code>([0-9A-Z-]{19})<\/code>/g)].map((m) => m[1]);
    expect(fresh).toHaveLength(10);
    // The old ones are gone.
    const a = await passwordStep(member);
    expect((await codeStep(a.cookie, recoveryCodes[3] ?? "")).statusCode).toBe(422);
    expect((await codeStep(a.cookie, fresh[3] ?? "")).statusCode).toBe(303);

    const empty = await postForm(
      rt.app,
      "/admin/compte/double-authentification/desactiver",
      member.cookie,
      {},
    );
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toContain(fr.problems.required);
    const wrong = await postForm(
      rt.app,
      "/admin/compte/double-authentification/desactiver",
      member.cookie,
      { password: "not my password" },
    );
    expect(wrong.statusCode).toBe(422);
    expect(wrong.body).toContain(fr.problems.wrongPassword);
    expect(inputValue(wrong.body, "disable-password")).toBe("");
    const off = await postForm(
      rt.app,
      "/admin/compte/double-authentification/desactiver",
      member.cookie,
      { password: member.password },
    );
    expect(off.statusCode).toBe(303);
    expect((await getPage(rt.app, off.headers.location ?? "", member.cookie)).body).toContain(
      fr.newsroom.twoFactor.disabled,
    );
    // One step again.
    expect((await passwordStep(member)).res.headers.location).toBe("/admin");
    expect(
      await rt.ctx.db
        .selectFrom("recovery_codes")
        .select("user_id")
        .where("user_id", "=", member.id)
        .execute(),
    ).toEqual([]);
  });

  it("can be required of admins and editors: until they set it up, nothing else opens", async () => {
    const admin = await signedIn(rt.app, rt.ctx, "admin");
    const editor = await signedIn(rt.app, rt.ctx, "editor");
    const author = await signedIn(rt.app, rt.ctx, "author");
    const on = await postForm(
      rt.app,
      "/admin/personnes/double-authentification-obligatoire",
      admin.cookie,
      { require2fa: "1" },
    );
    expect(on.statusCode).toBe(303);
    try {
      expect((await rt.ctx.settings())["staff.require2fa"]).toBe(true);
      for (const url of ["/admin", "/admin/compte", "/admin/personnes"]) {
        const res = await getPage(rt.app, url, editor.cookie);
        expect(res.statusCode, url).toBe(303);
        expect(res.headers.location, url).toBe("/admin/compte/double-authentification");
      }
      const posted = await postForm(rt.app, "/admin/compte/profil", editor.cookie, {
        name: "Autre",
        locale: "fr",
      });
      expect(posted.headers.location).toBe("/admin/compte/double-authentification");
      const json = await rt.app.inject({
        method: "GET",
        url: "/admin",
        headers: { cookie: editor.cookie, accept: "application/json" },
      });
      expect(json.statusCode).toBe(403);
      expect(json.json()).toMatchObject({ code: "KIOSQUE_SECOND_FACTOR_REQUIRED" });
      const page = await getPage(rt.app, "/admin/compte/double-authentification", editor.cookie);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(fr.newsroom.twoFactor.required);
      // The menu offers the set-up alone.
      expect(page.body).not.toContain('href="/admin/compte"');
      // Authors are not asked.
      expect((await getPage(rt.app, "/admin", author.cookie)).statusCode).toBe(200);
      // Once set up, everything opens again.
      await enrolSecondFactor(rt.app, rt.ctx, editor);
      expect((await getPage(rt.app, "/admin", editor.cookie)).statusCode).toBe(200);
    } finally {
      await setSetting(rt.ctx, "staff.require2fa", "false");
    }
  });

  it("lets an admin take a lost factor away: the person signs in with the password again", async () => {
    const admin = await signedIn(rt.app, rt.ctx, "admin");
    const member = await signedIn(rt.app, rt.ctx, "author");
    await enrolSecondFactor(rt.app, rt.ctx, member);
    const people = await getPage(rt.app, "/admin/personnes", admin.cookie);
    expect(people.body).toContain(`/admin/personnes/${member.id}/double-authentification/retirer`);
    const reset = await postForm(
      rt.app,
      `/admin/personnes/${member.id}/double-authentification/retirer`,
      admin.cookie,
    );
    expect(reset.statusCode).toBe(303);
    // Signed out everywhere; one step to sign in.
    expect((await getPage(rt.app, "/admin", member.cookie)).statusCode).toBe(303);
    expect((await passwordStep(member)).res.headers.location).toBe("/admin");
  });

  it("speaks the person's language from the code step on", async () => {
    const member = await signedIn(rt.app, rt.ctx, "admin");
    await enrolSecondFactor(rt.app, rt.ctx, member);
    await rt.ctx.db
      .updateTable("users")
      .set({ locale: "en" })
      .where("id", "=", member.id)
      .execute();
    const step = await passwordStep(member);
    const page = await getPage(rt.app, CODE_PAGE, step.cookie);
    expect(page.body).toContain('<html lang="en"');
    expect(page.body).toContain(en.newsroom.secondStep.title);
  });
});
