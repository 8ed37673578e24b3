import type { Ctx, TxCtx } from "../../ctx.js";
import { loadSharp } from "../../lib/sharp.js";
import { mediaStore } from "../media/index.js";
import { checkMedia, MAX_PIXELS } from "./media-check.js";
import { fetchMedia, policyOf } from "./media-fetch.js";
import { GIF_ID, type GifProvider, type Offer } from "./provider.js";
import { providerFor } from "./providers/index.js";
import * as repo from "./repo.js";
import { contentKeys, pathOfKey } from "./keys.js";
import { OFFER_TTL_MS } from "./search.js";

/** Largest file kept for a comment: GIPHY's 200-px renditions weigh 100 KB–1 MB. */
export const KEEP_MAX_BYTES = 2 * 1024 * 1024;
/** Largest preview Kiosque passes to the picker. */
export const PREVIEW_MAX_BYTES = 1024 * 1024;
/** A comment's post waits this long for its GIF at most; past it the comment goes without. */
const KEEP_TIMEOUT_MS = 5_000;
const PREVIEW_TIMEOUT_MS = 5_000;

/** A GIF fetched for a comment, ready to be stored with it. */
export interface KeptGif {
  provider: string;
  gifId: string;
  title: string;
  width: number;
  height: number;
  bytes: Buffer;
  ext: "webp" | "gif";
  still: Buffer | undefined;
}

/** The GIF a comment shows, as its views need it. */
export interface CommentGif {
  src: string;
  still: string | null;
  width: number;
  height: number;
  title: string;
}

async function offered(ctx: Ctx, provider: GifProvider, id: string): Promise<Offer | undefined> {
  if (!GIF_ID.test(id)) return undefined;
  const since = new Date(ctx.clock.now().getTime() - OFFER_TTL_MS).toISOString();
  const row = await repo.offer(ctx.db, provider.name, id, since);
  return row ? (JSON.parse(row.offer) as Offer) : undefined;
}

/**
 * Fetches the GIF a reader picked, when Kiosque's own search offered that id: the first of its
 * small renditions that arrives whole within the cap, really a WebP or GIF, with its first frame
 * made for readers who asked for less motion. Undefined when it cannot be had: the comment then
 * posts without it (the reader is never told why; the log is).
 */
export async function keepOffered(ctx: Ctx, id: string): Promise<KeptGif | undefined> {
  const provider = providerFor(await ctx.settings());
  if (provider.name === "disabled") return undefined;
  const offer = await offered(ctx, provider, id);
  if (!offer) return undefined;
  // One wait for the comment, shared by the renditions tried: each with a wait of its own, a
  // provider trickling bytes kept a post 10 s (GIPHY, two files) or 20 s (Klipy, four).
  const deadline = performance.now() + KEEP_TIMEOUT_MS;
  for (const r of offer.keep) {
    if (r.size !== undefined && r.size > KEEP_MAX_BYTES) continue;
    const left = Math.floor(deadline - performance.now());
    if (left <= 0) break;
    const got = await fetchMedia(r.url, policyOf(provider), {
      maxBytes: KEEP_MAX_BYTES,
      timeoutMs: left,
    });
    if (!got.ok) {
      ctx.log.warn({ provider: provider.name, gif: id, reason: got.reason }, "GIF not kept");
      continue;
    }
    const media = await checkMedia(got.bytes);
    if (!media) continue;
    const still = await firstFrame(got.bytes);
    if (!still) continue;
    return {
      provider: provider.name,
      gifId: offer.id,
      title: offer.title,
      width: media.width,
      height: media.height,
      bytes: got.bytes,
      ext: media.ext,
      still,
    };
  }
  return undefined;
}

/** The animation's first frame as a WebP, or undefined if unreadable. */
async function firstFrame(bytes: Buffer): Promise<Buffer | undefined> {
  try {
    const sharp = await loadSharp();
    return await sharp(bytes, { animated: false, limitInputPixels: MAX_PIXELS })
      .webp({ quality: 75 })
      .toBuffer();
  } catch {
    return undefined;
  }
}

/**
 * Stores a kept GIF with its comment, inside the comment's transaction: with the database store
 * the bytes land with the row or not at all. The files are the content's (keys.ts): a GIF some
 * other comment shows already is written again under the same key, which changes nothing but
 * makes sure it is there (a removal of its last other use may be deleting it right now, see
 * release below). The put MUST come before the row: it is what a removal's deletion waits on.
 */
export async function attach(tx: TxCtx, commentId: number, kept: KeptGif): Promise<void> {
  const store = mediaStore(tx);
  const keys = contentKeys(kept.bytes, kept.ext, kept.still);
  await store.put(keys.anim, kept.bytes, `image/${kept.ext}`);
  if (kept.still && keys.still) await store.put(keys.still, kept.still, "image/webp");
  await repo.insertCommentGif(tx.db, {
    comment_id: commentId,
    provider: kept.provider,
    gif_id: kept.gifId,
    title: kept.title,
    width: kept.width,
    height: kept.height,
    media_key: keys.anim,
    media_type: `image/${kept.ext}`,
    still_key: keys.still ?? null,
    bytes: kept.bytes.length,
    kept_at: tx.clock.now().toISOString(),
  });
}

/** The GIFs of these comments, by comment id: one query for a whole page. */
export async function gifsOf(
  ctx: Pick<Ctx, "db">,
  commentIds: readonly number[],
): Promise<Map<number, CommentGif>> {
  const rows = await repo.commentGifs(ctx.db, commentIds);
  return new Map(
    rows.map((r) => [
      r.comment_id,
      {
        src: pathOfKey(r.media_key),
        still: r.still_key ? pathOfKey(r.still_key) : null,
        width: r.width,
        height: r.height,
        title: r.title,
      },
    ]),
  );
}

/**
 * Takes a comment's GIF away (a moderator's "remove the GIF", an erasure), inside the caller's
 * transaction; its files go from the store unless another comment shows them too. Returns its
 * title, or undefined when it had none.
 */
export async function detach(tx: TxCtx, commentId: number): Promise<string | undefined> {
  const row = await repo.deleteCommentGif(tx.db, commentId);
  if (!row) return undefined;
  await release(tx, row.media_key);
  if (row.still_key) await release(tx, row.still_key);
  return row.title;
}

/**
 * Deletes a file no comment shows any more. A post attaching the same GIF at this very moment
 * has written the file first (attach): on PostgreSQL that write holds the blob's row, so the
 * deletion waits for the post's commit, and only then does the second look see its comment; the
 * file is then put back, in this same transaction. SQLite runs one writer at a time, and the
 * second look changes nothing there. An S3 bucket holds nothing: there the second look narrows
 * the moment a post can lose its file, it cannot close it. Two removals of a file's last two
 * uses at once may each see the other's and leave it: a file too many, never one missing.
 */
async function release(tx: TxCtx, key: string): Promise<void> {
  if (await repo.keyInUse(tx.db, key)) return;
  const store = mediaStore(tx);
  const kept = await store.get(key);
  await store.delete(key);
  if (kept && (await repo.keyInUse(tx.db, key))) await store.put(key, kept.bytes, kept.type);
}

/** Whether previews of this provider are Kiosque's to serve now (its setting, the provider chosen). */
export async function previewsServed(ctx: Ctx, providerName: string): Promise<boolean> {
  const s = await ctx.settings();
  return s["gif.proxyMedia"] && providerFor(s).name === providerName;
}

/** A picker preview's bytes, as Kiosque passes them on. */
export interface Preview {
  bytes: Buffer;
  type: string;
}

/**
 * What asking for a preview came to: the file; `failed` when the provider was asked and its file
 * would not do (unreachable, refused, too large, not an image); `unknown` when it was not asked
 * (an id no search offered, or previews not Kiosque's to serve).
 */
export type Previewed = ({ kind: "ok" } & Preview) | { kind: "failed" } | { kind: "unknown" };

/**
 * A picker preview, fetched from the provider's media host for a reader (`gif.proxyMedia`):
 * only for an id Kiosque's search offered, only what checkMedia lets reach readers, within the cap.
 */
export async function previewOf(ctx: Ctx, providerName: string, id: string): Promise<Previewed> {
  const s = await ctx.settings();
  const provider = providerFor(s);
  if (!s["gif.proxyMedia"] || provider.name !== providerName) return { kind: "unknown" };
  const offer = await offered(ctx, provider, id);
  if (!offer) return { kind: "unknown" };
  const got = await fetchMedia(offer.preview.url, policyOf(provider), {
    maxBytes: PREVIEW_MAX_BYTES,
    timeoutMs: PREVIEW_TIMEOUT_MS,
  });
  if (!got.ok) {
    ctx.log.warn({ provider: provider.name, gif: id, reason: got.reason }, "GIF preview failed");
    return { kind: "failed" };
  }
  const media = await checkMedia(got.bytes);
  return media ? { kind: "ok", bytes: got.bytes, type: `image/${media.ext}` } : { kind: "failed" };
}
