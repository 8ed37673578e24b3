import { loadSharp } from "../../lib/sharp.js";

/**
 * Pixels a GIF may claim at most, whatever its weight: a 2 MB file claiming 100 megapixels is
 * refused, since a reader's browser (or sharp, for the still frame) would decode that many.
 */
export const MAX_PIXELS = 4_000_000;

/** Media fetched from a provider that Kiosque may pass on or keep: its format and frame size. */
export interface CheckedMedia {
  ext: "webp" | "gif";
  width: number;
  height: number;
}

/** The real format from the first bytes: only WebP and GIF are kept or passed on. */
export function sniffGif(bytes: Uint8Array): "webp" | "gif" | undefined {
  const ascii = (from: number, to: number) =>
    Buffer.from(bytes.subarray(from, to)).toString("latin1");
  if (ascii(0, 6) === "GIF87a" || ascii(0, 6) === "GIF89a") return "gif";
  if (ascii(0, 4) === "RIFF" && ascii(8, 12) === "WEBP") return "webp";
  return undefined;
}

/**
 * The logical screen a GIF's header claims (bytes 6–9, little-endian, after its signature).
 * sharp reports the frames' size and never this one, yet browsers may size their canvas from it:
 * a 1×1 frame on a screen of 65000×65000 passed sharp's pixel limit.
 */
export function gifScreen(bytes: Uint8Array): { width: number; height: number } | undefined {
  if (bytes.length < 10) return undefined;
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.readUInt16LE(6), height: view.readUInt16LE(8) };
}

/**
 * What fetched media is, when it may reach readers at all (a picker's preview passed through, a
 * comment's kept copy): a WebP or a GIF whose frames, and for a GIF its logical screen too, stay
 * within MAX_PIXELS. Undefined for anything else, which is then answered as missing.
 */
export async function checkMedia(bytes: Buffer): Promise<CheckedMedia | undefined> {
  const ext = sniffGif(bytes);
  if (!ext) return undefined;
  if (ext === "gif") {
    const screen = gifScreen(bytes);
    if (!screen || screen.width * screen.height > MAX_PIXELS) return undefined;
  }
  try {
    const sharp = await loadSharp();
    // sharp refuses frames past the limit itself, before decoding any.
    const meta = await sharp(bytes, { animated: false, limitInputPixels: MAX_PIXELS }).metadata();
    const width = meta.width;
    const height = meta.pageHeight ?? meta.height;
    return width && height ? { ext, width, height } : undefined;
  } catch {
    return undefined;
  }
}
