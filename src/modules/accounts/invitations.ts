import { randomBytes } from "node:crypto";
import type { Ctx } from "../../ctx.js";
import { changeKeys } from "../../lib/change-keys.js";
import { Gone, Invalid } from "../../lib/errors.js";
import { FormReader, type RawForm } from "../../lib/form-fields.js";
import { audit } from "../audit/index.js";
import { locales } from "./own-account.js";
import { hashPassword, readNewPassword } from "./passwords.js";
import { canManageUsers, ensure, roles, type Actor } from "./permissions.js";
import * as repo from "./repo.js";
import { EMAIL_MAX, insertUser, isEmail, NAME_MAX } from "./users.js";
import { hashToken, openSession } from "./sessions.js";
import type { Role } from "./table.js";

/** How long an invitation link works: long enough for a week away, short enough to forget. */
const INVITATION_DAYS = 7;
const DAY_MS = 86_400_000;

export interface NewInvitation {
  id: number;
  email: string;
  role: Role;
  expiresAt: string;
  /** Goes into the link, shown once to the admin: only its hash is kept. */
  token: string;
}

export interface PendingInvitation {
  id: number;
  email: string;
  role: Role;
  createdAt: string;
  expiresAt: string;
}

/** An invitation a link names, while it can still be accepted. */
export interface OpenInvitation {
  email: string;
  role: Role;
  expiresAt: string;
}

/**
 * An admin invites someone: a single-use link, good for seven days, that they copy and send
 * (until Kiosque sends mail). An address that already has an account is refused. An address
 * already invited is invited again, and the new link replaces the old one: inviting again is how
 * a lost link is sent anew, and of two good links to one address, the one not used first would be
 * left dead (the account made by the other holds the address).
 */
export async function invite(ctx: Ctx, actor: Actor, raw: RawForm): Promise<NewInvitation> {
  ensure(actor, canManageUsers);
  const form = new FormReader(raw);
  const email = form.text("email", { required: true, max: EMAIL_MAX }).toLowerCase();
  const role = form.choice("role", roles);
  if (email && !form.problems.email && !isEmail(email)) form.refuse("email", { problem: "email" });
  if (form.ok && (await held(ctx.db, email))) form.refuse("email", { problem: "emailTaken" });
  if (!form.ok || !role) throw new Invalid("KIOSQUE_INVITATION_INVALID", form.problems);
  const token = randomBytes(32).toString("base64url");
  const now = ctx.clock.now();
  const expiresAt = new Date(now.getTime() + INVITATION_DAYS * DAY_MS).toISOString();
  const id = await ctx.write(async (tx) => {
    const id = await repo.insertInvitation(tx.db, {
      token_hash: hashToken(token),
      email,
      role,
      created_by: actor.id > 0 ? actor.id : null,
      created_at: now.toISOString(),
      expires_at: expiresAt,
      used_at: null,
    });
    // The role, not the address: who accepted shows in the acceptance's entry.
    await audit.record(tx, {
      actor,
      action: "invitation.create",
      target: { type: "invitation", id },
      details: { role },
    });
    for (const old of await repo.deleteOtherLiveInvitations(tx.db, email, id, now.toISOString()))
      await audit.record(tx, {
        actor,
        action: "invitation.revoke",
        target: { type: "invitation", id: old },
        details: { replacedBy: id },
      });
    return id;
  });
  return { id, email, role, expiresAt, token };
}

/** Invitations that can still be accepted: good, and to an address no account holds yet. */
export async function pendingInvitations(ctx: Ctx, actor: Actor): Promise<PendingInvitation[]> {
  ensure(actor, canManageUsers);
  const good = await repo.pendingInvitations(ctx.db, ctx.clock.now().toISOString());
  const taken = await repo.heldAddresses(
    ctx.db,
    good.map((r) => r.email),
  );
  return good
    .filter((r) => !taken.has(r.email))
    .map((r) => ({
      id: r.id,
      email: r.email,
      role: r.role,
      createdAt: r.created_at,
      expiresAt: r.expires_at,
    }));
}

/** Withdraws an invitation: its link opens nothing from now on. */
export async function revokeInvitation(ctx: Ctx, actor: Actor, id: number): Promise<void> {
  ensure(actor, canManageUsers);
  await ctx.write(async (tx) => {
    // Already gone (revoked in another tab, accepted): nothing happened, nothing to record.
    if ((await repo.deleteInvitation(tx.db, id)) === 0) return;
    await audit.record(tx, {
      actor,
      action: "invitation.revoke",
      target: { type: "invitation", id },
    });
  });
}

/**
 * Whether an account holds the address: then no invitation to it can be accepted (an imported
 * author's account, without a password, does not hold it: its invitation gives it one).
 */
async function held(db: Ctx["db"], email: string): Promise<boolean> {
  return (await repo.heldAddresses(db, [email])).has(email);
}

/** Longer than any token we make: refused before a hash is spent on it. */
const TOKEN_MAX = 100;

async function live(ctx: Ctx, token: string) {
  const row =
    token.length <= TOKEN_MAX
      ? await repo.liveInvitation(ctx.db, hashToken(token), ctx.clock.now().toISOString())
      : undefined;
  if (!row) throw new Gone("KIOSQUE_INVITATION_GONE");
  // Made since (from the command line, or by an invitation from before one replaced another).
  if (await held(ctx.db, row.email)) throw new Gone("KIOSQUE_INVITATION_TAKEN");
  return row;
}

/**
 * The invitation a link's token names: Gone when unknown, used, revoked or past its end, or when
 * its address has an account by now (then the page says so, and to sign in).
 */
export async function openInvitation(ctx: Ctx, token: string): Promise<OpenInvitation> {
  const row = await live(ctx, token);
  return { email: row.email, role: row.role, expiresAt: row.expires_at };
}

export interface Accepted {
  /** The new account's first session (complete: it has no second factor yet). */
  sessionToken: string;
  userId: number;
}

/**
 * The invited person chooses their name, language and password: the account is made and the
 * invitation used, in one transaction; of two tabs accepting at once, one wins and the other is
 * told the link is used (Gone). They are signed in.
 */
export async function acceptInvitation(
  ctx: Ctx,
  token: string,
  raw: RawForm,
  userAgent: string,
): Promise<Accepted> {
  const invitation = await live(ctx, token);
  const form = new FormReader(raw);
  const name = form.text("name", { required: true, max: NAME_MAX });
  const locale = form.choice("locale", locales, (await ctx.settings())["site.locale"]);
  const password = readNewPassword(form, "password", "confirm");
  if (!form.ok || !locale) throw new Invalid("KIOSQUE_INVITATION_INVALID", form.problems);
  const passwordHash = await hashPassword(password);
  const userId = await ctx.write(async (tx, changed) => {
    if (!(await repo.consumeInvitation(tx.db, invitation.id, tx.clock.now().toISOString())))
      throw new Gone("KIOSQUE_INVITATION_GONE");
    // Checked again here: an account made since the page opened would otherwise come back as
    // a refusal of the form's `email`, a field it does not show.
    if (await held(tx.db, invitation.email)) throw new Gone("KIOSQUE_INVITATION_TAKEN");
    // An imported author's account (no password yet, as held() found) is theirs: it takes the
    // invitation's password, name, language and role, and keeps its byline and articles.
    const waiting = await repo.findByEmail(tx.db, invitation.email);
    let id: number;
    if (waiting) {
      await repo.updateUser(tx.db, waiting.id, {
        password_hash: passwordHash,
        name,
        locale,
        role: invitation.role,
      });
      // Their imported articles are signed with the name they now give (see updateProfile).
      if (waiting.name !== name) changed(changeKeys.all);
      id = waiting.id;
    } else {
      id = await insertUser(tx, "KIOSQUE_INVITATION_INVALID", {
        email: invitation.email,
        name,
        role: invitation.role,
        passwordHash,
        locale,
      });
    }
    // The new person is who acted: they accepted.
    await audit.record(tx, {
      actor: { id },
      action: "invitation.accept",
      target: { type: "person", id },
      details: { invitation: invitation.id, role: invitation.role },
    });
    return id;
  });
  return { sessionToken: await openSession(ctx, userId, "complete", userAgent), userId };
}
