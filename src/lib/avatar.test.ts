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
  it("keeps a hue for the same address and name, and a hue in range", () => {
    const a = avatarFor("Anne", "hash-1");
    expect(a.hue).toBe(avatarFor("Anne", "hash-1").hue);
    expect(a.hue).toBeGreaterThanOrEqual(0);
    expect(a.hue).toBeLessThan(360);
  });
  it("draws a comment without identity from its name alone", () => {
    expect(avatarFor("Anne", null)).toEqual(avatarFor("Anne", null));
    const hues = new Set(["h1", "h2", "h3", "h4"].map((h) => avatarFor("Anne", h).hue));
    expect(hues.size).toBeGreaterThan(1);
  });
});
