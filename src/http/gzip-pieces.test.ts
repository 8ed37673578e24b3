import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { bigPiece, crc32Combine, gzipOf, smallPiece } from "./gzip-pieces.js";

describe("gzip from pieces", () => {
  it("combines CRC-32s as if computed over the whole", () => {
    const a = Buffer.from("Bonjour, ".repeat(1000));
    const b = Buffer.from("le monde é ".repeat(333));
    const whole = zlib.crc32(Buffer.concat([a, b]));
    expect(crc32Combine(zlib.crc32(a), zlib.crc32(b), b.length)).toBe(whole);
    expect(crc32Combine(0, zlib.crc32(a), a.length)).toBe(zlib.crc32(a));
    expect(crc32Combine(zlib.crc32(a), 0, 0)).toBe(zlib.crc32(a));
  });

  it("makes one gzip body that any inflater reads back whole", async () => {
    const parts = [
      Buffer.from("<p>Avant ".repeat(5000)),
      Buffer.from("<b>à moi</b>"),
      Buffer.from(""),
      Buffer.from("<p>Après ".repeat(7000)),
    ];
    const pieces = [await bigPiece(parts[0] as Buffer), smallPiece(parts[1] as Buffer)];
    pieces.push(smallPiece(parts[2] as Buffer), await bigPiece(parts[3] as Buffer));
    const body = gzipOf(pieces);
    expect(zlib.gunzipSync(body).equals(Buffer.concat(parts))).toBe(true);
    expect(body.length).toBeLessThan(Buffer.concat(parts).length / 10);
  });
});
