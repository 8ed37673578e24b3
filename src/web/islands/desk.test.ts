import { describe, expect, it } from "vitest";
import { fill, typing } from "./desk.js";

describe("desk island", () => {
  it("fills its announcements with names as plain text", () => {
    expect(
      fill("Commentaire {n} sur {total}, de {name}.", { n: "3", total: "20", name: "$& Léa" }),
    ).toBe("Commentaire 3 sur 20, de $& Léa.");
    expect(fill("{unknown} reste", {})).toBe("{unknown} reste");
  });

  it("takes no key typed into a field, nor with a modifier, for a shortcut", () => {
    const key = (target: Partial<HTMLElement>, mods: Partial<KeyboardEvent> = {}) =>
      ({ target, ctrlKey: false, metaKey: false, altKey: false, ...mods }) as KeyboardEvent;
    expect(typing(key({ tagName: "TEXTAREA" }))).toBe(true);
    expect(typing(key({ tagName: "INPUT" }))).toBe(true);
    expect(typing(key({ tagName: "SELECT" }))).toBe(true);
    expect(typing(key({ tagName: "DIV", isContentEditable: true }))).toBe(true);
    expect(typing(key({ tagName: "ARTICLE", isContentEditable: false }))).toBe(false);
    expect(typing(key({ tagName: "ARTICLE" }, { ctrlKey: true }))).toBe(true);
  });
});
