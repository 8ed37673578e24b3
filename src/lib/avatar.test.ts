import { describe, expect, it } from "vitest";
import { avatarFor } from "./avatar.js";

describe("avatarFor", () => {
  it("takes the first letters of the first two words", () => {
    expect(avatarFor("Élodie de la Tour", "abc").initials).toBe("ÉD");
  });
  it("ignores symbols and falls back to a question mark", () => {
    expect(avatarFor("<script> alert", "abc").initials).toBe("SA");
    expect(avatarFor("!!! ???", "abc").initials).toBe("?");
  });
  it("gives the same hue for the same hash and a hue in range", () => {
    const a = avatarFor("A", "hash-1");
    expect(a.hue).toBe(avatarFor("B", "hash-1").hue);
    expect(a.hue).toBeGreaterThanOrEqual(0);
    expect(a.hue).toBeLessThan(360);
  });
});
