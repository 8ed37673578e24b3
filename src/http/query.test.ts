import { describe, expect, it } from "vitest";
import { firstOfEach, formFields } from "./query.js";

describe("query strings and form bodies", () => {
  it("decode as browsers encode: + is a blank, bytes that are not UTF-8 are U+FFFD", () => {
    expect({ ...formFields("t=x%ED%A0%80y&n=L%C3%A9a+Roux&e=%FF") }).toEqual({
      t: "x\uFFFD\uFFFD\uFFFDy",
      n: "Léa Roux",
      e: "\uFFFD",
    });
    // A broken escape is no escape: kept as typed.
    expect({ ...formFields("a=%zz&b=100%") }).toEqual({ a: "%zz", b: "100%" });
  });

  it("give a form a repeated name's every value, a query string its first", () => {
    expect({ ...formFields("tag=1&tag=2&tag=3&x=") }).toEqual({ tag: ["1", "2", "3"], x: "" });
    expect({ ...firstOfEach("q=a&q=b&page=2") }).toEqual({ q: "a", page: "2" });
  });

  it("hold no prototype: __proto__ is a field like any other", () => {
    const form = formFields("__proto__=x&constructor=y");
    expect(Object.getPrototypeOf(form)).toBeNull();
    expect(form["__proto__"]).toBe("x");
    expect(({} as Record<string, unknown>)["x"]).toBeUndefined();
  });

  it("read the first thousand names of a body that names more", () => {
    const body = Array.from({ length: 5000 }, (_, i) => `f${i}=v`).join("&");
    const form = formFields(body);
    expect(Object.keys(form)).toHaveLength(1000);
    expect(form["f999"]).toBe("v");
  });
});
