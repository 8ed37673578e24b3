import type { TxCtx } from "../../../ctx.js";
import { paths } from "../../../web/urls.js";
import { media } from "../../media/index.js";
import { sitePages } from "../../pages/index.js";
import { redirects } from "../../redirects/index.js";
import { convertContent } from "../content/convert.js";
import * as repo from "../repo.js";
import type { WxrItem } from "../wxr/model.js";
import { clean, instantOf, postFate, slugText, titleText } from "./fields.js";
import { keyUsable, listedTwice, noteContent, noteOutside, refsFor } from "./posts.js";
import { numberedAddress, oldSitePath, type Run } from "./run.js";

/**
 * A WordPress page becomes a page of the site (`/page/<slug>`), in the footer when published, in
 * WordPress's menu order. Pages are flat: a child page's parent is not kept. Comments on pages
 * are not imported (Kiosque's pages have no discussion), and counted.
 */
export async function importPage(
  run: Run,
  tx: TxCtx,
  changed: (...keys: string[]) => void,
  item: WxrItem,
): Promise<void> {
  const { report } = run;
  run.lastItem = { postId: item.postId };
  const fate = postFate(item.status, item.postPassword);
  if ("skip" in fate) {
    report.skipped(`pages ${fate.skip}`);
    return;
  }
  if (!keyUsable(run, item)) return;
  const before = await repo.mappedOne(tx.db, "page", item.postId);
  if (before && before.kiosque_id > run.madeAfter.page) {
    listedTwice(run, item);
    return;
  }
  if (before) {
    report.already("pages");
    return;
  }
  const refs = await refsFor(tx, item.content, item.postId);
  const converted = convertContent(clean(item.content), refs);
  noteContent(run, item, converted);
  const title = titleText(item.title) || `Page ${item.postId}`;
  const posted = instantOf(item.postDateGmt, item.postDate, run.timeZone) ?? tx.clock.now();
  const modified = instantOf(item.postModifiedGmt, item.postModified, run.timeZone) ?? posted;
  const status = fate.status === "published" ? "published" : "draft";
  if (fate.note)
    report.look(
      `page ${item.postId} "${title}" was ${fate.note === "private" ? "private" : "password-protected"}: imported as a draft`,
    );
  const stored = await sitePages.storePage(tx, changed, {
    slug: clean(slugText(item.postName)),
    title: [...title].slice(0, 200).join(""),
    bodyHtml: converted.html,
    status,
    inFooter: status === "published",
    position: Number.parseInt(item.menuOrder, 10) || 0,
    createdAt: posted.toISOString(),
    updatedAt: modified.toISOString(),
  });
  await repo.remember(tx.db, [{ kind: "page", wp_id: item.postId, kiosque_id: stored.id }]);
  // An image a page shows is in use, as one an article shows.
  if (converted.mediaIds.length > 0) await media.recordPageUsage(tx, stored.id, converted.mediaIds);
  const from = [item.link, numberedAddress("page_id", item.postId)]
    .map((l) => oldSitePath(run, l))
    .filter((p): p is string => p !== undefined && p !== "");
  await redirects.record(
    tx,
    from.map((f) => ({ from: f, to: paths.page(stored.slug) })),
  );
  noteOutside(run, item, converted.outside, { status, address: paths.page(stored.slug) });
  report.imported(`pages (${status})`);
  // Its next comments, if it has many (wxr/reader.ts), are counted with these.
  run.lastItem.commentsSkipped = "comments on pages";
  if (item.comments.length > 0) report.skipped("comments on pages", item.comments.length);
}
