import { describe, expect, it } from "vitest";
import { completions } from "./tag-completions.js";

describe("tag completions", () => {
  it("completes the last tag, keeps the ones typed, leaves out those already there", () => {
    expect(completions("Pa", ["Paris", "Parlement"])).toEqual(["Paris", "Parlement"]);
    expect(completions("Fleuves, Pa", ["Paris", "Parlement"])).toEqual([
      "Fleuves, Paris",
      "Fleuves, Parlement",
    ]);
    expect(completions("paris, Pa", ["Paris", "Parlement"])).toEqual(["paris, Parlement"]);
  });
});
