import { hash, verify } from "@node-rs/argon2";
import type { FormReader } from "../../lib/form-fields.js";

/** Minimum length of a new password (NIST SP 800-63B's floor for user-chosen secrets). */
export const PASSWORD_MIN = 8;
/** Longer than any password a person types: refused before Argon2 spends time on it. */
export const PASSWORD_MAX = 1000;

/** Argon2id with the package's defaults (OWASP's: 19 MiB, 2 passes). */
export const hashPassword = (password: string): Promise<string> => hash(password);

export async function passwordMatches(stored: string, password: string): Promise<boolean> {
  if (password.length > PASSWORD_MAX) return false;
  return verify(stored, password).catch(() => false);
}

/**
 * A new password and its confirmation, read from a form: long enough, not too long, the same
 * twice. Passwords are never trimmed (a space is part of one) and never shown back.
 */
export function readNewPassword(form: FormReader, field: string, confirmField: string): string {
  const password = form.secret(field, { required: true, min: PASSWORD_MIN, max: PASSWORD_MAX });
  const confirm = form.secret(confirmField, { required: true, max: PASSWORD_MAX });
  if (password && confirm && !form.problems[field] && password !== confirm)
    form.refuse(confirmField, { problem: "mismatch" });
  return password;
}
