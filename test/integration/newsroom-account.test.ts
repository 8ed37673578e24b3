import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { en } from "../../src/web/i18n/en.js";
import { fr } from "../../src/web/i18n/fr.js";
import { testEngines } from "../helpers/engines.js";
import { makeArticle } from "../helpers/factories.js";
import { cookieHeader, inputValue, setCookies } from "../helpers/http.js";
import { openTestApp, type TestApp } from "../helpers/runtime.js";
import { getPage, makeStaff, postForm, signInForm, signedIn } from "../helpers/staff.js";

const FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

describe.each(testEngines())("newsroom account page on %s", (engine) => {
  let rt: TestApp;
  beforeAll(async () => {
    rt = await openTestApp(engine);
  });
  afterAll(() => rt.close());

  it("changes the name and the language, and the newsroom switches at once", async () => {
    const member = await signedIn(rt.app, rt.ctx, "author");
    const page = await getPage(rt.app, "/admin/compte", member.cookie);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(member.email);
    const saved = await postForm(rt.app, "/admin/compte/profil", member.cookie, {
      name: "  Camille Durand  ",
      locale: "en",
    });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe("/admin/compte?ok=profil");
    const after = await getPage(rt.app, saved.headers.location ?? "", member.cookie);
    expect(after.body).toContain('<html lang="en"');
    expect(after.body).toContain(en.newsroom.saved);
    expect(inputValue(after.body, "name")).toBe("Camille Durand");
    // The byline's address stays.
    const row = await rt.ctx.db
      .selectFrom("users")
      .select(["name", "slug", "locale"])
      .where("id", "=", member.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ name: "Camille Durand", locale: "en" });
    expect(row.slug).toMatch(/^equipe-/);
  });

  it("signs its cached articles, author page and feeds with the new name at once", async () => {
    const member = await signedIn(rt.app, rt.ctx, "author");
    const user = await rt.ctx.db
      .selectFrom("users")
      .select("slug")
      .where("id", "=", member.id)
      .executeTakeFirstOrThrow();
    const article = await makeArticle(rt.ctx, { authorId: member.id });
    const urls = [`/article/${article.slug}`, `/auteur/${user.slug}`, "/feed.json"];
    const rename = (name: string) =>
      postForm(rt.app, "/admin/compte/profil", member.cookie, { name, locale: "fr" });
    await rename("Nom Avant");
    // Twice each, so every page is in the cache (kept from its second render).
    for (const url of [...urls, ...urls]) await rt.app.inject({ url });
    for (const url of urls) {
      const res = await rt.app.inject({ url });
      expect(res.headers["x-kiosque-cache"], url).toBe("hit");
      expect(res.body, url).toContain("Nom Avant");
    }
    expect((await rename("Nom Après")).statusCode).toBe(303);
    for (const url of urls) {
      const res = await rt.app.inject({ url });
      expect(res.body, url).toContain("Nom Après");
      expect(res.body, url).not.toContain("Nom Avant");
    }
  });

  it("refuses an empty name and an unknown language, keeping what was typed", async () => {
    const member = await signedIn(rt.app, rt.ctx, "editor");
    const res = await postForm(rt.app, "/admin/compte/profil", member.cookie, {
      name: "",
      locale: "de",
    });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain(fr.problems.required);
    expect(res.body).toContain(fr.problems.choice);
    expect(res.body).toContain(fr.formErrors(2));
  });

  it("changes the password on the current one, and closes every other session", async () => {
    const member = await makeStaff(rt.ctx, "moderator");
    const here = cookieHeader(
      setCookies(await signInForm(rt.app, { email: member.email, password: member.password })).get(
        "kq_staff",
      ),
    );
    const there = cookieHeader(
      setCookies(
        await signInForm(
          rt.app,
          { email: member.email, password: member.password },
          "198.51.100.4",
        ),
      ).get("kq_staff"),
    );
    const wrong = await postForm(rt.app, "/admin/compte/mot-de-passe", here, {
      current: "pas le bon",
      password: "un tout nouveau mot de passe",
      confirm: "un tout nouveau mot de passe",
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.body).toContain(fr.problems.wrongPassword);
    expect(wrong.body).not.toContain("un tout nouveau mot de passe");
    const short = await postForm(rt.app, "/admin/compte/mot-de-passe", here, {
      current: member.password,
      password: "court",
      confirm: "autre",
    });
    expect(short.statusCode).toBe(422);
    expect(short.body).toContain(fr.problems.tooShort(8));
    const mismatch = await postForm(rt.app, "/admin/compte/mot-de-passe", here, {
      current: member.password,
      password: "un tout nouveau mot de passe",
      confirm: "un tout nouveau mot de passf",
    });
    expect(mismatch.body).toContain(fr.problems.mismatch);
    // A new password that shows nothing could never be typed again: the account would be shut.
    const invisible = "\u200b".repeat(8);
    const unseen = await postForm(rt.app, "/admin/compte/mot-de-passe", here, {
      current: member.password,
      password: invisible,
      confirm: invisible,
    });
    expect(unseen.statusCode).toBe(422);
    expect(unseen.body).toContain(fr.problems.required);

    const ok = await postForm(rt.app, "/admin/compte/mot-de-passe", here, {
      current: member.password,
      password: "un tout nouveau mot de passe",
      confirm: "un tout nouveau mot de passe",
    });
    expect(ok.statusCode).toBe(303);
    expect((await getPage(rt.app, "/admin", here)).statusCode).toBe(200);
    expect((await getPage(rt.app, "/admin", there)).statusCode).toBe(303);
    expect(
      (await signInForm(rt.app, { email: member.email, password: member.password })).statusCode,
    ).toBe(422);
    expect(
      (
        await signInForm(rt.app, {
          email: member.email,
          password: "un tout nouveau mot de passe",
        })
      ).statusCode,
    ).toBe(303);
  });

  it("locks the current-password check after repeated wrong ones", async () => {
    const member = await signedIn(rt.app, rt.ctx, "editor");
    for (let i = 0; i < 5; i++) {
      const res = await postForm(rt.app, "/admin/compte/mot-de-passe", member.cookie, {
        current: `essai ${i}`,
        password: "un tout nouveau mot de passe",
        confirm: "un tout nouveau mot de passe",
      });
      expect(res.statusCode).toBe(422);
    }
    const locked = await postForm(rt.app, "/admin/compte/mot-de-passe", member.cookie, {
      current: member.password,
      password: "un tout nouveau mot de passe",
      confirm: "un tout nouveau mot de passe",
    });
    expect(locked.statusCode).toBe(429);
    expect(locked.body).toContain("Réessayez dans");
    rt.clock.advance(16 * 60_000);
  });

  it("lists the person's sessions and signs one of them out", async () => {
    const member = await makeStaff(rt.ctx, "author");
    const here = cookieHeader(
      setCookies(await signInForm(rt.app, { email: member.email, password: member.password })).get(
        "kq_staff",
      ),
    );
    const firefox = await rt.app.inject({
      method: "POST",
      url: "/admin/connexion",
      remoteAddress: "198.51.100.8",
      headers: { "content-type": "application/x-www-form-urlencoded", "user-agent": FIREFOX },
      payload: new URLSearchParams({ email: member.email, password: member.password }).toString(),
    });
    const there = cookieHeader(setCookies(firefox).get("kq_staff"));
    const page = await getPage(rt.app, "/admin/compte", here);
    expect(page.body).toContain("Firefox, Linux");
    expect(page.body).toContain(fr.newsroom.accountPage.thisSession);
    const other = /name="session" value="([^"]+)"/.exec(page.body)?.[1] ?? "";
    expect(other).not.toBe("");

    // Someone else's session is not theirs to close.
    const stranger = await signedIn(rt.app, rt.ctx, "admin");
    await postForm(rt.app, "/admin/compte/sessions/fermer", stranger.cookie, { session: other });
    expect((await getPage(rt.app, "/admin", there)).statusCode).toBe(200);

    const closed = await postForm(rt.app, "/admin/compte/sessions/fermer", here, {
      session: other,
    });
    expect(closed.statusCode).toBe(303);
    expect((await getPage(rt.app, "/admin", there)).statusCode).toBe(303);
    expect((await getPage(rt.app, "/admin", here)).statusCode).toBe(200);

    // A session no token hash names (a NUL was a 500 on PostgreSQL) is refused, and closes none.
    for (const session of ["a\u0000b", "", "x".repeat(101), "a b"]) {
      const refused = await postForm(rt.app, "/admin/compte/sessions/fermer", here, { session });
      expect(refused.statusCode).toBe(400);
    }
    expect((await getPage(rt.app, "/admin", here)).statusCode).toBe(200);
  });
});
