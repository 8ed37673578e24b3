import { describe, expect, it } from "vitest";
import { comparable, hasControlCharacters, isBlank, searchableForms } from "./text.js";

describe("comparable text", () => {
  it("sees through compatibility forms, invisible characters, accents, case and blanks", () => {
    expect(comparable("ＣＡＳＩＮＯ")).toBe("casino");
    expect(comparable("ca\u200Dsi\u00ADno")).toBe("casino");
    expect(comparable("\u202Ecasino\u202C")).toBe("casino");
    expect(comparable("  Câsino \n\t en   ligne ")).toBe("casino en ligne");
  });
  it("maps look-alike letters to one skeleton", () => {
    // Cyrillic с, а, о; Greek ο.
    expect(comparable("\u0441\u0430sin\u043E")).toBe(comparable("casino"));
    expect(comparable("casin\u03BF")).toBe(comparable("casino"));
  });
  it("keeps different words apart", () => {
    expect(comparable("Cassis")).not.toContain(comparable("casino"));
    expect(comparable("casinos")).toContain(comparable("casino"));
  });
});

describe("searchable forms", () => {
  const found = (text: string, word: string) =>
    searchableForms(text).some((f) => f.includes(comparable(word)));
  it("joins words spelled out letter by letter", () => {
    expect(found("Venez au c a s i n o !", "casino")).toBe(true);
    expect(found("c.a.s.i.n.o", "casino")).toBe(true);
    expect(found("C-A-S-I-N-O en ligne", "casino")).toBe(true);
    expect(found("c\u200B a s i n o", "casino")).toBe(true);
  });
  it("does not run ordinary words into each other", () => {
    expect(found("Il y a un cas inouï à Cassis.", "casino")).toBe(false);
    expect(found("Cassis, sa baie et ses calanques", "casino")).toBe(false);
    expect(found("J'ai vu l'a b c du métier", "casino")).toBe(false);
  });
});

describe("control characters", () => {
  it("refuses NUL, C0 and C1 controls, U+FFFE and U+FFFF, and lone surrogates", () => {
    for (const bad of [
      "a\u0000b",
      "titre \uFFFE",
      "\uFFFF",
      "\u0007",
      "x\u001B[31m",
      "\u007F",
      "\u0085",
      "\u009B",
      "\uD800",
      "a\uDC00",
    ])
      expect(hasControlCharacters(bad), JSON.stringify(bad)).toBe(true);
  });
  it("accepts tab, new lines and every printable text", () => {
    for (const good of ["a\tb", "l1\nl2", "l1\r\nl2", "😀 émoji", "\u200Bzero width", "‮bidi"])
      expect(hasControlCharacters(good), JSON.stringify(good)).toBe(false);
  });
});

describe("blank text", () => {
  it("is text that shows nothing: blanks, zero-width and other ignorable characters", () => {
    for (const nothing of [
      "",
      "  \t\n",
      "\u200b",
      "\u00ad\u2060",
      "\u3164",
      "\u2800",
      "\u202e\ufe0f",
    ])
      expect(isBlank(nothing), JSON.stringify(nothing)).toBe(true);
  });

  it("is not text with anything to see, marks and symbols included", () => {
    for (const something of ["a", "\u200bé", "·", "\u0301", "🙂", "\u0600"])
      expect(isBlank(something), JSON.stringify(something)).toBe(false);
  });
});
