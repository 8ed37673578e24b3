import { describe, expect, it } from "vitest";
import { slugify } from "./slug.js";

describe("slugify", () => {
  it("folds French accents and ligatures to ASCII", () => {
    expect(slugify("Élections municipales")).toBe("elections-municipales");
    expect(slugify("Cœur de l’Œuvre")).toBe("coeur-de-l-oeuvre");
  });
  it("never yields leading, trailing or doubled hyphens", () => {
    expect(slugify("  --Sciences & environnement--  ")).toBe("sciences-environnement");
  });
  it("gives an empty slug for text with no letters or digits", () => {
    expect(slugify("💥 !!!")).toBe("");
  });
});
