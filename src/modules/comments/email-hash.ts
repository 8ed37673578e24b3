import type { Ctx } from "../../ctx.js";
import { keyedHash } from "../../lib/crypto.js";

/**
 * A commenter's address as Kiosque compares it (avatars, "first comment", duplicates, erasure):
 * keyed with the site secret, case and blanks aside.
 */
export function emailHash(ctx: Pick<Ctx, "secret">, email: string): string {
  return keyedHash(ctx.secret, "email", comparedEmail(email));
}

/** An address as two are compared: case and surrounding blanks aside. */
export function comparedEmail(email: string): string {
  return email.trim().toLowerCase();
}
