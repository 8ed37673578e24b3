import { describe, expect, it } from "vitest";
import { keyedHash, sign, unsign } from "./crypto.js";

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
