import { describe, expect, it } from "vitest";
import { MAX_ROW_ID, parseRowId } from "./row-id.js";

describe("parseRowId", () => {
  it("takes ids up to PostgreSQL's integer range", () => {
    expect(parseRowId("1")).toBe(1);
    expect(parseRowId(String(MAX_ROW_ID))).toBe(MAX_ROW_ID);
  });

  it.each([
    "",
    "0",
    "01",
    "-1",
    "+1",
    "1.0",
    "1e3",
    " 1",
    String(MAX_ROW_ID + 1),
    "99999999999",
    "1788091500000",
  ])("refuses %j", (text) => expect(parseRowId(text)).toBeUndefined());
});
