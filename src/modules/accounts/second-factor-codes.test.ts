import { describe, expect, it } from "vitest";
import { newRecoveryCodes, recoveryCodeHash, RECOVERY_CODE_COUNT } from "./recovery-codes.js";
import { newTotpSecret, totpCode, totpStep } from "./totp.js";

describe("recovery codes", () => {
  it("are ten distinct codes of four groups, each read back however typed", () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(new Set(codes).size).toBe(RECOVERY_CODE_COUNT);
    for (const code of codes) {
      expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
      const hash = recoveryCodeHash(code);
      expect(hash).toBeDefined();
      expect(recoveryCodeHash(` ${code.toLowerCase().replaceAll("-", " ")} `)).toBe(hash);
    }
    // Letters people take for digits read as those digits.
    expect(recoveryCodeHash("0000-1111-0000-1111")).toBe(recoveryCodeHash("oooo-iiii-OOOO-LLLL"));
    expect(recoveryCodeHash("123456")).toBeUndefined();
    expect(recoveryCodeHash("UUUU-UUUU-UUUU-UUUU")).toBeUndefined();
  });
});

describe("authenticator codes", () => {
  const secret = newTotpSecret();
  const at = new Date("2026-08-30T12:05:10.000Z");
  const step = Math.floor(at.getTime() / 30_000);

  it("name their step, one step of drift either side, no more", () => {
    expect(totpStep(secret, totpCode(secret, at), at)).toBe(step);
    expect(totpStep(secret, totpCode(secret, new Date(at.getTime() + 30_000)), at)).toBe(step + 1);
    expect(totpStep(secret, totpCode(secret, new Date(at.getTime() - 30_000)), at)).toBe(step - 1);
    expect(totpStep(secret, totpCode(secret, new Date(at.getTime() + 60_000)), at)).toBeUndefined();
    expect(totpStep(secret, "12345", at)).toBeUndefined();
    expect(totpStep(secret, "abcdef", at)).toBeUndefined();
  });
});
