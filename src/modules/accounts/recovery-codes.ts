import { createHash, randomBytes } from "node:crypto";

/**
 * Recovery codes: ten single-use codes shown once at enrolment, for a lost phone. Each is 80
 * random bits written in Crockford's base32 (no I, L, O or U to misread), in four groups of four;
 * stored as a SHA-256 hash, which 80 bits of chance make as good as a slow hash.
 */
export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const GROUPS = 4;
const GROUP_LENGTH = 4;

function oneCode(): string {
  const bytes = randomBytes(10);
  let bits = 0n;
  for (const b of bytes) bits = (bits << 8n) | BigInt(b);
  let text = "";
  for (let i = 0; i < GROUPS * GROUP_LENGTH; i++) {
    text = (ALPHABET[Number(bits & 31n)] ?? "0") + text;
    bits >>= 5n;
  }
  return text.match(new RegExp(`.{${GROUP_LENGTH}}`, "g"))?.join("-") ?? text;
}

export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, oneCode);
}

/**
 * The stored form of a code as a person types it: case, spaces and dashes do not matter, and the
 * letters people confuse with digits read as those digits. Undefined when it cannot be one.
 */
export function recoveryCodeHash(typed: string): string | undefined {
  const plain = typed.toUpperCase().replace(/[\s-]/g, "").replace(/[IL]/g, "1").replace(/O/g, "0");
  if (plain.length !== GROUPS * GROUP_LENGTH || ![...plain].every((c) => ALPHABET.includes(c)))
    return undefined;
  return createHash("sha256").update(plain).digest("base64url");
}
