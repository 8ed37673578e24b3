import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import type { VNode } from "preact";
import { renderToString } from "preact-render-to-string";
import { describe, expect, it } from "vitest";
import { cut, mark } from "./segments.js";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

const markup = (name: string) => mark(name) as VNode;

function heapAfterCollection(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

describe("cut", () => {
  it("takes the marks out and remembers their byte offsets", () => {
    const page = `<p>«é»</p>${renderToString(markup("comment-1234567890-end"))}<p>fin</p>`;
    const { identity, points } = cut(page);
    expect(identity.toString()).toBe("<p>«é»</p><p>fin</p>");
    expect(points.get("comment-1234567890-end")).toBe(Buffer.byteLength("<p>«é»</p>"));
  });

  it("counts offsets in bytes through marks at the start, side by side and at the end", () => {
    const [a, b, c, d] = ["a", "b", "c", "d"].map((n) => renderToString(markup(n)));
    const page = `${a}<h1>Élysée</h1>${b}${c}<p>\u202f»😀</p>${d}`;
    const { identity, points } = cut(page);
    expect(identity.toString()).toBe("<h1>Élysée</h1><p>\u202f»😀</p>");
    expect([...points]).toEqual([
      ["a", 0],
      ["b", Buffer.byteLength("<h1>Élysée</h1>")],
      ["c", Buffer.byteLength("<h1>Élysée</h1>")],
      ["d", identity.length],
    ]);
    expect(cut("<p>sans marque</p>").identity.toString()).toBe("<p>sans marque</p>");
  });

  it("keeps nothing of the rendered page's string alive, whatever the marks' names", () => {
    // 40 pages of 1M two-byte characters: 80 MB of strings if a cut kept them.
    const longName = "comment-1234567890-end";
    const before = heapAfterCollection();
    const kept = Array.from({ length: 40 }, (_, i) =>
      cut(`<p>${"«\u202fé\u202f»".repeat(200_000)}${i}</p>${renderToString(markup(longName))}`),
    );
    const grown = heapAfterCollection() - before;
    expect(kept.every((c) => c.points.has(longName))).toBe(true);
    expect(grown).toBeLessThan(8 * 1024 * 1024);
  });
});

describe("cut pages are their own bytes", () => {
  it("keeps a page as it was after other pages are cut, and cuts pages of any size", () => {
    const page = (text: string) => `<p>${text}</p>${renderToString(markup("here"))}<p>fin</p>`;
    const first = cut(page("première « page » é"));
    const firstBytes = Buffer.from(first.identity);
    const second = cut(page("x".repeat(100_000)));
    // A page past the encoding scratch's bound (4 MB, 2 bytes a UTF-16 unit) is encoded on its own.
    const huge = cut(page("é".repeat(2_500_000)));
    expect(first.identity.equals(firstBytes)).toBe(true);
    expect(first.identity.toString()).toBe("<p>première « page » é</p><p>fin</p>");
    expect(second.identity.toString()).toBe(`<p>${"x".repeat(100_000)}</p><p>fin</p>`);
    expect(huge.identity.toString()).toBe(`<p>${"é".repeat(2_500_000)}</p><p>fin</p>`);
    expect(huge.points.get("here")).toBe(Buffer.byteLength(`<p>${"é".repeat(2_500_000)}</p>`));
    expect(first.identity.buffer).not.toBe(second.identity.buffer);
  });
});

describe("a cut page's bytes", () => {
  it("are the text's UTF-8 as Buffer.from writes it, lone surrogates and all", () => {
    const texts = [
      "",
      "ASCII <b>&amp;</b>",
      "Zoé « entre » guillemets\u202f; l’apostrophe",
      "田中さんにあげて下さい 사회과학원 어학연구소",
      "مرحبا بالعالم \u200f שלום",
      "👨‍👩‍👧‍👦 🏳️‍🌈 \ud83d\ude00 Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇",
      "\ud800",
      "a\udc00b",
      "fin \ud83d",
      "\udfff\ud800 «\u202fé\u202f» \ud83d\ude00",
      "\u0000\u0085\u2028\ufeff\uffff",
    ];
    for (const text of texts) {
      const page = `<p>${text}</p>${renderToString(markup("here"))}<p>${text}</p>`;
      const { identity, points } = cut(page);
      const half = Buffer.from(`<p>${text}</p>`);
      expect(identity.equals(Buffer.concat([half, half]))).toBe(true);
      expect(points.get("here")).toBe(half.length);
    }
  });
});
