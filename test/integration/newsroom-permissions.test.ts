import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../../src/modules/accounts/index.js";
import { fr } from "../../src/web/i18n/fr.js";
import { testEngines } from "../helpers/engines.js";
import { formBody } from "../helpers/http.js";
import { openTestApp, type TestApp } from "../helpers/runtime.js";
import { makeStaff, signedIn, type StaffMember } from "../helpers/staff.js";

type Method = "GET" | "POST";

interface StaffRoute {
  method: Method;
  /** `:id` stands for another person's id, `:invitation` for a pending invitation's. */
  url: string;
  /** Roles the route refuses (403); the others may use it. */
  refuses: readonly Role[];
  fields?: Record<string, string>;
}

const NOT_ADMIN: readonly Role[] = ["editor", "author", "moderator"];

/**
 * Every newsroom route of accounts, with the roles it must refuse. Everyone may use their own
 * account; people and invitations are for admins only.
 */
const ROUTES: readonly StaffRoute[] = [
  { method: "GET", url: "/admin", refuses: [] },
  { method: "GET", url: "/admin/compte", refuses: [] },
  { method: "POST", url: "/admin/compte/profil", refuses: [], fields: { name: "X", locale: "fr" } },
  { method: "POST", url: "/admin/compte/mot-de-passe", refuses: [] },
  { method: "POST", url: "/admin/compte/sessions/fermer", refuses: [], fields: { session: "x" } },
  { method: "GET", url: "/admin/compte/double-authentification", refuses: [] },
  { method: "POST", url: "/admin/compte/double-authentification/activer", refuses: [] },
  { method: "POST", url: "/admin/compte/double-authentification/confirmer", refuses: [] },
  { method: "POST", url: "/admin/compte/double-authentification/codes", refuses: [] },
  { method: "POST", url: "/admin/compte/double-authentification/desactiver", refuses: [] },
  { method: "POST", url: "/admin/deconnexion-partout", refuses: [] },
  { method: "GET", url: "/admin/personnes", refuses: NOT_ADMIN },
  {
    method: "POST",
    url: "/admin/personnes/:id/role",
    refuses: NOT_ADMIN,
    fields: { role: "admin" },
  },
  { method: "POST", url: "/admin/personnes/:id/desactiver", refuses: NOT_ADMIN },
  { method: "POST", url: "/admin/personnes/:id/reactiver", refuses: NOT_ADMIN },
  {
    method: "POST",
    url: "/admin/personnes/:id/double-authentification/retirer",
    refuses: NOT_ADMIN,
  },
  {
    method: "POST",
    url: "/admin/personnes/double-authentification-obligatoire",
    refuses: NOT_ADMIN,
    fields: { require2fa: "1" },
  },
  {
    method: "POST",
    url: "/admin/personnes/invitations",
    refuses: NOT_ADMIN,
    fields: { email: "nouvelle@redaction.example", role: "admin" },
  },
  { method: "POST", url: "/admin/personnes/invitations/:invitation/revoquer", refuses: NOT_ADMIN },
  { method: "POST", url: "/admin/personnes/:id/deconnecter", refuses: NOT_ADMIN },
  // Settings: admins only (canChangeSettings), reading them included.
  { method: "GET", url: "/admin/reglages", refuses: NOT_ADMIN },
  { method: "GET", url: "/admin/reglages/discussion", refuses: NOT_ADMIN },
  { method: "GET", url: "/admin/reglages/integrations", refuses: NOT_ADMIN },
  {
    method: "POST",
    url: "/admin/reglages",
    refuses: NOT_ADMIN,
    fields: { "site.name": "Pris", "site.locale": "en" },
  },
  {
    method: "POST",
    url: "/admin/reglages/discussion",
    refuses: NOT_ADMIN,
    fields: { "comments.maxLinks": "9" },
  },
  {
    method: "POST",
    url: "/admin/reglages/integrations",
    refuses: NOT_ADMIN,
    fields: { "akismet.apiKey": "volee123" },
  },
  { method: "POST", url: "/admin/reglages/integrations/akismet/tester", refuses: NOT_ADMIN },
  {
    method: "POST",
    url: "/admin/reglages/integrations/akismet/retirer-la-cle",
    refuses: NOT_ADMIN,
  },
];

const ROLES: readonly Role[] = ["admin", "editor", "author", "moderator"];

describe.each(testEngines())("newsroom accounts permissions on %s", (engine) => {
  let rt: TestApp;
  let target: { id: number };
  let invitationId: number;
  const members = {} as Record<Role, StaffMember>;

  beforeAll(async () => {
    rt = await openTestApp(engine);
    for (const role of ROLES) members[role] = await signedIn(rt.app, rt.ctx, role);
    target = await makeStaff(rt.ctx, "author", "Cible");
    invitationId = await rt.ctx.db
      .insertInto("invitations")
      .values({
        token_hash: "not-a-real-token-hash",
        email: "invitee@redaction.example",
        role: "author",
        created_by: null,
        created_at: rt.clock.now().toISOString(),
        expires_at: new Date(rt.clock.now().getTime() + 86_400_000).toISOString(),
        used_at: null,
      })
      .returning("id")
      .executeTakeFirstOrThrow()
      .then((r) => r.id);
  });
  afterAll(() => rt.close());

  const urlOf = (route: StaffRoute) =>
    route.url.replace(":id", String(target.id)).replace(":invitation", String(invitationId));

  function send(route: StaffRoute, headers: Record<string, string>) {
    return rt.app.inject({
      method: route.method,
      url: urlOf(route),
      headers: {
        ...headers,
        ...(route.method === "POST" ? { "content-type": "application/x-www-form-urlencoded" } : {}),
      },
      ...(route.method === "POST" ? { payload: formBody(route.fields ?? {}) } : {}),
    });
  }

  /** What a refused request must leave untouched. */
  const snapshot = async () => ({
    users: await rt.ctx.db.selectFrom("users").selectAll().orderBy("id").execute(),
    invitations: await rt.ctx.db.selectFrom("invitations").selectAll().orderBy("id").execute(),
    require2fa: (await rt.ctx.settings())["staff.require2fa"],
    settings: await rt.ctx.db.selectFrom("settings").selectAll().orderBy("key").execute(),
    sessions: await rt.ctx.db
      .selectFrom("staff_sessions")
      .select(["id_hash", "user_id"])
      .orderBy("id_hash")
      .execute(),
  });

  const refusals = ROUTES.flatMap((route) => route.refuses.map((role) => ({ route, role })));

  it.each(
    refusals.map(({ route, role }) => [`${route.method} ${route.url}`, role, route] as const),
  )("%s refuses the %s with 403 and changes nothing", async (_name, role, route) => {
    const before = await snapshot();
    const res = await send(route, { cookie: members[role].cookie });
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain(fr.errors.forbidden.title);
    expect(await snapshot()).toEqual(before);
    const json = await send(route, { cookie: members[role].cookie, accept: "application/json" });
    expect(json.json()).toMatchObject({ code: "KIOSQUE_FORBIDDEN" });
  });

  it.each(ROUTES.map((route) => [`${route.method} ${route.url}`, route] as const))(
    "%s sends a browser without a session to the sign-in form",
    async (_name, route) => {
      const before = await snapshot();
      const res = await send(route, {});
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toMatch(/^\/admin\/connexion/);
      expect(await snapshot()).toEqual(before);
    },
  );

  it.each(ROUTES.filter((r) => r.method === "POST").map((route) => [route.url, route] as const))(
    "POST %s is refused from another site, even for an admin",
    async (_name, route) => {
      const before = await snapshot();
      const res = await send(route, {
        cookie: members.admin.cookie,
        "sec-fetch-site": "cross-site",
      });
      expect(res.statusCode).toBe(403);
      expect(await snapshot()).toEqual(before);
    },
  );

  it("refuses the invitation form posted from another site", async () => {
    const res = await rt.app.inject({
      method: "POST",
      url: "/admin/invitation/some-token",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        origin: "https://evil.example",
      },
      payload: formBody({ name: "X", password: "assez long", confirm: "assez long" }),
    });
    expect(res.statusCode).toBe(403);
  });

  it("lets each role use what it may (no 403 on the routes it is not refused)", async () => {
    // GETs only: the POSTs change things, and each has its own tests.
    for (const route of ROUTES.filter((r) => r.method === "GET"))
      for (const role of ROLES.filter((r) => !route.refuses.includes(r))) {
        const res = await send(route, { cookie: members[role].cookie });
        expect(res.statusCode, `${route.url} as ${role}`).toBe(200);
      }
  });

  it("shows People and Settings to admins only, and Account to everyone, in the menu", async () => {
    for (const role of ROLES) {
      const page = await send(
        { method: "GET", url: "/admin", refuses: [] },
        {
          cookie: members[role].cookie,
        },
      );
      expect(page.body.includes('href="/admin/personnes"'), role).toBe(role === "admin");
      expect(page.body.includes('href="/admin/reglages"'), role).toBe(role === "admin");
      expect(page.body, role).toContain('href="/admin/compte"');
    }
  });
});
