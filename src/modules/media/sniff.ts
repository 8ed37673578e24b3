import type { ImageFormat } from "./table.js";

/**
 * What a file is, from its first bytes, never from its name or the type its sender claimed.
 * Only the five formats Kiosque accepts are recognised: anything else (SVG, HTML, PDF, a zip, a
 * HEIC photo) is refused before the image library sees it, so none of libvips's other loaders
 * (SVG, PDF, TIFF…) ever parses what a client sent.
 */
export function sniffFormat(bytes: Uint8Array): ImageFormat | undefined {
  const ascii = (from: number, to: number) =>
    Buffer.from(bytes.subarray(from, to)).toString("latin1");
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "jpeg";
  if (ascii(0, 8) === "\x89PNG\r\n\x1a\n") return "png";
  if (ascii(0, 6) === "GIF87a" || ascii(0, 6) === "GIF89a") return "gif";
  if (ascii(0, 4) === "RIFF" && ascii(8, 12) === "WEBP") return "webp";
  if (ascii(4, 8) === "ftyp" && isAvifBrand(bytes)) return "avif";
  return undefined;
}

/**
 * An ISO-BMFF file (AVIF, HEIC, MP4…) names its brands in its first box: `ftyp`, a major brand,
 * a minor version, then compatible brands to the end of the box. AVIF stills say `avif`, image
 * sequences `avis`; a HEIC photo says `heic` or `mif1` alone, which is not ours to decode.
 */
function isAvifBrand(bytes: Uint8Array): boolean {
  const size = Buffer.from(bytes.subarray(0, 4)).readUInt32BE(0);
  const end = Math.min(size, bytes.length, 4096);
  for (let at = 8; at + 4 <= end; at += 4) {
    if (at === 12) continue; // the minor version, not a brand
    const brand = Buffer.from(bytes.subarray(at, at + 4)).toString("latin1");
    if (brand === "avif" || brand === "avis") return true;
  }
  return false;
}

/**
 * Markup a browser would run, hidden in an image (a polyglot: a valid JPEG whose comment or tail
 * is also an HTML page). Kiosque never serves what was uploaded (the master is re-encoded, and
 * served with its image type and `nosniff`), so such a file could do no harm here; it is refused
 * all the same, since nobody uploads one by chance. Needles of seven characters or more, so that
 * compressed pixels never match by accident (about one chance in 10^8 for 20 MB of them).
 */
const MARKUP = /<script|<iframe|<!doctype|javascript:|onerror\s*=|onload\s*=/i;

export function hidesMarkup(bytes: Uint8Array): boolean {
  return MARKUP.test(
    Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1"),
  );
}

/** The type a format is served with, and the extension of its keys. */
export const formatTypes: Record<ImageFormat, { type: string; extension: string }> = {
  jpeg: { type: "image/jpeg", extension: "jpg" },
  png: { type: "image/png", extension: "png" },
  webp: { type: "image/webp", extension: "webp" },
  gif: { type: "image/gif", extension: "gif" },
  avif: { type: "image/avif", extension: "avif" },
};
