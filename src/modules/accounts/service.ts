import { hash } from "@node-rs/argon2";
import type { Ctx } from "../../ctx.js";
import { Invalid, type Problem } from "../../lib/errors.js";
import { slugify } from "../../lib/slug.js";
import { hasControlCharacters } from "../../lib/text.js";
import { isRole } from "./permissions.js";
import * as repo from "./repo.js";

export interface NewUser {
  email: string;
  password: string;
  name?: string;
  role: string;
  bio?: string;
  slug?: string;
}

/** Minimum password length (NIST SP 800-63B's floor for user-chosen secrets). */
const PASSWORD_MIN = 8;

export async function createUser(ctx: Ctx, input: NewUser): Promise<number> {
  const email = input.email.trim().toLowerCase();
  const problems: Record<string, Problem> = {};
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) problems.email = { problem: "email" };
  if ([...input.password].length < PASSWORD_MIN)
    problems.password = { problem: "tooShort", limit: PASSWORD_MIN };
  const role = isRole(input.role) ? input.role : undefined;
  if (!role) problems.role = { problem: "choice" };
  if (email && (await repo.findByEmail(ctx.db, email))) problems.email = { problem: "duplicate" };
  // Refused, never stripped: a NUL could not move to PostgreSQL, nor show in a byline.
  for (const [field, value] of Object.entries(input))
    if (typeof value === "string" && hasControlCharacters(value))
      problems[field] = { problem: "control" };
  if (Object.keys(problems).length > 0 || !role)
    throw new Invalid("KIOSQUE_USER_INVALID", problems);

  const name = input.name?.trim() || email.split("@")[0] || email;
  let slug = input.slug ?? (slugify(name) || "auteur");
  for (let n = 2; await repo.slugTaken(ctx.db, slug); n++)
    slug = `${slugify(name) || "auteur"}-${n}`;
  return repo.insert(ctx.db, {
    email,
    name,
    slug,
    bio: input.bio ?? "",
    role,
    password_hash: await hash(input.password),
    created_at: ctx.clock.now().toISOString(),
  });
}

export { signIn, type SignInAttempt, type SignedIn } from "./sign-in.js";
export { findSession, closeSessionByToken, closeAllSessions } from "./sessions.js";
