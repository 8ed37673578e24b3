import path from "node:path";
import { Invalid } from "../../../lib/errors.js";
import { media } from "../../media/index.js";
import { redirects } from "../../redirects/index.js";
import { imageKey } from "../content/refs.js";
import * as repo from "../repo.js";
import type { WxrItem } from "../wxr/model.js";
import { metaOf, plainText, textOf } from "./fields.js";
import { shownKey, tooLong } from "./keys.js";
import { personFor } from "./people.js";
import { keyUsable } from "./posts.js";
import { oldSitePath, type Run } from "./run.js";

/** The media library's limits on an image's texts (media/validation.ts): longer is cut. */
const ALT_MAX = 500;
const CAPTION_MAX = 1000;
const cut = (text: string, max: number) => [...text].slice(0, max).join("");

/** Images only: the media library keeps pictures (no PDFs, no videos). */
const IMAGE = /\.(?:jpe?g|png|gif|webp|avif)$/i;

/** The path of an attachment's address, or undefined for one no URL parser reads ("http://["). */
function pathOf(url: string): string | undefined {
  try {
    return new URL(url, "http://old.invalid").pathname;
  } catch {
    return undefined;
  }
}

/**
 * An attachment becomes an image of the media library, through its upload checks (its real
 * format from its bytes, metadata stripped, variants made later), with its alternative text and
 * caption. Its addresses (the file's, any size of it, and its attachment page) answer 301 to
 * Kiosque's copy. The bytes are stored before the row, outside any transaction (media.upload):
 * a run stopped in between leaves an unused image, and the next run uploads it again.
 */
export async function importAttachment(run: Run, item: WxrItem): Promise<void> {
  const { ctx, report } = run;
  const url = item.attachmentUrl.trim();
  if (!keyUsable(run, item)) return;
  if (await repo.mappedOne(ctx.db, "attachment", item.postId)) {
    report.already("images");
    return;
  }
  const pathname = pathOf(url);
  // One unreadable address once stopped the whole import, on every run (--dry-run passed).
  if (pathname === undefined) {
    report.skipped("attachments whose address is not one");
    report.look(`attachment ${item.postId} (${url}): not an address, not imported`);
    return;
  }
  if (tooLong(imageKey(url), "address")) {
    report.skipped("attachments whose address is too long");
    report.look(
      `attachment ${item.postId} (${shownKey(url)}): no WordPress upload has such a path, not imported`,
    );
    return;
  }
  if (!url || !IMAGE.test(pathname)) {
    report.skipped("attachments that are not images");
    report.look(`attachment ${item.postId} (${url || "no address"}): not an image, not imported`);
    return;
  }
  if (run.mediaWhere === undefined) {
    // Said once for all, plainly: a line per image said the same thing a hundred times.
    report.skipped("images not copied (no --uploads folder, no --download)");
    report.note(
      "No --uploads folder and no --download: no image can be copied. Posts and pages that show them point to the old site, and this site's pages do not load images from elsewhere: readers see them broken (see the lines below).",
    );
    return;
  }
  if (run.dryRun) {
    // Its bytes would be stored outside the dry run's transaction: not looked for.
    report.imported(`images to look for in ${run.mediaWhere}`);
    report.note(
      `Dry run: images are not looked for (in ${run.mediaWhere}); what is said below of posts' images is what a run that finds none of them would say.`,
    );
    return;
  }
  const fetched = await run.media.fetch(url, run.maxBytes);
  if ("problem" in fetched) {
    report.skipped("images not found or refused");
    report.look(`image ${url}: ${fetched.problem}`);
    return;
  }
  const uploadedBy = await ctx.write((tx) => personFor(run, tx, item.creator));
  let uploaded;
  try {
    uploaded = await media.upload(ctx, {
      bytes: fetched.bytes,
      filename: path.posix.basename(pathname),
      uploadedBy,
      alt: cut(plainText(metaOf(item.meta, "_wp_attachment_image_alt") ?? ""), ALT_MAX),
      caption: cut(textOf(item.excerpt).replace(/\s+/g, " "), CAPTION_MAX),
    });
  } catch (error) {
    if (!(error instanceof Invalid)) throw error;
    report.skipped("images refused by the media library");
    report.look(
      `image ${url}: refused (${Object.values(error.fields)
        .map((p) => p.problem)
        .join(", ")})`,
    );
    return;
  }
  await ctx.write(async (tx) => {
    await repo.remember(tx.db, [
      {
        kind: "attachment",
        wp_id: item.postId,
        kiosque_id: uploaded.id,
        detail: item.postParent || null,
      },
      { kind: "attachment_url", wp_id: imageKey(url), kiosque_id: uploaded.id },
    ]);
    const from = [url, item.link, `/?attachment_id=${item.postId}`]
      .map((l) => oldSitePath(run, l))
      .filter((p): p is string => p !== undefined);
    await redirects.record(
      tx,
      from.map((f) => ({ from: f, to: uploaded.src })),
    );
  });
  report.imported("images");
}
