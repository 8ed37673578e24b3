import { describe, expect, it } from "vitest";
import { parseHttpDate } from "./http-date.js";

describe("parseHttpDate", () => {
  const at = Date.UTC(1994, 10, 6, 8, 49, 37);
  it.each([
    "Sun, 06 Nov 1994 08:49:37 GMT",
    "Sunday, 06-Nov-94 08:49:37 GMT",
    "Sun Nov  6 08:49:37 1994",
  ])("reads %j", (value) => expect(parseHttpDate(value)).toBe(at));
  it.each([
    "3000",
    "2026-12-02",
    "yesterday",
    "Sun, 06 Nov 1994 08:49:37 +0100",
    "",
    "Sun, 06 Nov 1994 08:49:37 GMT, Mon, 07 Nov 1994 08:49:37 GMT",
  ])("refuses %j", (value) => expect(parseHttpDate(value)).toBeUndefined());
});
