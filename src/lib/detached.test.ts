import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { detached } from "./detached.js";
import { wordSpans } from "./french-text.js";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

function heapAfterCollection(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

/** 40 texts of 1M two-byte characters: 80 MB if what is kept of them holds them whole. */
const bigText = (i: number) =>
  `${"«\u202fé\u202f»".repeat(200_000)} anticonstitutionnellement${i} gouvernementales${i}`;

describe("detached", () => {
  it("keeps the same text, and nothing of the text it was cut from", () => {
    const before = heapAfterCollection();
    const kept = Array.from({ length: 40 }, (_, i) => detached(bigText(i).slice(-40)));
    const grown = heapAfterCollection() - before;
    expect(kept[3]).toBe(bigText(3).slice(-40));
    expect(grown).toBeLessThan(8 * 1024 * 1024);
  });
});

describe("the French text memos", () => {
  it("keep no text alive through the long words they remember", () => {
    const before = heapAfterCollection();
    const spans = Array.from({ length: 40 }, (_, i) => wordSpans(bigText(i)).length);
    const grown = heapAfterCollection() - before;
    expect(spans.every((n) => n >= 2)).toBe(true);
    expect(grown).toBeLessThan(8 * 1024 * 1024);
  });
});
