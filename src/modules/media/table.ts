import type { Generated } from "kysely";

/** The image formats Kiosque accepts, and keeps its masters in. */
export type ImageFormat = "jpeg" | "png" | "webp" | "gif" | "avif";
/** The formats variants are made in: what every current browser shows, smallest first. */
export type VariantFormat = "avif" | "webp";
export type MediaStatus = "processing" | "ready" | "failed";

export interface MediaTable {
  id: Generated<number>;
  /** The name it was uploaded under, cleaned: shown and searched, never used as a path. */
  filename: string;
  alt: string;
  caption: string;
  credit: string;
  /** The master's format: the uploaded one, re-encoded without metadata. */
  format: ImageFormat;
  /** The master's size, upright (after its EXIF orientation was applied). */
  width: number;
  height: number;
  bytes: number;
  master_key: string;
  status: MediaStatus;
  /** Claims so far: an image whose processing kills its process is not tried forever. */
  attempts: number;
  /** End of the current claim on a 'processing' row; NULL: not claimed. */
  claimed_until: string | null;
  /** Why variants could not be made (for staff and logs), when status is 'failed'. */
  failure: string | null;
  uploaded_by: number;
  created_at: string;
  updated_at: string;
}

export interface MediaVariantsTable {
  media_id: number;
  format: VariantFormat;
  width: number;
  height: number;
  bytes: number;
  key: string;
}

/** Which article uses which image: the article editor writes it (`recordUsage`). */
export interface MediaUsageTable {
  media_id: number;
  article_id: number;
}

/** Which site page shows which image: the page editor and the import write it. */
export interface MediaPageUsageTable {
  media_id: number;
  page_id: number;
}

/** The database store's bytes (storage/database.ts). */
export interface MediaBlobsTable {
  key: string;
  /** Content-Type to serve them with. */
  type: string;
  bytes: Uint8Array;
}

export interface MediaTables {
  media: MediaTable;
  media_variants: MediaVariantsTable;
  media_usage: MediaUsageTable;
  media_page_usage: MediaPageUsageTable;
  media_blobs: MediaBlobsTable;
}
