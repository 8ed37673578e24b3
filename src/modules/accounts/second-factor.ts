import type { Ctx } from "../../ctx.js";
import { Invalid, NotFound } from "../../lib/errors.js";
import { audit } from "../audit/index.js";
import { FormReader, type RawForm } from "../../lib/form-fields.js";
import { canManageUsers, canSecureOwnAccount, ensure, type Actor } from "./permissions.js";
import { PASSWORD_MAX } from "./passwords.js";
import { newRecoveryCodes, recoveryCodeHash } from "./recovery-codes.js";
import * as repo from "./repo.js";
import { hashToken, openSession } from "./sessions.js";
import { newTotpSecret, totpStep, totpUri } from "./totp.js";
import { isCurrentPassword, spendCode, withProofLimits, type Asker } from "./verification.js";

/** A secret being set up: what the person's authenticator app needs. */
export interface Enrolment {
  /** Base32, for typing by hand. */
  secret: string;
  /** The `otpauth://` address, for the QR code. */
  uri: string;
}

export interface SecondFactorState {
  enabled: boolean;
  enabledAt: string | null;
  /** Recovery codes not used yet. */
  recoveryCodesLeft: number;
  /** A secret generated and not yet confirmed with a code. */
  pending: Enrolment | undefined;
}

/** Longer than any code: "1234-ABCD-…" with spaces is 19 characters. */
const CODE_MAX = 40;

async function enrolmentOf(ctx: Ctx, actor: Actor, secret: string): Promise<Enrolment> {
  const [user, settings] = await Promise.all([repo.findById(ctx.db, actor.id), ctx.settings()]);
  return { secret, uri: totpUri(secret, settings["site.name"], user?.email ?? "") };
}

export async function secondFactorState(ctx: Ctx, actor: Actor): Promise<SecondFactorState> {
  ensure(actor, canSecureOwnAccount);
  const factor = await repo.secondFactorOf(ctx.db, actor.id);
  const enabled = factor?.totp_enabled_at != null;
  const pending =
    !enabled && factor?.totp_secret ? await enrolmentOf(ctx, actor, factor.totp_secret) : undefined;
  return {
    enabled,
    enabledAt: factor?.totp_enabled_at ?? null,
    recoveryCodesLeft: enabled
      ? ctx.engine.toNumber(await repo.unusedRecoveryCodes(ctx.db, actor.id))
      : 0,
    pending,
  };
}

/**
 * Starts setting up an authenticator app: a new secret, kept until a code confirms it (a new
 * start replaces it). Nothing changes for a person whose factor is already on.
 */
export async function startEnrolment(ctx: Ctx, actor: Actor): Promise<void> {
  ensure(actor, canSecureOwnAccount);
  const factor = await repo.secondFactorOf(ctx.db, actor.id);
  if (factor?.totp_enabled_at != null) return;
  await ctx.write((tx) =>
    repo.updateUser(tx.db, actor.id, { totp_secret: newTotpSecret(), totp_last_step: null }),
  );
}

/**
 * Turns the second factor on once the app shows the right code, and returns ten recovery codes
 * (shown once: only their hashes are kept).
 */
export async function confirmEnrolment(
  ctx: Ctx,
  actor: Actor,
  raw: RawForm,
  asker: Asker,
): Promise<string[]> {
  ensure(actor, canSecureOwnAccount);
  const form = new FormReader(raw);
  const code = form.text("code", { required: true, max: CODE_MAX }).replace(/\s/g, "");
  if (!form.ok) throw new Invalid("KIOSQUE_SECOND_FACTOR_FAILED", form.problems);
  const factor = await repo.secondFactorOf(ctx.db, actor.id);
  const secret = factor?.totp_enabled_at == null ? factor?.totp_secret : null;
  if (!secret) throw new Invalid("KIOSQUE_SECOND_FACTOR_FAILED", { code: { problem: "badCode" } });
  const codes = newRecoveryCodes();
  const ok = await withProofLimits(ctx, actor.id, asker, async () => {
    const step = totpStep(secret, code, ctx.clock.now());
    if (step === undefined) return false;
    return ctx.write(async (tx) => {
      // Only the secret that was shown: a start in another tab meanwhile makes this one stale.
      const at = tx.clock.now().toISOString();
      if (!(await repo.enableTotp(tx.db, actor.id, secret, step, at))) return false;
      await repo.replaceRecoveryCodes(tx.db, actor.id, codes.map(hashOf));
      return true;
    });
  });
  if (!ok) throw new Invalid("KIOSQUE_SECOND_FACTOR_FAILED", { code: { problem: "badCode" } });
  return codes;
}

const hashOf = (code: string): string => recoveryCodeHash(code) ?? "";

/** New recovery codes for the old ones (all of which stop working), on a current code. */
export async function renewRecoveryCodes(
  ctx: Ctx,
  actor: Actor,
  raw: RawForm,
  asker: Asker,
): Promise<string[]> {
  ensure(actor, canSecureOwnAccount);
  const form = new FormReader(raw);
  const code = form.text("code", { required: true, max: CODE_MAX });
  if (!form.ok) throw new Invalid("KIOSQUE_SECOND_FACTOR_FAILED", form.problems);
  const codes = newRecoveryCodes();
  const ok = await withProofLimits(ctx, actor.id, asker, () =>
    ctx.write(async (tx) => {
      if (!(await spendCode(tx, actor.id, code))) return false;
      await repo.replaceRecoveryCodes(tx.db, actor.id, codes.map(hashOf));
      return true;
    }),
  );
  if (!ok) throw new Invalid("KIOSQUE_SECOND_FACTOR_FAILED", { code: { problem: "badCode" } });
  return codes;
}

/**
 * Turns the person's own second factor off, on a current code or their password (whichever they
 * gave; a code when both). Where the newsroom requires one of their role, they are sent to set
 * one up again at once (how a person moves to a new phone).
 */
export async function disableSecondFactor(
  ctx: Ctx,
  actor: Actor,
  raw: RawForm,
  asker: Asker,
): Promise<void> {
  ensure(actor, canSecureOwnAccount);
  const form = new FormReader(raw);
  const code = form.text("code", { max: CODE_MAX });
  const password = form.secret("password", { max: PASSWORD_MAX });
  if (form.ok && !code && !password) form.refuse("code", { problem: "required" });
  if (!form.ok) throw new Invalid("KIOSQUE_SECOND_FACTOR_FAILED", form.problems);
  const ok = await withProofLimits(ctx, actor.id, asker, async () =>
    code
      ? ctx.write((tx) => spendCode(tx, actor.id, code))
      : isCurrentPassword(ctx, actor.id, password),
  );
  if (!ok)
    throw new Invalid("KIOSQUE_SECOND_FACTOR_FAILED", {
      [code ? "code" : "password"]: { problem: code ? "badCode" : "wrongPassword" },
    });
  await ctx.write((tx) => clearFactor(tx.db, actor.id));
}

/**
 * An admin takes someone's second factor away (a lost phone, no recovery code left): they sign
 * in with their password alone next time, and are signed out everywhere now.
 */
export async function resetSecondFactor(ctx: Ctx, actor: Actor, userId: number): Promise<void> {
  ensure(actor, canManageUsers);
  await ctx.write(async (tx) => {
    if (!(await repo.findById(tx.db, userId))) throw new NotFound("user", { userId });
    await clearFactor(tx.db, userId);
    await repo.deleteSessionsOf(tx.db, userId);
    await audit.record(tx, {
      actor,
      action: "person.resetSecondFactor",
      target: { type: "person", id: userId },
    });
  });
}

async function clearFactor(db: Ctx["db"], userId: number): Promise<void> {
  await repo.updateUser(db, userId, {
    totp_secret: null,
    totp_enabled_at: null,
    totp_last_step: null,
  });
  await repo.replaceRecoveryCodes(db, userId, []);
}

export interface SecondStep extends Asker {
  /** The token of the session opened by the password step (stage "password"). */
  token: string;
  userAgent: string;
}

/**
 * The second step of signing in: an authenticator code (good once) or a recovery code (spent).
 * The half-open session is closed and a complete one opened in its place (a new token: what an
 * attacker may have seen of the first one opens nothing). Returns the new token.
 */
export async function completeSignIn(ctx: Ctx, raw: RawForm, step: SecondStep): Promise<string> {
  const form = new FormReader(raw);
  const code = form.text("code", { required: true, max: CODE_MAX });
  if (!form.ok) throw new Invalid("KIOSQUE_SECOND_FACTOR_FAILED", form.problems);
  const idHash = hashToken(step.token);
  const session = await repo.sessionRow(ctx.db, idHash);
  if (!session || session.stage !== "password")
    throw new Invalid("KIOSQUE_SECOND_FACTOR_FAILED", { code: { problem: "badCode" } });
  const userId = session.user_id;
  const ok = await withProofLimits(ctx, userId, step, () =>
    ctx.write(async (tx) => {
      if (!(await spendCode(tx, userId, code))) return false;
      // Gone meanwhile (signed out, or this very code used by another tab): nothing to promote.
      return (await repo.deleteSessionOf(tx.db, userId, idHash)) === 1;
    }),
  );
  if (!ok) throw new Invalid("KIOSQUE_SECOND_FACTOR_FAILED", { code: { problem: "badCode" } });
  return openSession(ctx, userId, "complete", step.userAgent);
}
