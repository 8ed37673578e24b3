import { createHmac, timingSafeEqual } from "node:crypto";

/** Keyed hash for values we must recognise but never reveal (e-mails, IPs). */
export function keyedHash(secret: string, purpose: string, value: string): string {
  return createHmac("sha256", secret).update(`${purpose}\0${value}`).digest("base64url");
}

/** `value.signature`, for cookies and hidden fields that must come back unaltered. */
export function sign(secret: string, value: string): string {
  return `${value}.${keyedHash(secret, "sign", value)}`;
}

export function unsign(secret: string, signed: string | undefined): string | undefined {
  if (!signed) return undefined;
  const dot = signed.lastIndexOf(".");
  if (dot < 0) return undefined;
  const value = signed.slice(0, dot);
  const expected = Buffer.from(keyedHash(secret, "sign", value));
  const given = Buffer.from(signed.slice(dot + 1));
  return expected.length === given.length && timingSafeEqual(expected, given) ? value : undefined;
}
