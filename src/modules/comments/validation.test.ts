import { describe, expect, it } from "vitest";
import { defaults } from "../settings/index.js";
import { formValues, validateComment } from "./validation.js";

const valid = { name: "Léa", email: "lea@example.net", website: "", body: "Bien vu." };
const problemsOf = (form: Record<string, unknown>) => {
  const r = validateComment(form, defaults);
  return r.ok ? {} : r.problems;
};

describe("validateComment", () => {
  it("accepts a valid comment and keeps name and text exactly as typed", () => {
    const r = validateComment({ ...valid, name: "  Léa  ", body: " Bien vu.\n" }, defaults);
    expect(r).toEqual({
      ok: true,
      value: {
        name: "  Léa  ",
        email: "lea@example.net",
        website: null,
        body: " Bien vu.\n",
        parentId: null,
      },
    });
  });

  it("requires name, e-mail and text, and says so per field", () => {
    expect(problemsOf({})).toEqual({
      name: { problem: "required" },
      email: { problem: "required" },
      body: { problem: "required" },
    });
  });

  it("takes a name or a text that shows nothing as none", () => {
    // Zero-width space, word joiner, soft hyphen, Hangul filler, braille blank: a blank byline.
    for (const nothing of ["\u200b", "\u2060\u00ad", " \u3164 ", "\u2800", "\ufeff\u200d"])
      expect(
        problemsOf({ ...valid, name: nothing, body: nothing }),
        JSON.stringify(nothing),
      ).toEqual({
        name: { problem: "required" },
        body: { problem: "required" },
      });
    // Kept as typed when something shows.
    expect(problemsOf({ ...valid, name: "\u200bLéa" })).toEqual({});
  });

  it("takes e-mail addresses as the browser does", () => {
    expect(problemsOf({ ...valid, email: "a@b" })).toEqual({});
    expect(problemsOf({ ...valid, email: " lea@example.net " })).toEqual({});
    for (const bad of [
      "lea",
      "lea@",
      "@example.net",
      "lea@exa mple.net",
      "lea@@example.net",
      `${"a".repeat(250)}@b.fr`,
    ]) {
      expect(Object.keys(problemsOf({ ...valid, email: bad }))).toEqual(["email"]);
    }
  });

  it("takes only http(s) web addresses for the website", () => {
    expect(problemsOf({ ...valid, website: "https://blog.example.org/moi" })).toEqual({});
    for (const bad of [
      "javascript:alert(1)",
      "ftp://example.org",
      "data:text/html,x",
      "example.org",
      "https://",
      "http://exa mple.org",
      "http://localhost",
    ]) {
      expect(problemsOf({ ...valid, website: bad })).toEqual({ website: { problem: "website" } });
    }
  });

  it("applies the settings' limits, counting characters", () => {
    expect(problemsOf({ ...valid, body: "a" })).toEqual({
      body: { problem: "tooShort", limit: 2 },
    });
    expect(problemsOf({ ...valid, body: "👍".repeat(5000) })).toEqual({});
    expect(problemsOf({ ...valid, body: "👍".repeat(5001) })).toEqual({
      body: { problem: "tooLong", limit: 5000 },
    });
    const strict = { ...defaults, "comments.bodyMax": 100 };
    const r = validateComment({ ...valid, body: "x".repeat(101) }, strict);
    expect(r.ok ? {} : r.problems).toEqual({ body: { problem: "tooLong", limit: 100 } });
  });

  it("refuses lists where one text is expected, and malformed reply targets", () => {
    expect(problemsOf({ ...valid, email: ["a@b.fr", "c@d.fr"] })).toEqual({
      email: { problem: "notText" },
    });
    expect(problemsOf({ ...valid, parent: "0" })).toEqual({ body: { problem: "unknownParent" } });
    expect(problemsOf({ ...valid, parent: "12" })).toEqual({});
  });
});

describe("formValues", () => {
  it("gives back what was typed, a field sent twice by its first text, blanks for other shapes", () => {
    const raw = {
      name: "<b>Léa</b>",
      email: ["x", "y"],
      website: { a: 1 },
      body: "Texte",
      remember: "1",
    };
    expect(formValues(raw)).toEqual({
      name: "<b>Léa</b>",
      email: "x",
      website: "",
      body: "Texte",
      parent: "",
      remember: true,
      gif: "",
    });
  });
});
