import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accounts } from "../../src/modules/accounts/index.js";
import { fr } from "../../src/web/i18n/fr.js";
import { testEngines } from "../helpers/engines.js";
import { cookieHeader, setCookies, textById } from "../helpers/http.js";
import { openTestApp, type TestApp } from "../helpers/runtime.js";
import {
  enrolSecondFactor,
  getPage,
  makeStaff,
  postForm,
  signInForm,
  signedIn,
  type StaffMember,
} from "../helpers/staff.js";

/** People: when each person last signed in, and an admin signing someone out everywhere. */
describe.each(testEngines())("people's sessions on %s", (engine) => {
  let t: TestApp;
  let admin: StaffMember;

  beforeAll(async () => {
    t = await openTestApp(engine);
    admin = await signedIn(t.app, t.ctx, "admin");
  });
  afterAll(() => t.close());

  const lastSignIn = async (id: number) =>
    (
      await t.ctx.db
        .selectFrom("users")
        .select("last_sign_in_at")
        .where("id", "=", id)
        .executeTakeFirstOrThrow()
    ).last_sign_in_at;

  it("shows when each person last signed in, and never for who has not", async () => {
    const never = await makeStaff(t.ctx, "author", "Jamais Venue");
    t.clock.advance(60_000);
    const member = await signedIn(t.app, t.ctx, "editor");
    expect(await lastSignIn(member.id)).toBe(t.clock.now().toISOString());
    expect(await lastSignIn(never.id)).toBeNull();
    const page = await getPage(t.app, "/admin/personnes", admin.cookie);
    const row = (id: number) => textById(page.body, "tr", `person-${id}`);
    expect(row(never.id)).toContain(fr.newsroom.peoplePage.never);
    expect(row(member.id)).not.toContain(fr.newsroom.peoplePage.never);
    expect(page.body).toContain(`<th scope="col">${fr.newsroom.peoplePage.lastSignIn}</th>`);
  });

  it("counts a sign-in with a second factor once the code is given, not at the password", async () => {
    const member = await signedIn(t.app, t.ctx, "editor");
    const { secret } = await enrolSecondFactor(t.app, t.ctx, member);
    const first = await lastSignIn(member.id);
    t.clock.advance(120_000);
    const password = await signInForm(t.app, { email: member.email, password: member.password });
    expect(password.headers.location).toMatch(/^\/admin\/connexion\/code/);
    expect(await lastSignIn(member.id)).toBe(first);
    const cookie = cookieHeader(setCookies(password).get("kq_staff"));
    const done = await postForm(t.app, "/admin/connexion/code", cookie, {
      code: accounts.totpCode(secret, t.clock.now()),
    });
    expect(done.statusCode).toBe(303);
    expect(await lastSignIn(member.id)).toBe(t.clock.now().toISOString());
  });

  it("signs a person out of every browser at once; they may sign in again", async () => {
    const member = await signedIn(t.app, t.ctx, "moderator");
    const second = await signInForm(t.app, { email: member.email, password: member.password });
    const otherBrowser = cookieHeader(setCookies(second).get("kq_staff"));
    expect((await getPage(t.app, "/admin", member.cookie)).statusCode).toBe(200);
    expect((await getPage(t.app, "/admin", otherBrowser)).statusCode).toBe(200);

    const res = await postForm(t.app, `/admin/personnes/${member.id}/deconnecter`, admin.cookie);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe("/admin/personnes?ok=sessions");
    for (const cookie of [member.cookie, otherBrowser]) {
      const after = await getPage(t.app, "/admin", cookie);
      expect(after.statusCode).toBe(303);
      expect(after.headers.location).toMatch(/^\/admin\/connexion/);
    }
    const notice = await getPage(t.app, "/admin/personnes?ok=sessions", admin.cookie);
    expect(notice.statusCode).toBe(200);
    expect(notice.body).toContain(fr.newsroom.peoplePage.signedOut);
    const again = await signInForm(t.app, { email: member.email, password: member.password });
    expect(again.statusCode).toBe(303);
  });

  it("answers 404 for a person who does not exist", async () => {
    const res = await postForm(t.app, "/admin/personnes/999999/deconnecter", admin.cookie);
    expect(res.statusCode).toBe(404);
  });
});
