import { describe, expect, it } from "vitest";
import { encodingFor } from "./cacheable.js";

describe("encodingFor", () => {
  it.each([
    [undefined, "identity"],
    ["", "identity"],
    ["gzip, deflate, br", "br"],
    ["gzip", "gzip"],
    ["br;q=0, gzip", "gzip"],
    ["br; q=0 , gzip;q=0", "identity"],
    ["gzip;q=0", "identity"],
    ["*;q=0", "identity"],
    ["*", "br"],
    ["*;q=0, gzip", "gzip"],
    ["br;q=0.5, gzip;q=0.8", "gzip"],
    ["BR;Q=1", "br"],
    ["identity", "identity"],
    ["identity;q=0, gzip;q=0.1", "gzip"],
    ["gzip;q=0.000", "identity"],
    ["brotli, xgzip", "identity"],
    [["gzip;q=0", "br"], "br"],
  ] as const)("%j → %s", (header, expected) => {
    expect(encodingFor(header as string | string[] | undefined)).toBe(expected);
  });
});
