import type { Ctx, TxCtx } from "../../ctx.js";
import { changeKeys } from "../../lib/change-keys.js";
import { Invalid, NotFound, type Problem } from "../../lib/errors.js";
import { articles } from "../articles/index.js";
import { audit } from "../audit/index.js";
import { sitePages } from "../pages/index.js";
import { checkFile } from "./file-checks.js";
import { makeMaster } from "./image.js";
import { isObjectKey, newItemPrefix, objectKey } from "./keys.js";
import { articleKeys, toItem, type MediaItem } from "./model.js";
import * as repo from "./repo.js";
import { isOnSite } from "../../lib/on-site.js";
import { formatTypes } from "./sniff.js";
import { mediaStore } from "./storage/index.js";
import { checkDetails, checkQuery, cleanFilename, isRowId } from "./validation.js";

export { processPending, type Processed } from "./variants.js";
export { useAsLogo, setLogoSetting, logoOf } from "./logo.js";

/** Images per page of the library: four rows of six thumbnails. */
const PER_PAGE = 24;

/** What an upload without bytes (or with something else in their place) lacks. */
const required: Problem = { problem: "required" };

export interface Upload {
  /** The file as sent, whole: its size is checked before anything else. */
  bytes: Buffer;
  /** The name it came with: shown and searched, never trusted for its type. */
  filename: string;
  /** The staff member's user id. */
  uploadedBy: number;
  alt?: string;
  caption?: string;
  credit?: string;
}

/**
 * Takes an upload: checks it (size, real format from its content, pixel count from its header),
 * stores a master without any metadata and answers at once, `status: "processing"`; the variants
 * are made off the request path (variants.ts, run by jobs/make-media-variants.ts). Refuses with
 * `Invalid` (KIOSQUE_MEDIA_INVALID), a problem per field (`file`, `alt`, `caption`, `credit`),
 * having stored nothing.
 */
export async function upload(ctx: Ctx, input: Upload): Promise<MediaItem> {
  const settings = await ctx.settings();
  const { values, problems } = checkDetails(input as unknown as Record<string, unknown>);
  const bytes: unknown = input.bytes;
  const file = bytes instanceof Uint8Array ? await checkFile(bytes, settings) : required;
  if ("problem" in file) problems.file = file;
  if (Object.keys(problems).length > 0 || "problem" in file)
    throw new Invalid("KIOSQUE_MEDIA_INVALID", problems, { filename: input.filename });

  let master;
  try {
    // The file's own pixel count: within the setting, checked above.
    master = await makeMaster(input.bytes, file.format, file.pixels);
  } catch (error) {
    throw new Invalid(
      "KIOSQUE_MEDIA_INVALID",
      { file: { problem: "damagedImage" } },
      { filename: input.filename, reason: error instanceof Error ? error.message : String(error) },
    );
  }
  const { type, extension } = formatTypes[file.format];
  const key = objectKey(newItemPrefix(), "original", master.bytes, extension);
  const store = mediaStore(ctx);
  // Stored before the row that names it, outside the transaction: a bucket's PUT must not hold the
  // database's write lock. Should the row fail, the bytes go too.
  await store.put(key, master.bytes, type);
  const now = ctx.clock.now().toISOString();
  let id: number;
  try {
    id = await ctx.write(async (tx, changed) => {
      changed(changeKeys.media);
      const made = await repo.insertItem(tx.db, {
        filename: cleanFilename(input.filename),
        alt: values.alt ?? "",
        caption: values.caption ?? "",
        credit: values.credit ?? "",
        format: file.format,
        width: master.width,
        height: master.height,
        bytes: master.bytes.length,
        master_key: key,
        status: "processing",
        attempts: 0,
        claimed_until: null,
        failure: null,
        uploaded_by: input.uploadedBy,
        created_at: now,
        updated_at: now,
      });
      await audit.record(tx, {
        actor: { id: input.uploadedBy },
        action: "media.upload",
        target: { type: "media", id: made },
        details: { format: file.format, width: master.width, height: master.height },
      });
      return made;
    });
  } catch (error) {
    await store.delete(key).catch((e: unknown) => ctx.log.warn({ err: e, key }, "orphan image"));
    throw error;
  }
  return get(ctx, id);
}

export async function get(ctx: Ctx, id: number): Promise<MediaItem> {
  const row = isRowId(id) ? await repo.find(ctx.db, id) : undefined;
  if (!row) throw new NotFound("media", { id });
  return toItem(row, await repo.variantsOf(ctx.db, [id]));
}

/** Several images by id, for a page that shows them; unknown ids are left out. */
export async function getMany(ctx: Ctx, ids: readonly number[]): Promise<Map<number, MediaItem>> {
  const wanted = [...new Set(ids.filter(isRowId))];
  const rows = await repo.findMany(ctx.db, wanted);
  const variants = await repo.variantsOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  return new Map(rows.map((r) => [r.id, toItem(r, variants)]));
}

export interface LibraryPage {
  /** Each with the articles that use it (drafts included), and whether it is the site's logo. */
  items: (MediaItem & { usage: Usage[]; logo: boolean })[];
  page: number;
  totalPages: number;
  total: number;
}

/**
 * The media library, newest first, a page at a time; `q` keeps the images whose name,
 * alternative text, caption or credit contains it. A page past the end is NotFound.
 */
export async function library(
  ctx: Ctx,
  options: { q?: string; page?: number } = {},
): Promise<LibraryPage> {
  const q = checkQuery(options.q);
  if (typeof q !== "string") throw new Invalid("KIOSQUE_MEDIA_INVALID", { q });
  const page = options.page ?? 1;
  if (!Number.isSafeInteger(page) || page < 1) throw new NotFound("page", { page });
  const total = ctx.engine.toNumber(await repo.count(ctx.db, q));
  const totalPages = Math.max(1, Math.ceil(total / PER_PAGE));
  if (page > totalPages) throw new NotFound("page", { page });
  const rows = await repo.list(ctx.db, q, PER_PAGE, (page - 1) * PER_PAGE);
  const ids = rows.map((r) => r.id);
  const [variants, usage, settings] = await Promise.all([
    repo.variantsOf(ctx.db, ids),
    usageOfMany(ctx, ids),
    ctx.settings(),
  ]);
  const items = rows.map((r) => ({
    ...toItem(r, variants),
    usage: usage.get(r.id) ?? [],
    logo: settings["site.logo"] === r.id,
  }));
  return { items, page, totalPages, total };
}

/** Changes the fields given (alternative text, caption, credit); the others stay. */
export async function update(
  ctx: Ctx,
  id: number,
  fields: { alt?: string; caption?: string; credit?: string },
  /** Who changes it, for the journal (staff pages name them; scripts may not). */
  actor?: { id: number },
): Promise<MediaItem> {
  const { values, problems } = checkDetails(fields as Record<string, unknown>);
  if (Object.keys(problems).length > 0)
    throw new Invalid("KIOSQUE_MEDIA_INVALID", problems, { id });
  if (!isRowId(id)) throw new NotFound("media", { id });
  await ctx.write(async (tx, changed) => {
    const found = await repo.updateItem(tx.db, id, {
      ...values,
      updated_at: ctx.clock.now().toISOString(),
    });
    if (!found) throw new NotFound("media", { id });
    if (actor)
      await audit.record(tx, {
        actor,
        action: "media.update",
        target: { type: "media", id },
        details: { fields: Object.keys(values) },
      });
    // Pages showing the image show its alternative text and caption; a site page is cached
    // under `all` (it shows the footer every page write changes).
    changed(changeKeys.media, ...articleKeys(await repo.articlesUsing(tx.db, id)));
    if ((await repo.pagesUsing(tx.db, id)).length > 0) changed(changeKeys.all);
  });
  return get(ctx, id);
}

/** Where an image is shown: an article (drafts included) or a site page. */
export type Usage =
  | { articleId: number; slug: string; title: string }
  | { pageId: number; slug: string; title: string };

/**
 * The articles (drafts included), then the site pages, that use an image, as their editors (and
 * an import) recorded them.
 */
export async function usage(ctx: Ctx, id: number): Promise<Usage[]> {
  if (!isRowId(id) || !(await repo.find(ctx.db, id))) throw new NotFound("media", { id });
  return (await usageOfMany(ctx, [id])).get(id) ?? [];
}

/** `usage` of each of these images: two queries and two look-ups of names, however many. */
async function usageOfMany(ctx: Ctx, ids: readonly number[]): Promise<Map<number, Usage[]>> {
  const [uses, pageUses] = await Promise.all([
    repo.usageOfMany(ctx.db, ids),
    repo.pageUsageOfMany(ctx.db, ids),
  ]);
  const [named, pagesNamed] = await Promise.all([
    articles.slugsAndTitles(ctx, [...new Set(uses.map((u) => u.article_id))]),
    sitePages.slugsAndTitles(ctx, [...new Set(pageUses.map((u) => u.page_id))]),
  ]);
  const out = new Map<number, Usage[]>(ids.map((id) => [id, []]));
  for (const u of uses) {
    const a = named.get(u.article_id);
    if (a) out.get(u.media_id)?.push({ articleId: u.article_id, slug: a.slug, title: a.title });
  }
  for (const u of pageUses) {
    const p = pagesNamed.get(u.page_id);
    if (p) out.get(u.media_id)?.push({ pageId: u.page_id, slug: p.slug, title: p.title });
  }
  return out;
}

/**
 * Says which images an article uses, replacing what it said before: the article editor calls it
 * in the transaction that saves the article. Unknown ids are NotFound (nothing written).
 */
export async function recordUsage(
  tx: TxCtx,
  articleId: number,
  mediaIds: readonly number[],
): Promise<void> {
  const wanted = [...new Set(mediaIds)];
  const found = new Set(await repo.existing(tx.db, wanted.filter(isRowId)));
  const unknown = wanted.filter((id) => !found.has(id));
  if (unknown.length > 0) throw new NotFound("media", { ids: unknown });
  await repo.replaceUsage(tx.db, articleId, wanted);
}

/**
 * Says which images a site page shows, replacing what it said before (the page editor, after a
 * save; an import, in its transaction). Ids of images that are gone are left out: a page keeps
 * its text whatever became of an image it names.
 */
export async function recordPageUsage(
  tx: TxCtx,
  pageId: number,
  mediaIds: readonly number[],
): Promise<void> {
  const wanted = [...new Set(mediaIds)].filter(isRowId);
  const found = await repo.existing(tx.db, wanted);
  await repo.replacePageUsage(tx.db, pageId, found);
}

/** Whether the site's header shows this image as its logo (settings `site.logo`). */
export async function isLogo(ctx: Ctx, id: number): Promise<boolean> {
  return (await ctx.settings())["site.logo"] === id;
}

/**
 * Removes an image and its files, unless an article or a site page uses it, or it is the site's
 * logo (KIOSQUE_MEDIA_IN_USE: `inUse`, `logoInUse`). The rows go in one transaction; the files
 * after it, since a bucket's DELETE must not hold the database's write lock (a file left by a
 * failure there is only unused bytes, and is logged).
 */
export async function remove(ctx: Ctx, id: number, actor?: { id: number }): Promise<void> {
  if (!isRowId(id)) throw new NotFound("media", { id });
  const keys = await ctx.write(async (tx, changed) => {
    const row = await repo.find(tx.db, id);
    if (!row) throw new NotFound("media", { id });
    const using = await repo.articlesUsing(tx.db, id);
    const pages = await repo.pagesUsing(tx.db, id);
    if (using.length > 0 || pages.length > 0)
      throw new Invalid(
        "KIOSQUE_MEDIA_IN_USE",
        { media: { problem: "inUse" } },
        { id, using, pages },
      );
    // Read in the transaction: a logo chosen meanwhile is seen, or waits for this to end.
    if (await isLogo(tx, id))
      throw new Invalid("KIOSQUE_MEDIA_IN_USE", { media: { problem: "logoInUse" } }, { id });
    changed(changeKeys.media);
    if (actor)
      await audit.record(tx, { actor, action: "media.remove", target: { type: "media", id } });
    return [row.master_key, ...(await repo.deleteItem(tx.db, id))];
  });
  const store = mediaStore(ctx);
  for (const key of keys)
    await store.delete(key).catch((e: unknown) => ctx.log.warn({ err: e, key }, "orphan image"));
}

/**
 * Gives each item its uploaded image (`image`), in one query for all: what listings and article
 * pages show. An id whose image is gone leaves the item without one.
 */
export async function attachImages<T extends { imageMediaId: number | null }>(
  ctx: Ctx,
  items: readonly T[],
): Promise<(T & { image: MediaItem | undefined })[]> {
  const ids = items.flatMap((i) => (i.imageMediaId === null ? [] : [i.imageMediaId]));
  const found = ids.length > 0 ? await getMany(ctx, ids) : new Map<number, MediaItem>();
  return items.map((i) => ({
    ...i,
    image: i.imageMediaId === null ? undefined : found.get(i.imageMediaId),
  }));
}

/**
 * The images these addresses show (`/media/<key>`, as the editor and the picker insert them):
 * what an article's body uses, for `recordUsage`. Other addresses name none.
 */
export async function idsForUrls(ctx: Ctx, urls: readonly string[]): Promise<number[]> {
  const keys = urls.flatMap((u) => mediaKeyOf(u, ctx.config.publicUrl) ?? []);
  return repo.idsForKeys(ctx.db, [...new Set(keys)]);
}

const PREFIX = "/media/";
const ANY_ORIGIN = "http://kiosque.invalid";

/**
 * The stored object an image address of this site names: `/media/KEY`, or the same under the
 * site's public URL, with any query or fragment (the file server ignores both, so the page shows
 * it). Read as the exact text before: an image written `…webp?v=1` was in no one's use, and its
 * deletion left the published article that showed it with a broken image.
 */
function mediaKeyOf(src: string, publicUrl: string | undefined): string | undefined {
  let url: URL;
  try {
    url = new URL(src, ANY_ORIGIN);
  } catch {
    return undefined;
  }
  if (!isOnSite(src, publicUrl) || !url.pathname.startsWith(PREFIX)) return undefined;
  const key = url.pathname.slice(PREFIX.length);
  return isObjectKey(key) ? key : undefined;
}

/** Ids, among `mediaIds`, of images without alternative text: the publish rule's question. */
export async function missingAlt(ctx: Ctx, mediaIds: readonly number[]): Promise<number[]> {
  return repo.withoutAlt(ctx.db, [...new Set(mediaIds.filter(isRowId))]);
}

/**
 * The publish rule itself: throws KIOSQUE_MEDIA_ALT_MISSING (a problem on `image`) when one of
 * the images has no alternative text. Takes a ctx or the publishing transaction.
 */
export async function requireAlt(ctx: Ctx, mediaIds: readonly number[]): Promise<void> {
  const missing = await missingAlt(ctx, mediaIds);
  if (missing.length > 0)
    throw new Invalid(
      "KIOSQUE_MEDIA_ALT_MISSING",
      { image: { problem: "altMissing" } },
      { media: missing },
    );
}

/** Images after `afterId`, in id order: an export reads the library a batch at a time. */
export async function portableBatch(
  ctx: Ctx,
  afterId: number,
  limit: number,
): Promise<MediaItem[]> {
  return (await repo.itemsAfter(ctx.db, afterId, limit)).map((r) => toItem(r, []));
}
