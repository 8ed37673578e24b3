import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fr } from "../../src/web/i18n/fr.js";
import { accounts } from "../../src/modules/accounts/index.js";
import { setSetting } from "../../src/modules/settings/index.js";
import { testEngines } from "../helpers/engines.js";
import { cookieHeader, inputValue, setCookies } from "../helpers/http.js";
import { openTestApp, type TestApp } from "../helpers/runtime.js";
import { makeStaff, signInForm, signedIn } from "../helpers/staff.js";

const HOUR = 3_600_000;

describe.each(testEngines())("newsroom sign-in on %s", (engine) => {
  let rt: TestApp;
  beforeAll(async () => {
    rt = await openTestApp(engine);
  });
  afterAll(() => rt.close());

  const get = (url: string, cookie = "", headers: Record<string, string> = {}) =>
    rt.app.inject({ method: "GET", url, headers: { ...(cookie ? { cookie } : {}), ...headers } });

  it("sends a person without a session to the form, and back where they were going", async () => {
    const res = await get("/admin?page=2");
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe("/admin/connexion?next=%2Fadmin%3Fpage%3D2");
    const json = await get("/admin", "", { accept: "application/json" });
    expect(json.statusCode).toBe(401);
    expect(json.json()).toMatchObject({ code: "KIOSQUE_SIGN_IN_REQUIRED" });

    const member = await makeStaff(rt.ctx, "editor");
    const signed = await signInForm(rt.app, {
      email: member.email.toUpperCase(),
      password: member.password,
      next: "/admin?page=2",
    });
    expect(signed.statusCode).toBe(303);
    expect(signed.headers.location).toBe("/admin?page=2");
  });

  it("sets a session cookie for the newsroom alone: HttpOnly, SameSite, Secure over TLS", async () => {
    const member = await makeStaff(rt.ctx, "author");
    const res = await signInForm(rt.app, { email: member.email, password: member.password });
    const cookie = setCookies(res).get("kq_staff");
    expect(cookie?.attributes.has("httponly")).toBe(true);
    expect(cookie?.attributes.get("samesite")?.toLowerCase()).toBe("lax");
    expect(cookie?.attributes.get("path")).toBe("/admin");
    expect(cookie?.attributes.has("secure")).toBe(false);
    const page = await get("/admin", cookieHeader(cookie));
    expect(page.statusCode).toBe(200);
    expect(page.headers["cache-control"]).toBe("private, no-store");
    expect(page.headers["x-robots-tag"]).toBe("noindex");
    expect(page.body).toContain("Auteur·e");
  });

  it("never sends a person to another site after signing in", async () => {
    const member = await makeStaff(rt.ctx, "author");
    for (const next of [
      "//evil.example/admin",
      "https://evil.example/admin",
      "/\\evil.example",
      "/admin\\@evil.example",
      "/adminx",
      "javascript:alert(1)",
    ]) {
      const res = await signInForm(rt.app, {
        email: member.email,
        password: member.password,
        next,
      });
      expect(res.headers.location, next).toBe("/admin");
    }
  });

  it("opens a new session at each sign-in and closes the one the browser held", async () => {
    const member = await makeStaff(rt.ctx, "editor");
    const first = await signInForm(rt.app, { email: member.email, password: member.password });
    const old = cookieHeader(setCookies(first).get("kq_staff"));
    const second = await signInForm(
      rt.app,
      { email: member.email, password: member.password },
      "203.0.113.10",
      old,
    );
    const fresh = cookieHeader(setCookies(second).get("kq_staff"));
    expect(fresh).not.toBe(old);
    expect((await get("/admin", old)).statusCode).toBe(303);
    expect((await get("/admin", fresh)).statusCode).toBe(200);
  });

  it("refuses a wrong password with one message, keeps the e-mail, never the password", async () => {
    const member = await makeStaff(rt.ctx, "editor");
    for (const email of [member.email, "nobody@redaction.example"]) {
      const res = await signInForm(
        rt.app,
        { email, password: "wrong password <script>" },
        "198.51.100.1",
      );
      expect(res.statusCode).toBe(422);
      expect(res.body).toContain("Adresse e-mail ou mot de passe incorrect.");
      expect(inputValue(res.body, "email")).toBe(email);
      expect(inputValue(res.body, "password")).toBe("");
      expect(res.body).not.toContain("<script>");
    }
    const empty = await signInForm(rt.app, {}, "198.51.100.2");
    expect(empty.statusCode).toBe(422);
    expect(empty.body.match(/Ce champ est obligatoire\./g)).toHaveLength(2);
    // No address holds a control character, and PostgreSQL cannot be asked for a NUL (a 500).
    for (const email of [`${member.email}\u0000`, "a\u0000@b.org", `${member.email}\u0007`]) {
      const refused = await signInForm(
        rt.app,
        { email, password: member.password },
        "198.51.100.3",
      );
      expect(refused.statusCode).toBe(422);
      expect(refused.body).toContain(fr.problems.control);
    }
  });

  it("locks one client out of one account after repeated failures, not the person", async () => {
    const member = await makeStaff(rt.ctx, "admin");
    const attacker = "192.0.2.66";
    for (let i = 0; i < 5; i++) {
      const res = await signInForm(
        rt.app,
        { email: member.email, password: `guess ${i}` },
        attacker,
      );
      expect(res.statusCode).toBe(422);
    }
    // Even the right password waits now, from that client.
    const locked = await signInForm(
      rt.app,
      { email: member.email, password: member.password },
      attacker,
    );
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers["retry-after"])).toBeGreaterThan(0);
    expect(locked.body).toContain("Réessayez dans");
    expect(inputValue(locked.body, "email")).toBe(member.email);
    // The person, elsewhere, signs in.
    const own = await signInForm(
      rt.app,
      { email: member.email, password: member.password },
      "203.0.113.77",
    );
    expect(own.statusCode).toBe(303);
    // And the wait ends.
    rt.clock.advance(16 * 60_000);
    const later = await signInForm(
      rt.app,
      { email: member.email, password: member.password },
      attacker,
    );
    expect(later.statusCode).toBe(303);
  });

  it("slows guesses at one account from many clients, except on the person's own browser", async () => {
    await setSetting(rt.ctx, "staff.signInFailures", "3");
    try {
      const member = await makeStaff(rt.ctx, "editor");
      const own = await signInForm(
        rt.app,
        { email: member.email, password: member.password },
        "203.0.113.5",
      );
      const device = cookieHeader(setCookies(own).get("kq_device"));
      // 3 × 10 failures, each from a different address: the account-wide limit.
      for (let i = 0; i < 30; i++)
        await signInForm(rt.app, { email: member.email, password: "x" }, `10.0.${i}.1`);
      const stranger = await signInForm(
        rt.app,
        { email: member.email, password: member.password },
        "10.9.9.9",
      );
      expect(stranger.statusCode).toBe(429);
      const person = await signInForm(
        rt.app,
        { email: member.email, password: member.password },
        "10.9.9.10",
        device,
      );
      expect(person.statusCode).toBe(303);
    } finally {
      await setSetting(rt.ctx, "staff.signInFailures", "5");
      rt.clock.advance(2 * HOUR);
    }
  });

  it("ends sessions when idle, at their absolute end, and when the account is disabled", async () => {
    const idle = await signedIn(rt.app, rt.ctx, "editor");
    rt.clock.advance(11 * HOUR);
    expect((await get("/admin", idle.cookie)).statusCode).toBe(200);
    rt.clock.advance(11 * HOUR);
    expect((await get("/admin", idle.cookie)).statusCode).toBe(200);
    rt.clock.advance(12 * HOUR + 1000);
    expect((await get("/admin", idle.cookie)).statusCode).toBe(303);

    const busy = await signedIn(rt.app, rt.ctx, "editor");
    // Active every 10 hours for 13 days and 18 hours: still in; past 14 days: out.
    for (let step = 0; step < 33; step++) {
      rt.clock.advance(10 * HOUR);
      expect((await get("/admin", busy.cookie)).statusCode).toBe(200);
    }
    rt.clock.advance(7 * HOUR);
    expect((await get("/admin", busy.cookie)).statusCode).toBe(303);

    const disabled = await signedIn(rt.app, rt.ctx, "author");
    await rt.ctx.db
      .updateTable("users")
      .set({ disabled_at: rt.clock.now().toISOString() })
      .where("id", "=", disabled.id)
      .execute();
    expect((await get("/admin", disabled.cookie)).statusCode).toBe(303);
    const again = await signInForm(rt.app, { email: disabled.email, password: disabled.password });
    expect(again.statusCode).toBe(422);
  });

  it("signs out here, and everywhere", async () => {
    const member = await makeStaff(rt.ctx, "moderator");
    const a = await signInForm(rt.app, { email: member.email, password: member.password });
    const b = await signInForm(
      rt.app,
      { email: member.email, password: member.password },
      "203.0.113.9",
    );
    const [ca, cb] = [a, b].map((r) => cookieHeader(setCookies(r).get("kq_staff")));
    const out = await rt.app.inject({
      method: "POST",
      url: "/admin/deconnexion",
      headers: { cookie: ca },
    });
    expect(out.statusCode).toBe(303);
    expect((await get("/admin", ca)).statusCode).toBe(303);
    expect((await get("/admin", cb)).statusCode).toBe(200);
    const c = await signInForm(rt.app, { email: member.email, password: member.password });
    const cc = cookieHeader(setCookies(c).get("kq_staff"));
    await rt.app.inject({
      method: "POST",
      url: "/admin/deconnexion-partout",
      headers: { cookie: cb },
    });
    expect((await get("/admin", cb)).statusCode).toBe(303);
    expect((await get("/admin", cc)).statusCode).toBe(303);
    expect(await accounts.findSession(rt.ctx, "made-up")).toBeUndefined();
  });

  it("refuses a sign-in or sign-out posted from another site", async () => {
    const member = await makeStaff(rt.ctx, "admin");
    const res = await rt.app.inject({
      method: "POST",
      url: "/admin/connexion",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        "sec-fetch-site": "cross-site",
      },
      payload: `email=${encodeURIComponent(member.email)}&password=${encodeURIComponent(member.password)}`,
    });
    expect(res.statusCode).toBe(403);
    expect(setCookies(res).has("kq_staff")).toBe(false);
  });

  it("shows the newsroom in the person's language", async () => {
    const member = await signedIn(rt.app, rt.ctx, "editor");
    await rt.ctx.db
      .updateTable("users")
      .set({ locale: "en" })
      .where("id", "=", member.id)
      .execute();
    const page = await get("/admin", member.cookie);
    expect(page.body).toContain('<html lang="en"');
    expect(page.body).toContain("Sign out everywhere");
  });
});
