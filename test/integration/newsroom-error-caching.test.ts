import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEngines } from "../helpers/engines.js";
import { formBody } from "../helpers/http.js";
import { openTestApp, type TestApp } from "../helpers/runtime.js";
import { makeStaff, postForm, signInForm, signedIn, type StaffMember } from "../helpers/staff.js";

const PERSONAL = "private, no-store";

/**
 * Every answer under /admin is personal, its errors too, whatever made them: a route, the
 * router's own not-found, a schema's refusal, a refusal before any route, a failure.
 */
describe.each(testEngines())("newsroom error answers and caches on %s", (engine) => {
  let rt: TestApp;
  let author: StaffMember;

  beforeAll(async () => {
    rt = await openTestApp(engine);
    // A failure outside the newsroom's scope (its hook never runs): only the error mapping
    // can mark it. Added before the app's first request, as Fastify requires.
    rt.app.get("/admin/essai-panne", () => {
      throw new Error("panne voulue");
    });
    author = await signedIn(rt.app, rt.ctx, "author");
  });
  afterAll(() => rt.close());

  const get = (url: string, cookie = "", accept?: string) =>
    rt.app.inject({
      method: "GET",
      url,
      headers: { ...(cookie ? { cookie } : {}), ...(accept ? { accept } : {}) },
    });

  it("marks 404 answers private, from a route or from the router", async () => {
    for (const [url, cookie] of [
      ["/admin/nulle-part", ""],
      ["/admin/nulle-part", author.cookie],
      ["/admin/nulle-part?x=1", author.cookie],
      ["/admin/articles/2000000000", author.cookie],
    ] as const) {
      for (const accept of [undefined, "application/json"]) {
        const res = await get(url, cookie, accept);
        expect(res.statusCode, url).toBe(404);
        expect(res.headers["cache-control"], `${url} ${accept ?? "html"}`).toBe(PERSONAL);
      }
    }
    // A reader's 404 stays as it was: asked again, never kept personal.
    const reader = await get("/nulle-part");
    expect(reader.statusCode).toBe(404);
    expect(reader.headers["cache-control"]).toBe("no-cache");
    expect((await get("/administration-ancienne")).headers["cache-control"]).toBe("no-cache");
  });

  it("marks refusals private: a bad URL, a schema's 400, a 403 before any route, a 422, a 429", async () => {
    const badUrl = await get("/admin/articles/%E0%A4%A", author.cookie);
    expect(badUrl.statusCode).toBe(400);
    expect(badUrl.headers["cache-control"]).toBe(PERSONAL);

    const schema = await get("/admin/articles/pas-un-nombre", author.cookie);
    expect(schema.statusCode).toBe(400);
    expect(schema.headers["cache-control"]).toBe(PERSONAL);

    const forbidden = await get("/admin/personnes", author.cookie);
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.headers["cache-control"]).toBe(PERSONAL);

    // Refused by the security hook, before the newsroom's own hook runs.
    const crossSite = await rt.app.inject({
      method: "POST",
      url: "/admin/articles/nouveau",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        origin: "https://ailleurs.example",
        cookie: author.cookie,
      },
      payload: formBody({ title: "x" }),
    });
    expect(crossSite.statusCode).toBe(403);
    expect(crossSite.headers["cache-control"]).toBe(PERSONAL);

    const unnamed = await postForm(rt.app, "/admin/compte/profil", author.cookie, { name: "" });
    expect(unnamed.statusCode).toBe(422);
    expect(unnamed.headers["cache-control"]).toBe(PERSONAL);

    const member = await makeStaff(rt.ctx, "author");
    let locked;
    for (let i = 0; i < 30 && locked?.statusCode !== 429; i++)
      locked = await signInForm(
        rt.app,
        { email: member.email, password: `essai ${i}` },
        "192.0.2.77",
      );
    expect(locked?.statusCode).toBe(429);
    expect(locked?.headers["cache-control"]).toBe(PERSONAL);
  });

  it("marks a failure's 500 private", async () => {
    for (const accept of [undefined, "application/json"]) {
      const res = await get("/admin/essai-panne", author.cookie, accept);
      expect(res.statusCode).toBe(500);
      expect(res.headers["cache-control"]).toBe(PERSONAL);
    }
  });
});
