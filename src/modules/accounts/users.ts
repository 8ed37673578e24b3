import type { Ctx, TxCtx } from "../../ctx.js";
import { Invalid, type Problem } from "../../lib/errors.js";
import { charLength } from "../../lib/form-fields.js";
import { numberedSlug, slugify } from "../../lib/slug.js";
import { hasControlCharacters, isBlank } from "../../lib/text.js";
import type { Locale } from "../../web/i18n/index.js";
import { audit } from "../audit/index.js";
import { hashPassword, PASSWORD_MAX, PASSWORD_MIN } from "./passwords.js";
import { isRole, OPERATOR } from "./permissions.js";
import * as repo from "./repo.js";
import type { Role } from "./table.js";

export interface NewUser {
  email: string;
  password: string;
  name?: string;
  role: string;
  bio?: string;
  slug?: string;
}

/** Longest name shown in a byline; longer is not a name. */
export const NAME_MAX = 100;
/** Longest e-mail address SMTP carries (RFC 5321's path limit). */
export const EMAIL_MAX = 254;

/** The one shape of e-mail address accounts accept: something@somewhere, no spaces. */
export const isEmail = (email: string): boolean =>
  /^[^\s@]+@[^\s@]+$/.test(email) && charLength(email) <= EMAIL_MAX;

/** A person's name as bylines show it: as typed, or the address's first part for none. */
function shownName(typed: string, email: string): string {
  const name = typed.trim();
  return isBlank(name) ? email.split("@")[0] || email : name;
}

/** Creates an account from the command line or a test (the newsroom invites instead). */
export async function createUser(ctx: Ctx, input: NewUser): Promise<number> {
  const email = input.email.trim().toLowerCase();
  const problems: Record<string, Problem> = {};
  if (!isEmail(email)) problems.email = { problem: "email" };
  if ([...input.password].length < PASSWORD_MIN)
    problems.password = { problem: "tooShort", limit: PASSWORD_MIN };
  else if ([...input.password].length > PASSWORD_MAX)
    problems.password = { problem: "tooLong", limit: PASSWORD_MAX };
  if (input.name !== undefined && charLength(input.name.trim()) > NAME_MAX)
    problems.name = { problem: "tooLong", limit: NAME_MAX };
  const role = isRole(input.role) ? input.role : undefined;
  if (!role) problems.role = { problem: "choice" };
  // Said with the other problems (insertUser checks again, in its transaction).
  if (!problems.email && (await repo.findByEmail(ctx.db, email)))
    problems.email = { problem: "emailTaken" };
  // Refused, never stripped: a NUL could not move to PostgreSQL, nor show in a byline.
  for (const [field, value] of Object.entries(input))
    if (typeof value === "string" && hasControlCharacters(value))
      problems[field] = { problem: "control" };
  if (Object.keys(problems).length > 0 || !role)
    throw new Invalid("KIOSQUE_USER_INVALID", problems);

  const passwordHash = await hashPassword(input.password);
  return ctx.write(async (tx) => {
    const id = await insertUser(tx, "KIOSQUE_USER_INVALID", {
      email,
      name: shownName(input.name ?? "", email),
      role,
      passwordHash,
      bio: input.bio ?? "",
      ...(input.slug === undefined ? {} : { slug: input.slug }),
    });
    // The command line's act (the newsroom invites instead): the operator's.
    await audit.record(tx, {
      actor: OPERATOR,
      action: "person.create",
      target: { type: "person", id },
      details: { role },
    });
    return id;
  });
}

export interface CheckedUser {
  email: string;
  name: string;
  role: Role;
  passwordHash: string;
  locale?: Locale;
  bio?: string;
  slug?: string;
}

/**
 * Inserts an account whose fields are already checked, in the caller's transaction: refused
 * (`taken`) when the address has one already. The byline's slug is made from the name, numbered
 * when taken.
 */
export async function insertUser(
  tx: TxCtx,
  code: "KIOSQUE_USER_INVALID" | "KIOSQUE_INVITATION_INVALID",
  user: CheckedUser,
): Promise<number> {
  if (await repo.findByEmail(tx.db, user.email))
    throw new Invalid(code, { email: { problem: "emailTaken" } });
  const base = slugify(user.name) || "auteur";
  let slug = user.slug ?? base;
  for (let n = 2; await repo.slugTaken(tx.db, slug); n++) slug = numberedSlug(base, n);
  return repo.insert(tx.db, {
    email: user.email,
    name: user.name,
    slug,
    bio: user.bio ?? "",
    role: user.role,
    password_hash: user.passwordHash,
    created_at: tx.clock.now().toISOString(),
    ...(user.locale ? { locale: user.locale } : {}),
  });
}

/**
 * The names of these people, as bylines show them (public anyway): for pages that say who did
 * something (the journal, the bans list). An id with no account (0: the operator) is absent.
 */
export async function namesOf(ctx: Ctx, ids: readonly number[]): Promise<Map<number, string>> {
  const wanted = [...new Set(ids)].filter((id) => id > 0);
  const rows = await repo.namesOf(ctx.db, wanted);
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** What an import knows of a person whose writing it brings. */
export interface ImportedPerson {
  /** Lower-cased here; an export without one gives a placeholder (`login@import.invalid`). */
  email: string;
  name: string;
  bio: string;
  slug: string;
}

/**
 * The account of a person whose writing is imported, in the importer's transaction: the one
 * with that address when there is one (mapped, not changed), else a new author with no password:
 * no password matches an empty hash, so it signs in only once an admin gives it one (`kiosque
 * user passwd`).
 */
export async function accountForImport(
  tx: TxCtx,
  person: ImportedPerson,
): Promise<{ id: number; slug: string; created: boolean }> {
  const email = person.email.trim().toLowerCase();
  const found = await repo.findByEmail(tx.db, email);
  if (found) return { id: found.id, slug: found.slug, created: false };
  const name = shownName([...person.name.trim()].slice(0, NAME_MAX).join(""), email);
  const id = await insertUser(tx, "KIOSQUE_USER_INVALID", {
    email,
    name,
    role: "author",
    passwordHash: "",
    bio: person.bio,
    ...(slugify(person.slug) ? { slug: slugify(person.slug) } : {}),
  });
  const made = await repo.findByEmail(tx.db, email);
  return { id, slug: made?.slug ?? "", created: true };
}

/** Every account's public face and address, for an export of the site (never a password). */
export async function portablePeople(ctx: Ctx) {
  return repo.portablePeople(ctx.db);
}
