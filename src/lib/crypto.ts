import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";

/** Keyed hash for values we must recognise but never reveal (e-mails, IPs). */
export function keyedHash(secret: string, purpose: string, value: string): string {
  return createHmac("sha256", secret).update(`${purpose}\0${value}`).digest("base64url");
}

/**
 * What a signed value is for. Each purpose signs with its own key, derived from the site secret
 * (HKDF-SHA256, the purpose as its label): a value signed for one purpose never passes for
 * another, whatever its text (a reader's cookie is not a form stamp, nor the reverse).
 */
export type SigningPurpose =
  "cookie" | "form-stamp" | "author-token" | "staff-device" | "article-preview";

/**
 * Each purpose's key, derived once for the process's secret: a derivation on every signature
 * (each render's form stamp, each reader's cookie checked) was ~1 % of a cold page's CPU.
 */
let derived: { secret: string; keys: Map<SigningPurpose, Buffer> } | undefined;

function purposeKey(secret: string, purpose: SigningPurpose): Buffer {
  if (derived?.secret !== secret) derived = { secret, keys: new Map() };
  let key = derived.keys.get(purpose);
  if (!key) {
    key = Buffer.from(hkdfSync("sha256", secret, "kiosque", `kiosque signing: ${purpose}`, 32));
    derived.keys.set(purpose, key);
  }
  return key;
}

function mac(secret: string, purpose: SigningPurpose, value: string): string {
  return createHmac("sha256", purposeKey(secret, purpose)).update(value).digest("base64url");
}

/** `value.signature`, for values that must come back unaltered, signed for one purpose. */
export function signFor(secret: string, purpose: SigningPurpose, value: string): string {
  return `${value}.${mac(secret, purpose, value)}`;
}

/** The value, when `signed` was signed for this purpose with this secret; else undefined. */
export function unsignFor(
  secret: string,
  purpose: SigningPurpose,
  signed: string | undefined,
): string | undefined {
  if (!signed) return undefined;
  const dot = signed.lastIndexOf(".");
  if (dot < 0) return undefined;
  const value = signed.slice(0, dot);
  const expected = Buffer.from(mac(secret, purpose, value));
  const given = Buffer.from(signed.slice(dot + 1));
  return expected.length === given.length && timingSafeEqual(expected, given) ? value : undefined;
}

/** A reader's signed cookie (`kq_mine`). */
export function sign(secret: string, value: string): string {
  return signFor(secret, "cookie", value);
}

export function unsign(secret: string, signed: string | undefined): string | undefined {
  return unsignFor(secret, "cookie", signed);
}
