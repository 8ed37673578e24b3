import { verify } from "@node-rs/argon2";
import type { Ctx } from "../../ctx.js";
import { keyedHash } from "../../lib/crypto.js";
import { hasControlCharacters } from "../../lib/text.js";
import { Invalid, RateLimited } from "../../lib/errors.js";
import { countFailures, forgetFailures, waitFor, type Limit } from "./attempts.js";
import { PASSWORD_MAX } from "./passwords.js";
import * as repo from "./repo.js";
import { openSession } from "./sessions.js";
import type { SessionStage } from "./table.js";

export interface SignInAttempt {
  email: string;
  password: string;
  /** Keyed hash of the client's address group (privacy.hashClientAddress): who is trying. */
  client: string;
  /** The account this browser signed in to before (a verified device cookie), if any. */
  knownDeviceOf?: number | undefined;
  userAgent: string;
}

export interface SignedIn {
  token: string;
  userId: number;
  stage: SessionStage;
}

const MINUTE_MS = 60_000;
/** The window failures are counted in, and the wait once a limit is reached. */
const WINDOW_MS = 15 * MINUTE_MS;
/** One client guessing at many accounts: this many times the per-account allowance. */
const CLIENT_FACTOR = 4;
/**
 * Guesses at one account from everywhere (a botnet): this many times the allowance an hour. Only
 * browsers that never signed in to the account wait: the person, on their own device, is never
 * locked out by someone else's failures.
 */
const ACCOUNT_FACTOR = 10;
const ACCOUNT_WINDOW_MS = 60 * MINUTE_MS;

/**
 * A hash of a random password: verified against when the address is unknown, so that an unknown
 * address takes as long to refuse as a wrong password and the answer says nothing of who has an
 * account.
 */
const DECOY_HASH =
  "$argon2id$v=19$m=19456,t=2,p=1$0+XkvuqSqBc6VSty5t17SQ$QyoKJiIEeKzv5TXDN5O0atgH3Tye2dDAq8KGL8pXx70";

/**
 * Checks an e-mail and password and opens a session. Failures are counted per account and
 * client, per client, and per account; past a limit the attempt is refused unseen, with the wait
 * (RateLimited). A wrong address, a wrong password and a disabled account get the same answer.
 */
export async function signIn(ctx: Ctx, attempt: SignInAttempt): Promise<SignedIn> {
  const email = attempt.email.trim().toLowerCase();
  const problems: Record<string, { problem: "required" | "control" }> = {};
  if (!email) problems.email = { problem: "required" };
  // No account's address holds one (every form refuses them), and PostgreSQL cannot even be
  // asked for it: a NUL was a 500, and an attempt that counted nowhere.
  else if (hasControlCharacters(email)) problems.email = { problem: "control" };
  if (!attempt.password) problems.password = { problem: "required" };
  if (Object.keys(problems).length > 0) throw new Invalid("KIOSQUE_SIGN_IN_FAILED", problems);

  const settings = await ctx.settings();
  const allowance = settings["staff.signInFailures"];
  const now = ctx.clock.now().getTime();
  const key = (what: string, value: string) => keyedHash(ctx.secret, `sign-in:${what}`, value);
  const user = await repo.findByEmail(ctx.db, email);
  const keys: Limit[] = [
    { key: key("pair", `${email}\0${attempt.client}`), max: allowance, windowMs: WINDOW_MS },
    { key: key("client", attempt.client), max: allowance * CLIENT_FACTOR, windowMs: WINDOW_MS },
    ...(user && attempt.knownDeviceOf === user.id
      ? []
      : [
          {
            key: key("account", email),
            max: allowance * ACCOUNT_FACTOR,
            windowMs: ACCOUNT_WINDOW_MS,
          },
        ]),
  ];
  const wait = await waitFor(ctx.db, ctx.engine, keys, now);
  if (wait !== undefined) throw new RateLimited("KIOSQUE_SIGN_IN_LOCKED", wait);

  const hash = user ? await repo.passwordHashOf(ctx.db, user.id) : undefined;
  const password = attempt.password.length > PASSWORD_MAX ? "" : attempt.password;
  const matches = await verify(hash ?? DECOY_HASH, password).catch(() => false);
  if (!user || !hash || !matches || user.disabled_at !== null) {
    await ctx.write((tx) => countFailures(tx.db, tx.engine, keys, now));
    throw new Invalid("KIOSQUE_SIGN_IN_FAILED", { password: { problem: "credentials" } });
  }
  await ctx.write((tx) => forgetFailures(tx.db, keys[0]?.key ?? ""));
  const stage: SessionStage = user.totp_enabled_at === null ? "complete" : "password";
  const token = await openSession(ctx, user.id, stage, attempt.userAgent);
  return { token, userId: user.id, stage };
}
