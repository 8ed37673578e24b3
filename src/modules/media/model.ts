import type { Selectable } from "kysely";
import { changeKeys } from "../../lib/change-keys.js";
import { paths } from "../../web/urls.js";
import { formatTypes } from "./sniff.js";
import type {
  ImageFormat,
  MediaStatus,
  MediaTable,
  MediaVariantsTable,
  VariantFormat,
} from "./table.js";

/** One resized copy of an image, as pages link it. */
export interface MediaVariant {
  format: VariantFormat;
  /** Content-Type: image/avif or image/webp. */
  type: string;
  width: number;
  height: number;
  bytes: number;
  /** Path it is served at (`/media/<key>`). */
  src: string;
}

/** An uploaded image, as services hand it out. */
export interface MediaItem {
  id: number;
  filename: string;
  /** Alternative text: required before an article showing the image is published. */
  alt: string;
  caption: string;
  credit: string;
  /** The master's format and size, upright. */
  format: ImageFormat;
  type: string;
  width: number;
  height: number;
  bytes: number;
  /** Path of the master, metadata stripped. */
  src: string;
  /** "processing" until the variants are made; "failed" when they could not be. */
  status: MediaStatus;
  /** Widest first within each format; empty until ready. */
  variants: MediaVariant[];
  uploadedBy: number;
  createdAt: string;
  updatedAt: string;
}

export type MediaRow = Selectable<MediaTable>;
export type VariantRow = Selectable<MediaVariantsTable>;

export function toVariant(v: VariantRow): MediaVariant {
  return {
    format: v.format,
    type: formatTypes[v.format].type,
    width: v.width,
    height: v.height,
    bytes: v.bytes,
    src: paths.media(v.key),
  };
}

export function toItem(r: MediaRow, variants: readonly VariantRow[]): MediaItem {
  return {
    id: r.id,
    filename: r.filename,
    alt: r.alt,
    caption: r.caption,
    credit: r.credit,
    format: r.format,
    type: formatTypes[r.format].type,
    width: r.width,
    height: r.height,
    bytes: r.bytes,
    src: paths.media(r.master_key),
    status: r.status,
    variants: variants
      .filter((v) => v.media_id === r.id)
      .sort((a, b) => a.format.localeCompare(b.format) || b.width - a.width)
      .map(toVariant),
    uploadedBy: r.uploaded_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** The change keys of the pages of articles that show an image. */
export function articleKeys(articleIds: readonly number[]): string[] {
  return articleIds.map((id) => changeKeys.article(id));
}
