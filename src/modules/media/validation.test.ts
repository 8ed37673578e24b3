import { describe, expect, it } from "vitest";
import { variantWidths } from "./image.js";
import { checkDetails, cleanFilename } from "./validation.js";

describe("cleanFilename", () => {
  it.each([
    ["Conférence de presse.jpg", "Conférence de presse.jpg"],
    ["C:\\Users\\léa\\Photos\\IMG_0001.JPG", "IMG_0001.JPG"],
    ["../../etc/passwd", "passwd"],
    ["photo\u202egpj.exe", "photogpj.exe"],
    ["  deux   espaces \t", "deux espaces"],
    ["nul\u0000.jpg", "nul.jpg"],
    ["", "image"],
    ["/", "image"],
    ["\u200b", "image"],
  ])("keeps %j as %j", (name, kept) => {
    expect(cleanFilename(name)).toBe(kept);
  });

  it("cuts a long name by characters, never inside one", () => {
    const name = cleanFilename("😀".repeat(300));
    expect([...name].length).toBe(200);
    expect(name).toBe("😀".repeat(200));
  });
});

describe("checkDetails", () => {
  it("trims, leaves absent fields absent, and says what is wrong per field", () => {
    expect(checkDetails({ alt: "  Un chat  ", caption: "" })).toEqual({
      values: { alt: "Un chat", caption: "" },
      problems: {},
    });
    expect(
      checkDetails({ alt: "x".repeat(501), caption: "\u0007", credit: ["a"] }).problems,
    ).toEqual({
      alt: { problem: "tooLong", limit: 500 },
      caption: { problem: "control" },
      credit: { problem: "notText" },
    });
    // Characters, not UTF-16 units: 500 emoji fit.
    expect(checkDetails({ alt: "😀".repeat(500) }).problems).toEqual({});
  });
});

describe("variantWidths", () => {
  it("makes the usual widths, never wider than the master", () => {
    expect(variantWidths(4000)).toEqual([320, 640, 960, 1280, 1920]);
    expect(variantWidths(1920)).toEqual([320, 640, 960, 1280, 1920]);
    expect(variantWidths(1000)).toEqual([320, 640, 960, 1000]);
    expect(variantWidths(320)).toEqual([320]);
    expect(variantWidths(20)).toEqual([20]);
  });
});
