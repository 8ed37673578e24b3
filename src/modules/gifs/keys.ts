import { createHash, randomBytes } from "node:crypto";

/**
 * Where a kept GIF's files live in the media store: `gifs/<item>/<label>-<digest>.<ext>`, the
 * media library's scheme (media/keys.ts) under a folder of its own. A key's bytes never change,
 * so `/gifs/media/<key>` is served `immutable`.
 */
const PATTERN = /^[A-Za-z0-9_-]{16}\/(?:anim|still)-[A-Za-z0-9_-]{16}\.(?:webp|gif)$/;
const PREFIX = "gifs/";

export function newItem(): string {
  return randomBytes(12).toString("base64url");
}

export function storeKey(item: string, label: "anim" | "still", bytes: Uint8Array, ext: string) {
  const digest = createHash("sha256").update(bytes).digest("base64url").slice(0, 16);
  return `${PREFIX}${item}/${label}-${digest}.${ext}`;
}

/** The store's key for a served path (what follows `/gifs/media/`), or undefined. */
export function keyOfPath(path: string): string | undefined {
  return PATTERN.test(path) ? `${PREFIX}${path}` : undefined;
}

export function pathOfKey(key: string): string {
  return `/gifs/media/${key.slice(PREFIX.length)}`;
}

export function etagOfKey(key: string): string {
  const dot = key.lastIndexOf(".");
  return `"${key.slice(dot - 16, dot)}"`;
}

export const TYPE_OF_EXT: Readonly<Record<string, string>> = {
  webp: "image/webp",
  gif: "image/gif",
};
