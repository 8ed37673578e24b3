import type { Ctx, TxCtx } from "../../ctx.js";
import { keyedHash } from "../../lib/crypto.js";
import { RateLimited } from "../../lib/errors.js";
import { countFailures, forgetFailures, waitFor, type Limit } from "./attempts.js";
import { passwordMatches } from "./passwords.js";
import { recoveryCodeHash } from "./recovery-codes.js";
import * as repo from "./repo.js";
import { looksLikeTotp, totpStep } from "./totp.js";

/**
 * Proofs that the person is who the account says: a second-factor code at sign-in, and the
 * current password or a code before a change that matters (a new password, the second factor
 * off). Wrong proofs are counted like wrong sign-ins (attempts.ts): per account and client, and
 * per account from browsers that never signed in to it, so a code cannot be guessed and a
 * stranger cannot lock the person out on their own browser.
 */
export interface Asker {
  /** Keyed hash of the client's address group, as the sign-in limits count it. */
  client: string;
  /** The account this browser signed in to before (its verified device cookie), if any. */
  knownDeviceOf?: number | undefined;
}

const MINUTE_MS = 60_000;
const WINDOW_MS = 15 * MINUTE_MS;
/** Wrong proofs for one account from everywhere, per hour: this many times the allowance. */
const ACCOUNT_FACTOR = 4;
const ACCOUNT_WINDOW_MS = 60 * MINUTE_MS;

async function limitsFor(ctx: Ctx, userId: number, asker: Asker): Promise<Limit[]> {
  const allowance = (await ctx.settings())["staff.signInFailures"];
  const key = (what: string, value: string) => keyedHash(ctx.secret, `proof:${what}`, value);
  return [
    { key: key("pair", `${userId}\0${asker.client}`), max: allowance, windowMs: WINDOW_MS },
    ...(asker.knownDeviceOf === userId
      ? []
      : [
          {
            key: key("account", String(userId)),
            max: allowance * ACCOUNT_FACTOR,
            windowMs: ACCOUNT_WINDOW_MS,
          },
        ]),
  ];
}

/**
 * Checks a proof for this person with `check`, refusing unseen while they are locked out
 * (RateLimited), counting a failure, forgetting this client's failures on success.
 */
export async function withProofLimits(
  ctx: Ctx,
  userId: number,
  asker: Asker,
  check: () => Promise<boolean>,
): Promise<boolean> {
  const limits = await limitsFor(ctx, userId, asker);
  const now = ctx.clock.now().getTime();
  const wait = await waitFor(ctx.db, ctx.engine, limits, now);
  if (wait !== undefined) throw new RateLimited("KIOSQUE_VERIFICATION_LOCKED", wait);
  const ok = await check();
  await ctx.write(async (tx) => {
    if (ok) await forgetFailures(tx.db, limits[0]?.key ?? "");
    else await countFailures(tx.db, tx.engine, limits, now);
  });
  return ok;
}

/**
 * Uses one code of this person's second factor: an authenticator code of a step later than the
 * last one used (each is good once), or an unused recovery code (spent now). False when neither.
 * Conditional updates make a code good once even when two requests bring it at the same moment.
 */
export async function spendCode(tx: TxCtx, userId: number, typed: string): Promise<boolean> {
  const code = typed.replace(/\s/g, "");
  const factor = await repo.secondFactorOf(tx.db, userId);
  if (!factor?.totp_secret || factor.totp_enabled_at === null) return false;
  if (looksLikeTotp(code)) {
    const step = totpStep(factor.totp_secret, code, tx.clock.now());
    return step !== undefined && (await repo.advanceTotpStep(tx.db, userId, step));
  }
  const hash = recoveryCodeHash(code);
  return (
    hash !== undefined &&
    (await repo.spendRecoveryCode(tx.db, userId, hash, tx.clock.now().toISOString()))
  );
}

/** The person's current password, checked against its Argon2 hash. */
export async function isCurrentPassword(ctx: Ctx, userId: number, password: string) {
  const stored = await repo.passwordHashOf(ctx.db, userId);
  return stored !== undefined && password !== "" && (await passwordMatches(stored, password));
}
