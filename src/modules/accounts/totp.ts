import { Secret, TOTP } from "otpauth";

/**
 * Time-based one-time codes (RFC 6238) as every authenticator app reads them: SHA-1, 6 digits,
 * 30 seconds. The arithmetic is the `otpauth` package's; what is ours is the one-use rule (the
 * caller stores the step a code was accepted for and refuses it, or an earlier one, again).
 */
const PERIOD_S = 30;
const DIGITS = 6;
/** One step either side: a phone's clock a little off, or a code typed as it changed. */
const DRIFT_STEPS = 1;
/** 160 bits, the size RFC 4226 recommends for SHA-1. */
const SECRET_BYTES = 20;

const totp = (secret: string, issuer = "", label = "") =>
  new TOTP({
    secret: Secret.fromBase32(secret),
    issuer,
    label,
    algorithm: "SHA1",
    digits: DIGITS,
    period: PERIOD_S,
  });

/** A new random secret, in base32 (what a person types when they cannot scan the QR code). */
export function newTotpSecret(): string {
  return new Secret({ size: SECRET_BYTES }).base32;
}

/** The `otpauth://` address an authenticator app reads from the QR code. */
export function totpUri(secret: string, issuer: string, label: string): string {
  return totp(secret, issuer, label).toString();
}

/** The shape of an authenticator code (spaces people type in the middle aside). */
export const looksLikeTotp = (code: string): boolean => /^\d{6}$/.test(code);

/**
 * The time step `code` belongs to, when it is the code of the current step or of one either side
 * of it; undefined otherwise.
 */
export function totpStep(secret: string, code: string, now: Date): number | undefined {
  if (!looksLikeTotp(code)) return undefined;
  const generator = totp(secret);
  const timestamp = now.getTime();
  const delta = generator.validate({ token: code, timestamp, window: DRIFT_STEPS });
  return delta === null ? undefined : generator.counter({ timestamp }) + delta;
}

/** The code of this moment (tests, and nothing else, compute codes). */
export function totpCode(secret: string, now: Date): string {
  return totp(secret).generate({ timestamp: now.getTime() });
}
