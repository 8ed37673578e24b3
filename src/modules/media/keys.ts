import { createHash, randomBytes } from "node:crypto";

/**
 * Where each stored file lives: `<item>/<label>-<digest>.<extension>`, e.g.
 * `q3Xb0lYc8QpZ1k2a/640-Jm4u0bVq2ZrA9xT1.webp`.
 *
 * - `item` is random, one per upload: two uploads of the same picture never share a file, so
 *   removing one can never take the other's bytes.
 * - `digest` is the bytes' own (SHA-256, 96 bits): a key's content never changes, so its answer
 *   may be cached by anyone for a year (`immutable`), and variants made again differently (another
 *   quality, another width) get new keys instead of stale caches.
 */
const ITEM_BYTES = 12;
const DIGEST_CHARS = 16;

export const KEY_PATTERN =
  /^[A-Za-z0-9_-]{16}\/[a-z0-9]{1,16}-[A-Za-z0-9_-]{16}\.(?:jpg|png|webp|gif|avif)$/;

export function newItemPrefix(): string {
  return randomBytes(ITEM_BYTES).toString("base64url");
}

export function objectKey(
  item: string,
  label: string,
  bytes: Uint8Array,
  extension: string,
): string {
  const digest = createHash("sha256").update(bytes).digest("base64url").slice(0, DIGEST_CHARS);
  return `${item}/${label}-${digest}.${extension}`;
}

/** The item part of a key: its variants are stored beside its master. */
export function itemOf(key: string): string {
  return key.slice(0, key.indexOf("/"));
}

export function isObjectKey(key: string): boolean {
  return KEY_PATTERN.test(key);
}

/** The strong ETag of a key's answer: the digest names the bytes. */
export function etagOf(key: string): string {
  const dot = key.lastIndexOf(".");
  return `"${key.slice(dot - DIGEST_CHARS, dot)}"`;
}
