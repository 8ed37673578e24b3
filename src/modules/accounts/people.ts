import type { Ctx, TxCtx } from "../../ctx.js";
import { Invalid, NotFound } from "../../lib/errors.js";
import { FormReader, type RawForm } from "../../lib/form-fields.js";
import { audit } from "../audit/index.js";
import { hashPassword, PASSWORD_MAX, PASSWORD_MIN } from "./passwords.js";
import { canManageUsers, ensure, roles, type Actor } from "./permissions.js";
import * as repo from "./repo.js";
import type { Role } from "./table.js";

/** One account, as the people page and `kiosque user list` show it: never its password hash. */
export interface Person {
  id: number;
  email: string;
  name: string;
  role: Role;
  locale: string;
  hasSecondFactor: boolean;
  disabledAt: string | null;
  /** When their last sign-in completed; null for never (or before this was recorded). */
  lastSignInAt: string | null;
}

export async function listPeople(ctx: Ctx, actor: Actor): Promise<Person[]> {
  ensure(actor, canManageUsers);
  return (await repo.list(ctx.db)).map(toPerson);
}

function toPerson(u: Awaited<ReturnType<typeof repo.list>>[number]): Person {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    locale: u.locale,
    hasSecondFactor: u.totp_enabled_at !== null,
    disabledAt: u.disabled_at,
    lastSignInAt: u.last_sign_in_at,
  };
}

/** The account signing in with this address (the command line names people by it). */
export async function personByEmail(ctx: Ctx, actor: Actor, email: string): Promise<Person> {
  ensure(actor, canManageUsers);
  const user = await repo.findByEmail(ctx.db, email.trim().toLowerCase());
  if (!user) throw new NotFound("user", { email });
  return toPerson(user);
}

/**
 * Refuses a change that would leave no active admin: the newsroom would have nobody to invite,
 * enable or promote anyone again (but the command line). MUST run inside the transaction that
 * makes the change, after `lockActiveAdmins`.
 */
async function keepAnAdmin(tx: TxCtx, userId: number, field: string): Promise<void> {
  await repo.lockActiveAdmins(tx.db);
  const target = await repo.findById(tx.db, userId);
  if (target?.role !== "admin" || target.disabled_at !== null) return;
  if (tx.engine.toNumber(await repo.activeAdminsBesides(tx.db, userId)) === 0)
    throw new Invalid("KIOSQUE_LAST_ADMIN", { [field]: { problem: "lastAdmin" } });
}

export async function changeRole(
  ctx: Ctx,
  actor: Actor,
  userId: number,
  raw: RawForm,
): Promise<void> {
  ensure(actor, canManageUsers);
  const form = new FormReader(raw);
  const role = form.choice("role", roles);
  if (!role) throw new Invalid("KIOSQUE_USER_INVALID", form.problems);
  await ctx.write(async (tx) => {
    const before = await repo.findById(tx.db, userId);
    if (!before) throw new NotFound("user", { userId });
    if (role !== "admin") await keepAnAdmin(tx, userId, "role");
    await repo.setRole(tx.db, userId, role);
    await audit.record(tx, {
      actor,
      action: "person.role",
      target: { type: "person", id: userId },
      details: { from: before.role, to: role },
    });
  });
}

/**
 * Disables an account (it signs in no more and every session it has ends now) or enables it
 * again. The last active admin stays.
 */
export async function setDisabled(
  ctx: Ctx,
  actor: Actor,
  userId: number,
  disabled: boolean,
): Promise<void> {
  ensure(actor, canManageUsers);
  await ctx.write(async (tx) => {
    if (!(await repo.findById(tx.db, userId))) throw new NotFound("user", { userId });
    if (disabled) {
      await keepAnAdmin(tx, userId, "person");
      await repo.updateUser(tx.db, userId, { disabled_at: tx.clock.now().toISOString() });
      await repo.deleteSessionsOf(tx.db, userId);
    } else {
      await repo.updateUser(tx.db, userId, { disabled_at: null });
    }
    await audit.record(tx, {
      actor,
      action: disabled ? "person.disable" : "person.enable",
      target: { type: "person", id: userId },
    });
  });
}

/**
 * Sets someone's password (the command line's `user passwd`: a forgotten one) and signs them out
 * everywhere.
 */
export async function setPassword(
  ctx: Ctx,
  actor: Actor,
  userId: number,
  password: string,
): Promise<void> {
  ensure(actor, canManageUsers);
  const form = new FormReader({ password });
  form.secret("password", { required: true, min: PASSWORD_MIN, max: PASSWORD_MAX });
  if (!form.ok) throw new Invalid("KIOSQUE_USER_INVALID", form.problems);
  const passwordHash = await hashPassword(password);
  await ctx.write(async (tx) => {
    if (!(await repo.findById(tx.db, userId))) throw new NotFound("user", { userId });
    await repo.updateUser(tx.db, userId, { password_hash: passwordHash });
    await repo.deleteSessionsOf(tx.db, userId);
    // That it changed, never what to.
    await audit.record(tx, {
      actor,
      action: "person.password",
      target: { type: "person", id: userId },
    });
  });
}

/**
 * Signs someone out everywhere (a lost laptop, a departure in progress): every session they
 * have, on every instance, ends at its next request. Their account stays usable: they may sign
 * in again. Returns how many sessions were closed.
 */
export async function signOutPerson(ctx: Ctx, actor: Actor, userId: number): Promise<number> {
  ensure(actor, canManageUsers);
  return ctx.write(async (tx) => {
    if (!(await repo.findById(tx.db, userId))) throw new NotFound("user", { userId });
    const closed = await repo.deleteSessionsOf(tx.db, userId);
    await audit.record(tx, {
      actor,
      action: "person.signOut",
      target: { type: "person", id: userId },
      details: { sessions: closed },
    });
    return closed;
  });
}
