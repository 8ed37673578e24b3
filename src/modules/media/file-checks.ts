import type { Problem } from "../../lib/errors.js";
import type { Settings } from "../settings/index.js";
import { readHeader } from "./image.js";
import { hidesMarkup, sniffFormat } from "./sniff.js";
import type { ImageFormat } from "./table.js";

const MB = 1024 * 1024;

/** What libvips calls each accepted format (AVIF is a HEIF file compressed with AV1). */
const LIBVIPS_NAMES: Record<ImageFormat, { format: string; compression?: string }> = {
  jpeg: { format: "jpeg" },
  png: { format: "png" },
  webp: { format: "webp" },
  gif: { format: "gif" },
  avif: { format: "heif", compression: "av1" },
};

/**
 * Whether `bytes` is an image Kiosque takes, and its format, looking at as little as possible:
 * its size, its first bytes, then its header. Nothing is decoded here, so a file built to blow
 * up when decoded (a zip bomb of a PNG, a 20,000 × 20,000 header) is refused for what its header
 * says. The cheapest checks come first.
 */
export async function checkFile(
  bytes: Uint8Array,
  settings: Pick<Settings, "media.maxUploadMB" | "media.maxMegapixels">,
): Promise<{ format: ImageFormat; pixels: number } | Problem> {
  if (bytes.length === 0) return { problem: "required" };
  const maxMB = settings["media.maxUploadMB"];
  if (bytes.length > maxMB * MB) return { problem: "tooLarge", limit: maxMB };
  const format = sniffFormat(bytes);
  if (!format || hidesMarkup(bytes)) return { problem: "notImage" };
  let header;
  try {
    header = await readHeader(bytes);
  } catch {
    return { problem: "damagedImage" };
  }
  const expected = LIBVIPS_NAMES[format];
  if (
    header.format !== expected.format ||
    (expected.compression !== undefined && header.compression !== expected.compression)
  )
    return { problem: "notImage" };
  if (!(header.width > 0 && header.height > 0)) return { problem: "damagedImage" };
  const maxMP = settings["media.maxMegapixels"];
  const pixels = header.width * header.height;
  if (pixels > maxMP * 1_000_000) return { problem: "tooManyPixels", limit: maxMP };
  return { format, pixels };
}
