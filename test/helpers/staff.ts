import type { FastifyInstance } from "fastify";
import type { Ctx } from "../../src/ctx.js";
import { accounts, type Role } from "../../src/modules/accounts/index.js";
import { cookieHeader, formBody, setCookies } from "./http.js";

let n = 0;

export interface StaffMember {
  id: number;
  email: string;
  password: string;
  role: Role;
  /** The Cookie header a browser signed in as this person sends to /admin. */
  cookie: string;
}

/** A new account of this role. */
export async function makeStaff(ctx: Ctx, role: Role, name = `Équipe ${++n}`) {
  const email = `staff-${role}-${++n}-${Date.now()}@redaction.example`;
  const password = `mot de passe ${n} très long`;
  const id = await accounts.createUser(ctx, { email, password, role, name });
  return { id, email, password, role };
}

/** Signs in through the real form, as a browser does, from `address`. */
export async function signInForm(
  app: FastifyInstance,
  fields: Record<string, string>,
  address = "203.0.113.10",
  cookie = "",
) {
  return app.inject({
    method: "POST",
    url: "/admin/connexion",
    remoteAddress: address,
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      ...(cookie ? { cookie } : {}),
    },
    payload: formBody(fields),
  });
}

/** A new account of this role, signed in: its session cookie ready for /admin requests. */
export async function signedIn(app: FastifyInstance, ctx: Ctx, role: Role): Promise<StaffMember> {
  const member = await makeStaff(ctx, role);
  const res = await signInForm(app, { email: member.email, password: member.password });
  if (res.statusCode !== 303) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  return { ...member, cookie: cookieHeader(setCookies(res).get("kq_staff")) };
}

/** A form posted by a signed-in browser (same-origin, its session cookie). */
export function postForm(
  app: FastifyInstance,
  url: string,
  cookie: string,
  fields: Readonly<Record<string, string | readonly string[]>> = {},
  address = "203.0.113.10",
) {
  return app.inject({
    method: "POST",
    url,
    remoteAddress: address,
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      ...(cookie ? { cookie } : {}),
    },
    payload: formBody(fields),
  });
}

export function getPage(app: FastifyInstance, url: string, cookie = "") {
  return app.inject({ method: "GET", url, headers: cookie ? { cookie } : {} });
}

/** The ten recovery codes a page shows once. */
export function recoveryCodesIn(html: string): string[] {
  return [...html.matchAll(/<code>([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})<\/code>/g)].map(
    (m) => m[1] ?? "",
  );
}

/**
 * Sets up the authenticator app through the account pages, as a person does: start, read the key
 * the page shows, confirm with the code of the moment. Returns the key and the recovery codes.
 */
export async function enrolSecondFactor(app: FastifyInstance, ctx: Ctx, member: StaffMember) {
  const start = await postForm(app, "/admin/compte/double-authentification/activer", member.cookie);
  if (start.statusCode !== 303) throw new Error(`start failed: ${start.statusCode}`);
  const page = await getPage(app, "/admin/compte/double-authentification", member.cookie);
  const secret = /id="totp-secret">([A-Z2-7]+)</.exec(page.body)?.[1];
  if (!secret) throw new Error("no key on the set-up page");
  const confirm = await postForm(
    app,
    "/admin/compte/double-authentification/confirmer",
    member.cookie,
    { code: accounts.totpCode(secret, ctx.clock.now()) },
  );
  if (confirm.statusCode !== 200) throw new Error(`confirm failed: ${confirm.statusCode}`);
  return { secret, recoveryCodes: recoveryCodesIn(confirm.body) };
}
