import { describe, expect, it } from "vitest";
import type { ErrorAnswer } from "../../lib/error-codes.js";
import { fieldRefusal, fillName } from "./comments.js";

describe("fillName", () => {
  it("puts the commenter's name in the reply title as plain text", () => {
    expect(fillName("Répondre à {name}", "Léa")).toBe("Répondre à Léa");
  });
  it("takes replacement patterns in a name literally", () => {
    expect(fillName("Répondre à {name}", "$& et $' et $`")).toBe("Répondre à $& et $' et $`");
  });
});

describe("fieldRefusal", () => {
  const refused: ErrorAnswer = {
    ok: false,
    code: "KIOSQUE_COMMENT_INVALID",
    message: "2 champs sont à corriger.",
    errors: { body: "Ce champ est obligatoire.", email: "Saisissez une adresse e-mail valide." },
  };

  it("shows the server's field messages with its message as their summary", () => {
    expect(fieldRefusal(422, refused)).toEqual({
      errors: refused.errors,
      summary: "2 champs sont à corriger.",
    });
    expect(fieldRefusal(429, { ...refused, code: "KIOSQUE_RATE_LIMITED" })?.summary).toBe(
      "2 champs sont à corriger.",
    );
  });

  it("leaves any other answer to an ordinary post", () => {
    const { errors: _, ...page } = refused;
    expect(fieldRefusal(422, page)).toBeUndefined();
    expect(fieldRefusal(403, { ...refused, code: "KIOSQUE_CROSS_ORIGIN" })).toBeUndefined();
    expect(fieldRefusal(500, { ok: false })).toBeUndefined();
  });

  it("says a post past the body limit on the text's field, in the form's own words", () => {
    const words = { message: "Bien trop long.", summary: "Un champ est à corriger." };
    const tooLarge: ErrorAnswer = {
      ok: false,
      code: "KIOSQUE_BAD_REQUEST",
      message: "Requête refusée.",
    };
    expect(fieldRefusal(413, tooLarge, words)).toEqual({
      errors: { body: "Bien trop long." },
      summary: "Un champ est à corriger.",
    });
    // A form without those words (a page cached before them) posts in full, as before.
    expect(fieldRefusal(413, tooLarge)).toBeUndefined();
  });
});
