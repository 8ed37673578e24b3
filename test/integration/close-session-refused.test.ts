import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fr } from "../../src/web/i18n/fr.js";
import { testEngines } from "../helpers/engines.js";
import { cookieHeader, decodeEntities, setCookies } from "../helpers/http.js";
import { openTestApp, type TestApp } from "../helpers/runtime.js";
import { getPage, makeStaff, postForm, signInForm } from "../helpers/staff.js";

/** Closing a session one does not have says so: no "closed" for what still runs. */
describe.each(testEngines())("closing a session that is not one's own on %s", (engine) => {
  let rt: TestApp;

  beforeAll(async () => {
    rt = await openTestApp(engine);
  });
  afterAll(() => rt.close());

  async function browserOf(member: { email: string; password: string }, address: string) {
    const res = await signInForm(
      rt.app,
      { email: member.email, password: member.password },
      address,
    );
    return cookieHeader(setCookies(res).get("kq_staff"));
  }
  const sessionsListed = async (cookie: string) =>
    [
      ...(await getPage(rt.app, "/admin/compte", cookie)).body.matchAll(
        /name="session" value="([^"]+)"/g,
      ),
    ].map((m) => m[1] ?? "");

  it("refuses another person's session, and one closed already, with why", async () => {
    const victim = await makeStaff(rt.ctx, "editor");
    const victimHere = await browserOf(victim, "198.51.100.1");
    const victimThere = await browserOf(victim, "198.51.100.2");
    const [theirs] = await sessionsListed(victimHere);
    expect(theirs).toBeTruthy();

    const intruder = await makeStaff(rt.ctx, "author");
    const intruderCookie = await browserOf(intruder, "198.51.100.3");
    const refused = await postForm(rt.app, "/admin/compte/sessions/fermer", intruderCookie, {
      session: theirs!,
    });
    expect(refused.statusCode).toBe(404);
    expect(refused.headers.location).toBeUndefined();
    expect(refused.headers["cache-control"]).toBe("private, no-store");
    const body = decodeEntities(refused.body);
    expect(body).toContain(fr.newsroom.accountPage.sessionNotFound);
    expect(body).not.toContain(fr.newsroom.accountPage.sessionClosed);
    // Their own account page, with its list: not a bare error page.
    expect(body).toContain(fr.newsroom.accountPage.sessions);
    // Nothing was closed.
    expect((await getPage(rt.app, "/admin", victimThere)).statusCode).toBe(200);
    expect((await getPage(rt.app, "/admin", victimHere)).statusCode).toBe(200);

    // Their own, twice: the second finds nothing to close, and says so.
    const closed = await postForm(rt.app, "/admin/compte/sessions/fermer", victimHere, {
      session: theirs!,
    });
    expect(closed.statusCode).toBe(303);
    expect(closed.headers.location).toBe("/admin/compte?ok=session");
    const again = await postForm(rt.app, "/admin/compte/sessions/fermer", victimHere, {
      session: theirs!,
    });
    expect(again.statusCode).toBe(404);
    expect(decodeEntities(again.body)).toContain(fr.newsroom.accountPage.sessionNotFound);

    // Scripts get the refusal as JSON.
    const json = await rt.app.inject({
      method: "POST",
      url: "/admin/compte/sessions/fermer",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        cookie: intruderCookie,
        accept: "application/json",
      },
      payload: `session=${theirs}`,
    });
    expect(json.statusCode).toBe(404);
    expect(json.json()).toMatchObject({ ok: false, code: "KIOSQUE_NOT_FOUND" });
  });
});
