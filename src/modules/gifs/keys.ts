import { createHash } from "node:crypto";

/**
 * Where a kept GIF's files live in the media store: `gifs/<item>/<label>-<digest>.<ext>`, the
 * media library's scheme (media/keys.ts) under a folder of its own. A key's bytes never change,
 * so `/gifs/media/<key>` is served `immutable`.
 */
const PATTERN = /^[A-Za-z0-9_-]{16}\/(?:anim|still)-[A-Za-z0-9_-]{16}\.(?:webp|gif)$/;
const PREFIX = "gifs/";

const digestOf = (bytes: Uint8Array) =>
  createHash("sha256").update(bytes).digest("base64url").slice(0, 16);

/**
 * The keys of a GIF's files, named by its content: the folder by the animation's digest, each file
 * by its own. Every comment showing the same file shares one copy and one still (keep.ts counts
 * who still uses them): a GIF posted a hundred times is stored once. GIFs kept before this had a
 * random folder each; their keys read, serve and go the same way.
 */
export function contentKeys(
  anim: Uint8Array,
  ext: string,
  still: Uint8Array | undefined,
): { anim: string; still: string | undefined } {
  const item = digestOf(anim);
  return {
    anim: `${PREFIX}${item}/anim-${item}.${ext}`,
    still: still && `${PREFIX}${item}/still-${digestOf(still)}.webp`,
  };
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
