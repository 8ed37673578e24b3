/**
 * The uploaded images a post's content may name, found before it is converted: by attachment id
 * (`[gallery ids]`, `wp-image-12`) and by address (an `<img src>` of the old site's uploads, in
 * any of the sizes WordPress made of it).
 */

/** One imported image, as a post's content shows it. */
export interface ImageRef {
  mediaId: number;
  /** Kiosque's address of the image (`/media/<key>`). */
  src: string;
  alt: string;
  caption: string;
  credit: string;
  width: number;
  height: number;
}

export interface ContentRefs {
  byAttachmentId: ReadonlyMap<string, ImageRef>;
  /** By `imageKey` of the old address. */
  byUrl: ReadonlyMap<string, ImageRef>;
  /** The post's own attachments, for a `[gallery]` that names none. */
  children: readonly ImageRef[];
}

export const NO_REFS: ContentRefs = { byAttachmentId: new Map(), byUrl: new Map(), children: [] };

/**
 * One key for every size of an upload: the path without its host and scheme (a site moved to
 * https keeps its paths), without WordPress's size suffix (`-300x200`) or `-scaled`, lower-cased.
 */
export function imageKey(address: string): string {
  let path: string;
  try {
    path = new URL(address.replace(/&amp;/g, "&"), "http://old.invalid").pathname;
  } catch {
    return address;
  }
  try {
    path = decodeURIComponent(path);
  } catch {
    // Kept percent-encoded: still one spelling for both sides.
  }
  // A NUL (`%00`) names no file, and PostgreSQL's text cannot hold one.
  return withoutSizes(path.replace(/\0/g, "")).toLowerCase();
}

/**
 * WordPress's size suffixes (`-300x200`, `-scaled`, one after the other) out of a file's path,
 * its extension kept. Read from the end, in the reversed path: `(?:-\d+x\d+|-scaled)+(\.\w+)$`
 * read the rest of a long path of such suffixes from each of its dashes.
 */
function withoutSizes(path: string): string {
  const m = /^(\w+\.)((?:\d+x\d+-|delacs-)+)/i.exec([...path].reverse().join(""));
  if (!m) return path;
  const ext = (m[1] ?? "").length;
  const sizes = (m[2] ?? "").length;
  return path.slice(0, path.length - ext - sizes) + path.slice(path.length - ext);
}

/** What to look up for this content: attachment ids and image keys. */
export function refsNeeded(content: string): { ids: string[]; keys: string[] } {
  const ids = new Set<string>();
  const keys = new Set<string>();
  for (const m of content.matchAll(/\b(?:ids|include)\s*=\s*["']?([\d,\s]+)/g))
    for (const id of (m[1] ?? "").split(/[\s,]+/)) if (id) ids.add(id);
  for (const m of content.matchAll(/\bwp-image-(\d+)|\battachment_(\d+)|"id":(\d+)/g))
    ids.add(m[1] ?? m[2] ?? m[3] ?? "");
  for (const m of content.matchAll(/\b(?:src|href)\s*=\s*["']([^"']+)["']/gi)) {
    const url = m[1] ?? "";
    if (/\.(?:jpe?g|png|gif|webp|avif)(?:[?#]|$)/i.test(url)) keys.add(imageKey(url));
  }
  ids.delete("");
  return { ids: [...ids], keys: [...keys] };
}
