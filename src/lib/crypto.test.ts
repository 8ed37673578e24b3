import { createHmac, hkdfSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { keyedHash, sign, signFor, unsign, unsignFor } from "./crypto.js";

const secret = "s".repeat(32);

describe("signed values", () => {
  it("round-trips a value signed with the same secret", () => {
    expect(unsign(secret, sign(secret, "12,13"))).toBe("12,13");
  });
  it("rejects a tampered value, a foreign secret and garbage", () => {
    const signed = sign(secret, "12");
    expect(unsign(secret, signed.replace(/^12/, "13"))).toBeUndefined();
    expect(unsign("t".repeat(32), signed)).toBeUndefined();
    expect(unsign(secret, "no-dot-here")).toBeUndefined();
    expect(unsign(secret, undefined)).toBeUndefined();
  });
  it("hashes per purpose, so one hash cannot stand for another", () => {
    expect(keyedHash(secret, "email", "a@example.org")).not.toBe(
      keyedHash(secret, "ip", "a@example.org"),
    );
  });
});

describe("signing purposes", () => {
  it("never lets a value signed for one purpose pass for another", () => {
    const stamp = signFor(secret, "form-stamp", "12.1700000000000");
    expect(unsignFor(secret, "form-stamp", stamp)).toBe("12.1700000000000");
    expect(unsign(secret, stamp)).toBeUndefined();
    expect(unsignFor(secret, "author-token", stamp)).toBeUndefined();
    // A reader's cookie, same text, is no stamp.
    expect(unsignFor(secret, "form-stamp", sign(secret, "12.1700000000000"))).toBeUndefined();
    expect(unsignFor(secret, "form-stamp", stamp.replace(".17", ".18"))).toBeUndefined();
  });
});

describe("signatures", () => {
  it("are HMAC-SHA256 with the purpose's derived key: what was signed before still verifies", () => {
    for (const purpose of ["cookie", "form-stamp", "author-token"] as const) {
      const key = Buffer.from(
        hkdfSync("sha256", secret, "kiosque", `kiosque signing: ${purpose}`, 32),
      );
      for (const value of ["", "12.1700000000000", "Zoé « ? » 🦊", "x".repeat(1000)]) {
        const expected = createHmac("sha256", key).update(value).digest("base64url");
        expect(signFor(secret, purpose, value)).toBe(`${value}.${expected}`);
      }
    }
  });
});
