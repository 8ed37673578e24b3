/**
 * Where an image's bytes live, shared by every instance (DESIGN: several instances must serve
 * every upload). Keys are written once and never change their content (keys.ts); `put` of a key
 * that exists replaces it, so a retried write is harmless.
 */
export interface MediaStore {
  put(key: string, bytes: Uint8Array, type: string): Promise<void>;
  /** The bytes and the Content-Type they were stored with; undefined for an unknown key. */
  get(key: string): Promise<StoredObject | undefined>;
  /** Deleting an unknown key is not an error. */
  delete(key: string): Promise<void>;
}

export interface StoredObject {
  bytes: Buffer;
  type: string;
}

/** A store that could not do what was asked (a bucket refusing, a network down). */
export class MediaStoreError extends Error {
  override name = "MediaStoreError";
}
