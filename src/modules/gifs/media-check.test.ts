import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { checkMedia, gifScreen } from "./media-check.js";

/** A GIF89a of one 1×1 frame. */
const TINY_GIF = Buffer.from(
  "R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==",
  "base64",
);

/** The tiny GIF with its Logical Screen Descriptor (bytes 6–9) claiming another size. */
function withScreen(width: number, height: number): Buffer {
  const bytes = Buffer.from(TINY_GIF);
  bytes.writeUInt16LE(width, 6);
  bytes.writeUInt16LE(height, 8);
  return bytes;
}

/** The tiny GIF with its one frame's Image Descriptor claiming another size. */
function withFrame(width: number, height: number): Buffer {
  const bytes = Buffer.from(TINY_GIF);
  const at = bytes.indexOf(0x2c); // the Image Separator
  bytes.writeUInt16LE(width, at + 5);
  bytes.writeUInt16LE(height, at + 7);
  return bytes;
}

describe("what fetched media may reach readers", () => {
  it("reads a GIF's logical screen, little-endian", () => {
    expect(gifScreen(withScreen(65_000, 300))).toEqual({ width: 65_000, height: 300 });
    expect(gifScreen(Buffer.from("GIF89a"))).toBeUndefined();
  });

  it("takes a small GIF or WebP, with its frame's size", async () => {
    expect(await checkMedia(TINY_GIF)).toEqual({ ext: "gif", width: 1, height: 1 });
    expect(await checkMedia(withScreen(2_000, 2_000))).toMatchObject({ ext: "gif" });
    const webp = await sharp({
      create: { width: 20, height: 10, channels: 3, background: "#123" },
    })
      .webp()
      .toBuffer();
    expect(await checkMedia(webp)).toEqual({ ext: "webp", width: 20, height: 10 });
  });

  it("refuses a GIF whose screen claims more pixels than the limit, though its frame is 1×1", async () => {
    expect(await checkMedia(withScreen(65_000, 65_000))).toBeUndefined();
    expect(await checkMedia(withScreen(2_001, 2_000))).toBeUndefined();
  });

  it("refuses a frame past the limit, and what is no image", async () => {
    expect(await checkMedia(withFrame(3_000, 3_000))).toBeUndefined();
    expect(await checkMedia(Buffer.from("GIF89a"))).toBeUndefined();
    expect(await checkMedia(Buffer.from("<html><script>alert(1)</script></html>"))).toBeUndefined();
  });
});
