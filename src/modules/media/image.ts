import type { Sharp } from "sharp";
import { loadSharp } from "../../lib/sharp.js";
import type { ImageFormat, VariantFormat } from "./table.js";

/**
 * Everything done to pixels, with sharp (libvips). Each step is bounded: the pixel count is read
 * from the header and checked before anything is decoded (`readHeader`), decoders are told the
 * same limit again (`limitInputPixels`), and every encode has a time limit.
 */

/** Widths of the variants, in CSS pixels of a 1× screen up to a 2× screen's full column. */
export const VARIANT_WIDTHS = [320, 640, 960, 1280, 1920] as const;

/** Past this an encode has met an image built to waste our time: it is stopped. */
const ENCODE_SECONDS = 60;

/**
 * Encoders' settings. Masters keep nearly all the quality (they are what variants are made from);
 * variants are for screens. AVIF at effort 2: effort 4 (sharp's default) takes ten times as long
 * for files a few per cent smaller.
 */
export const ENCODING = {
  masterQuality: 90,
  webpQuality: 80,
  avifQuality: 55,
  avifEffort: 2,
} as const;
const { masterQuality, webpQuality, avifQuality, avifEffort } = ENCODING;

export interface Header {
  /** What libvips read: "heif" for AVIF (with compression "av1"). */
  format: string;
  compression: string | undefined;
  width: number;
  height: number;
}

export interface Encoded {
  bytes: Buffer;
  width: number;
  height: number;
}

async function open(bytes: Uint8Array, maxPixels: number): Promise<Sharp> {
  const sharp = await loadSharp();
  // failOn "truncated": a file cut short is refused; a minor warning (stray bytes between
  // markers, common in cameras' JPEGs) is not.
  return sharp(bytes, { limitInputPixels: maxPixels, failOn: "truncated" });
}

/** The header alone: format and size, nothing decoded. Throws on a file libvips cannot read. */
export async function readHeader(bytes: Uint8Array): Promise<Header> {
  const sharp = await loadSharp();
  // No pixel limit here: nothing is decoded, and the caller wants the size to say it is too large.
  const m = await sharp(bytes, { limitInputPixels: false }).metadata();
  // The size once upright: EXIF orientations 5–8 turn the picture a quarter.
  const upright = m.autoOrient ?? { width: m.width, height: m.height };
  return {
    format: m.format,
    compression: m.compression,
    width: upright.width,
    height: upright.height,
  };
}

/**
 * The master: the first frame decoded, turned upright by its EXIF orientation, converted to sRGB
 * (so that colours look the same without the camera's profile), and encoded again in its own
 * format. Nothing of the file but its pixels survives: EXIF (GPS position, camera serial, date),
 * XMP, IPTC, ICC profile, comments, and anything appended.
 */
export async function makeMaster(
  bytes: Uint8Array,
  format: ImageFormat,
  maxPixels: number,
): Promise<Encoded> {
  const image = await open(bytes, maxPixels);
  const { data, info } = await encode(image.autoOrient(), format, masterQuality)
    .timeout({ seconds: ENCODE_SECONDS })
    .toBuffer({ resolveWithObject: true });
  return { bytes: data, width: info.width, height: info.height };
}

function encode(image: Sharp, format: ImageFormat, quality: number): Sharp {
  switch (format) {
    case "jpeg":
      return image.jpeg({ quality });
    case "png":
      return image.png();
    case "webp":
      return image.webp({ quality });
    case "gif":
      return image.gif();
    case "avif":
      return image.avif({ quality, effort: avifEffort });
  }
}

/** The widths to make for a master `width` wide: never wider than it (no upscaling). */
export function variantWidths(width: number): number[] {
  const widest = Math.min(width, VARIANT_WIDTHS[VARIANT_WIDTHS.length - 1] ?? width);
  return [...VARIANT_WIDTHS.filter((w) => w < widest), widest];
}

export interface Variant extends Encoded {
  format: VariantFormat;
}

/**
 * Every variant of a master: it is decoded once, at the widest variant's size, and each width is
 * made from those pixels (decoding a 12-megapixel JPEG ten times would cost more than the rest).
 */
export async function makeVariants(master: Uint8Array, maxPixels: number): Promise<Variant[]> {
  const widths = variantWidths((await readHeader(master)).width);
  const widest = Math.max(...widths);
  const source = await open(master, maxPixels);
  const { data, info } = await source
    .resize({ width: widest, withoutEnlargement: true })
    .raw()
    .timeout({ seconds: ENCODE_SECONDS })
    .toBuffer({ resolveWithObject: true });
  const raw = { width: info.width, height: info.height, channels: info.channels };
  const sharp = await loadSharp();
  const variants: Variant[] = [];
  for (const width of widths) {
    for (const format of ["avif", "webp"] as const) {
      const resized = sharp(data, { raw }).resize({ width });
      const out = await (
        format === "avif"
          ? resized.avif({ quality: avifQuality, effort: avifEffort })
          : resized.webp({ quality: webpQuality })
      )
        .timeout({ seconds: ENCODE_SECONDS })
        .toBuffer({ resolveWithObject: true });
      variants.push({ format, bytes: out.data, width: out.info.width, height: out.info.height });
    }
  }
  return variants;
}
