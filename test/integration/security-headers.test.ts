import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HSTS, SECURITY_HEADERS } from "../../src/http/security.js";
import { setCookies } from "../helpers/http.js";
import { makeArticle } from "../helpers/factories.js";
import { openTestApp, type TestApp } from "../helpers/runtime.js";

describe("security headers", () => {
  let t: TestApp;
  let slug: string;
  beforeAll(async () => {
    t = await openTestApp("sqlite");
    slug = (await makeArticle(t.ctx)).slug;
  });
  afterAll(() => t.close());

  it("come with every answer: pages (fresh and cached), errors, assets, redirects and JSON", async () => {
    const html = await t.app.inject({ url: `/article/${slug}` });
    const css = /href="(\/assets\/site\.css[^"]*)"/.exec(html.body)?.[1] ?? "";
    const answers = [
      html,
      await t.app.inject({ url: `/article/${slug}` }),
      await t.app.inject({ url: "/nulle-part" }),
      await t.app.inject({ url: css }),
      await t.app.inject({ url: "/healthz" }),
      await t.app.inject({
        method: "POST",
        url: `/article/${slug}/commentaires`,
        payload: "name=L%C3%A9a&email=lea%40example.net&body=Bonjour",
        headers: { "content-type": "application/x-www-form-urlencoded" },
      }),
      await t.app.inject({
        method: "POST",
        url: `/article/${slug}/commentaires`,
        payload: "name=&email=&body=",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          accept: "application/json",
        },
      }),
    ];
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 404, 200, 200, 303, 422]);
    for (const answer of answers) {
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
        expect(answer.headers[name], `${name} on a ${answer.statusCode}`).toBe(value);
      }
    }
    expect(SECURITY_HEADERS["content-security-policy"]).not.toMatch(/unsafe-(inline|eval)/);
  });

  it("add HSTS only when a trusted proxy says the request came over TLS", async () => {
    const proto = { "x-forwarded-proto": "https" };
    expect((await t.app.inject({ url: "/", headers: proto })).headers).not.toHaveProperty(
      "strict-transport-security",
    );
    const behind = await openTestApp("sqlite", undefined, { trustProxy: 1 });
    try {
      const slug2 = (await makeArticle(behind.ctx)).slug;
      const overTls = await behind.app.inject({ url: "/", headers: proto });
      expect(overTls.headers["strict-transport-security"]).toBe(HSTS);
      expect((await behind.app.inject({ url: "/" })).headers).not.toHaveProperty(
        "strict-transport-security",
      );
      // Reader cookies are Secure over TLS, and still HttpOnly and SameSite.
      const posted = await behind.app.inject({
        method: "POST",
        url: `/article/${slug2}/commentaires`,
        payload: "name=L%C3%A9a&email=lea%40example.net&body=Bonjour&remember=1",
        headers: { "content-type": "application/x-www-form-urlencoded", ...proto },
      });
      expect(posted.statusCode).toBe(303);
      const cookies = [...setCookies(posted).values()];
      expect(cookies.map((c) => c.name).sort()).toEqual([
        "kiosque_author",
        "kq_commenter",
        "kq_mine",
      ]);
      for (const c of cookies) {
        expect(c.attributes.has("secure"), c.name).toBe(true);
        expect(c.attributes.has("httponly"), c.name).toBe(true);
        expect(c.attributes.get("samesite")?.toLowerCase(), c.name).toBe("lax");
      }
    } finally {
      await behind.close();
    }
  });
});
