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
