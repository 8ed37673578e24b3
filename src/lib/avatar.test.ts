import { describe, expect, it } from "vitest";
import { avatarColour, avatarFor, contrastWithWhite } from "./avatar.js";

describe("avatarFor", () => {
  it("takes the first letters of the first two words", () => {
    expect(avatarFor("Élodie de la Tour", "abc").initials).toBe("ÉD");
  });
  it("ignores symbols and falls back to a question mark", () => {
    expect(avatarFor("<script> alert", "abc").initials).toBe("SA");
    expect(avatarFor("!!! ???", "abc").initials).toBe("?");
  });
  it("finds each word's first letter or digit, whatever the blanks and scripts", () => {
    const initials = (name: string) => avatarFor(name, null).initials;
    expect(initials("  «Émile»\u00a0\t-zola- ")).toBe("ÉZ");
    expect(initials("jean-pierre")).toBe("J");
    expect(initials("... 42 ans")).toBe("4A");
    expect(initials("李 小龍")).toBe("李小");
    expect(initials("𝒜lice \u{1f600}bob")).toBe("𝒜B");
    expect(initials("")).toBe("?");
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

  it("draws every hue dark enough for white initials to read (4.5:1)", () => {
    const channels = (hex: string) =>
      [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255);
    for (let hue = 0; hue < 360; hue++) {
      const colour = avatarColour(hue);
      expect(colour, String(hue)).toMatch(/^#[0-9a-f]{6}$/);
      expect(contrastWithWhite(channels(colour)), `${hue}: ${colour}`).toBeGreaterThanOrEqual(4.5);
    }
    // Blues keep the lighter disc; yellows get a darker one.
    expect(avatarColour(220)).not.toBe(avatarColour(60));
    expect(contrastWithWhite(channels("#948f38"))).toBeLessThan(4.5); // hsl(57 45% 40%), before
  });
});
