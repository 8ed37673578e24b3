import { describe, expect, it } from "vitest";
import { fillName } from "./comments.js";

describe("fillName", () => {
  it("puts the commenter's name in the reply title as plain text", () => {
    expect(fillName("Répondre à {name}", "Léa")).toBe("Répondre à Léa");
  });
  it("takes replacement patterns in a name literally", () => {
    expect(fillName("Répondre à {name}", "$& et $' et $`")).toBe("Répondre à $& et $' et $`");
  });
});
