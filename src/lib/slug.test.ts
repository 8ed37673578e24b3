import { describe, expect, it } from "vitest";
import { numberedSlug, slugify, SLUG_MAX, SLUG_SHAPE } from "./slug.js";

const codePoints = (s: string) => [...s].length;
const hasLoneSurrogate = (s: string) => /\p{Cs}/u.test(s);

describe("slugify", () => {
  it("folds French accents and ligatures to ASCII", () => {
    expect(slugify("Élections municipales")).toBe("elections-municipales");
    expect(slugify("Cœur de l’Œuvre")).toBe("coeur-de-l-oeuvre");
    expect(slugify("Ænéide")).toBe("aeneide");
  });
  it("never yields leading, trailing or doubled hyphens", () => {
    expect(slugify("  --Sciences & environnement--  ")).toBe("sciences-environnement");
  });
  it("gives an empty slug for text with no letters or digits", () => {
    expect(slugify("💥 !!!")).toBe("");
    expect(slugify("🎉")).toBe("");
    expect(slugify("!!!")).toBe("");
    expect(slugify("👍🏽 ❤️ 👨‍👩‍👧")).toBe("");
  });

  it("keeps the letters of every script, lower-cased", () => {
    expect(slugify("Русский")).toBe("русский");
    expect(slugify("Ελληνικά")).toBe("ελληνικά");
    expect(slugify("中文")).toBe("中文");
    expect(slugify("Культура")).toBe("культура");
    expect(slugify("О нас")).toBe("о-нас");
    expect(slugify("العربية")).toBe("العربية");
    expect(slugify("עברית")).toBe("עברית");
    expect(slugify("日本語のテキスト")).toBe("日本語のテキスト");
  });

  it("keeps the marks of other scripts, which are part of their letters", () => {
    // "й" and "ё" are letters of their own, not "и" and "е" with an accent.
    expect(slugify("Новый год, ёлка")).toBe("новый-год-ёлка");
    expect(slugify("Йога")).toBe("йога");
    // Devanagari's vowel signs and virama, Hangul's syllables, kana's voicing marks.
    expect(slugify("हिन्दी")).toBe("हिन्दी");
    expect(slugify("한국어")).toBe("한국어");
    expect(slugify("ガイド")).toBe("ガイド");
    // Half-width kana are the same letters.
    expect(slugify("ｶﾞｲﾄﾞ")).toBe("ガイド");
  });

  it("writes Latin letters without their accents, whatever the script around them", () => {
    expect(slugify("Łódź, Straße, Ørsted")).toBe("lodz-strasse-orsted");
    expect(slugify("İstanbul")).toBe("istanbul");
    // A mark on nothing, or on a digit (an emoji keycap), is dropped.
    expect(slugify("\u0301x")).toBe("x");
    expect(slugify("1️⃣ test")).toBe("1-test");
    // Compatibility forms are the letters and digits they show.
    expect(slugify("ﬁn ① Ａｂｃ")).toBe("fin-1-abc");
  });

  it("is written in NFC, as a browser writes an address", () => {
    const decomposed = "Йога".normalize("NFD");
    expect(slugify(decomposed)).toBe("йога");
    expect(slugify(decomposed).normalize("NFC")).toBe(slugify(decomposed));
  });

  it("keeps at most 80 code points, never cutting a character in two", () => {
    const astral = slugify(`a${"𠀀".repeat(100)}`);
    expect(codePoints(astral)).toBe(SLUG_MAX);
    expect(hasLoneSurrogate(astral)).toBe(false);
    expect(() => encodeURIComponent(astral)).not.toThrow();
    // A cut never leaves a letter without its vowel sign, nor a hyphen at the end.
    const hindi = slugify("हिन्दी ".repeat(20));
    expect(codePoints(hindi)).toBeLessThanOrEqual(SLUG_MAX);
    expect(hindi.endsWith("-")).toBe(false);
    expect(hindi.split("-").at(-1)).toMatch(/^(?:हि|हिन्|हिन्दी)$/u);
    expect(slugify(`${"a".repeat(79)} b`)).toBe("a".repeat(79));
  });

  it("gives back a slug unchanged, so that an import may slugify one again", () => {
    for (const text of [
      "Élections municipales",
      "Новый год, ёлка",
      "हिन्दी ".repeat(20),
      `a${"𠀀".repeat(100)}`,
      "ΟΔΟΣ ΚΑΙ",
      "한국어 ガイド",
    ]) {
      const slug = slugify(text);
      expect(slugify(slug)).toBe(slug);
      expect(SLUG_SHAPE.test(slug)).toBe(true);
    }
  });
});

describe("numberedSlug", () => {
  it("numbers a slug within 80 code points, never cutting a character in two", () => {
    expect(numberedSlug("budget", 2)).toBe("budget-2");
    const base = slugify(`a${"𠀀".repeat(100)}`);
    const numbered = numberedSlug(base, 12);
    expect(codePoints(numbered)).toBe(SLUG_MAX);
    expect(numbered.endsWith("-12")).toBe(true);
    expect(hasLoneSurrogate(numbered)).toBe(false);
    expect(numberedSlug(`${"a".repeat(77)}-b`, 2)).toBe(`${"a".repeat(77)}-2`);
  });
});
