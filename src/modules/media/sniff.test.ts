import { describe, expect, it } from "vitest";
import { hidesMarkup, sniffFormat } from "./sniff.js";

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(
    parts.map((p) => (typeof p === "string" ? Buffer.from(p, "latin1") : Buffer.from(p))),
  );

/** An ISO-BMFF `ftyp` box: size, "ftyp", major brand, minor version, compatible brands. */
function ftyp(major: string, ...compatible: string[]) {
  const size = Buffer.alloc(4);
  size.writeUInt32BE(16 + 4 * compatible.length);
  return bytes([...size], "ftyp", major, [0, 0, 0, 0], compatible.join(""), "rest of the file");
}

describe("sniffFormat", () => {
  it.each([
    ["jpeg", bytes([0xff, 0xd8, 0xff, 0xe0], "JFIF")],
    ["png", bytes("\x89PNG\r\n\x1a\n", "IHDR")],
    ["gif", bytes("GIF89a", [1, 0])],
    ["gif", bytes("GIF87a", [1, 0])],
    ["webp", bytes("RIFF", [0, 0, 0, 0], "WEBPVP8 ")],
    ["avif", ftyp("avif", "mif1", "miaf")],
    ["avif", ftyp("mif1", "avif", "miaf")],
    ["avif", ftyp("avis", "msf1")],
  ])("knows %s by its first bytes", (format, file) => {
    expect(sniffFormat(file)).toBe(format);
  });

  it.each([
    ["empty", bytes()],
    ["a HEIC photo", ftyp("heic", "mif1", "heic")],
    ["an MP4 video", ftyp("isom", "iso2", "mp41")],
    ["an SVG", bytes('<svg xmlns="http://www.w3.org/2000/svg">')],
    ["an SVG with an XML declaration", bytes('<?xml version="1.0"?><svg>')],
    ["HTML", bytes("<!doctype html><html>")],
    ["a PDF", bytes("%PDF-1.7")],
    ["a zip", bytes("PK\x03\x04")],
    ["a TIFF", bytes("II*\x00")],
    ["a BMP", bytes("BM")],
    ["a RIFF that is a WAV", bytes("RIFF", [0, 0, 0, 0], "WAVEfmt ")],
    ["two bytes of JPEG", bytes([0xff, 0xd8])],
    ["a box claiming a huge size", bytes([0xff, 0xff, 0xff, 0xff], "ftypheic")],
  ])("knows nothing of %s", (_what, file) => {
    expect(sniffFormat(file)).toBeUndefined();
  });
});

describe("hidesMarkup", () => {
  it.each([
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil>",
    "<iframe src=x>",
    "<!DOCTYPE html>",
    "<a href=javascript:alert(1)>",
    "<img src=x onerror = alert(1)>",
    "<body onload=alert(1)>",
  ])("finds %j anywhere in the bytes", (markup) => {
    expect(hidesMarkup(bytes([0xff, 0xd8, 0xff, 0xfe, 0, 40], markup, [0xff, 0xd9]))).toBe(true);
    expect(hidesMarkup(bytes([0xff, 0xd8, 0xff, 0xd9], markup))).toBe(true);
  });

  it("lets plain pixels and short look-alikes be", () => {
    expect(hidesMarkup(bytes([0xff, 0xd8, 0xff], "<scrip", "<html", "<svg", "onload"))).toBe(false);
    const noise = Buffer.alloc(1 << 20);
    for (let i = 0; i < noise.length; i++) noise[i] = (i * 2654435761) >>> 24;
    expect(hidesMarkup(noise)).toBe(false);
  });
});
