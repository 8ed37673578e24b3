import type { TxCtx } from "../../../ctx.js";
import { paths } from "../../../web/urls.js";
import { importedArticles } from "../../articles/index.js";
import { importThread, type ThreadComment } from "../../comments/index.js";
import { media } from "../../media/index.js";
import { redirects } from "../../redirects/index.js";
import { convertContent, type Converted } from "../content/convert.js";
import { MAX_NESTING } from "../../../lib/html-depth.js";
import { refsNeeded, type ContentRefs, type ImageRef } from "../content/refs.js";
import * as repo from "../repo.js";
import type { WxrComment, WxrComments, WxrItem } from "../wxr/model.js";
import {
  clean,
  commentStatus,
  instantOf,
  metaOf,
  plainText,
  postFate,
  slugText,
  textOf,
  titleText,
  website,
} from "./fields.js";
import { shownKey, tooLong } from "./keys.js";
import { personFor } from "./people.js";
import { numberedAddress, oldSitePath, type Run } from "./run.js";
import { sectionFor, tagFor } from "./terms.js";

/** The articles' field limits (articles/editing/fields.ts): longer is cut, and said. */
const TITLE_MAX = 200;
const STANDFIRST_MAX = 600;
const cut = (text: string, max: number) => [...text].slice(0, max).join("");

/** The images a content names, from what the import made of the export's attachments. */
export async function refsFor(tx: TxCtx, content: string, postId: string): Promise<ContentRefs> {
  const { ids, keys } = refsNeeded(content);
  const byId = await repo.mapped(tx.db, "attachment", ids);
  const byKey = await repo.mapped(tx.db, "attachment_url", keys);
  // A gallery naming none of its pictures. Its attributes end at a `[` too: read to the next `]`
  // from each of many `[gallery`, they made a post's look-up quadratic.
  const children = /\[gallery(?![^\][]*\b(?:ids|include)\s*=)/.test(content)
    ? (await repo.childrenOf(tx.db, postId)).map((r) => r.kiosque_id)
    : [];
  const wanted = [...byId.values(), ...byKey.values()].map((m) => m.id).concat(children);
  const items = await media.getMany(tx, wanted);
  const ref = (id: number): ImageRef | undefined => {
    const m = items.get(id);
    return (
      m && {
        mediaId: m.id,
        src: m.src,
        alt: m.alt,
        caption: m.caption,
        credit: m.credit,
        width: m.width,
        height: m.height,
      }
    );
  };
  const map = (from: Map<string, { id: number }>) => {
    const out = new Map<string, ImageRef>();
    for (const [k, v] of from) {
      const r = ref(v.id);
      if (r) out.set(k, r);
    }
    return out;
  };
  return {
    byAttachmentId: map(byId),
    byUrl: map(byKey),
    children: children.flatMap((id) => ref(id) ?? []),
  };
}

/** The dates of a post: published (or due), last changed. */
function datesOf(run: Run, item: WxrItem) {
  const posted = instantOf(item.postDateGmt, item.postDate, run.timeZone);
  const modified = instantOf(item.postModifiedGmt, item.postModified, run.timeZone);
  return { posted, modified };
}

/** What a comment of the export becomes; undefined when it is left out. */
function threadComment(run: Run, postId: string, c: WxrComment): ThreadComment | undefined {
  const isPing = c.type === "pingback" || c.type === "trackback";
  if (isPing && !run.pingbacks) {
    run.report.skipped("pingbacks and trackbacks (--no-pingbacks)");
    return undefined;
  }
  const dated = instantOf(c.dateGmt, c.date, run.timeZone);
  if (!dated)
    run.report.look(
      `comment ${shownKey(c.id)} of post ${shownKey(postId)}: no date that reads (${JSON.stringify(c.dateGmt || c.date)}), dated as of this import`,
    );
  const createdAt = dated ?? run.ctx.clock.now();
  return {
    key: c.id,
    // A mention answers nobody: it is listed apart from the threads.
    parentKey: !isPing && c.parent && c.parent !== "0" ? c.parent : null,
    kind: c.type === "pingback" || c.type === "trackback" ? c.type : "comment",
    name: cut(clean(plainText(c.author)), 200) || "Anonyme",
    email: clean(c.email.trim()),
    website: website(clean(c.url)),
    body: clean(textOf(c.content)),
    status: commentStatus(c.approved),
    createdAt,
  };
}

/**
 * Writes the comments of an article it does not have yet; their count into the report. A comment
 * whose id is not one (keys.ts), or whose id another comment of the file had, is left out and
 * said: counted "already imported", it hid that a different comment was dropped.
 */
export async function importComments(
  run: Run,
  tx: TxCtx,
  changed: (...keys: string[]) => void,
  articleId: number,
  postId: string,
  comments: readonly WxrComment[],
): Promise<void> {
  const { report } = run;
  if (comments.length === 0) return;
  const listedTwice = (c: WxrComment) => {
    report.skipped("comments listed twice in the file (the first imported)");
    report.look(
      `comment ${shownKey(c.id)} of post ${shownKey(postId)}: another comment of the file has its wp:comment_id: only the first was imported`,
    );
  };
  const keys = new Set<string>();
  const unique: WxrComment[] = [];
  for (const c of comments) {
    if (tooLong(c.id, "id")) {
      report.skipped("comments whose id is not one");
      report.look(
        `comment ${shownKey(c.id)} of post ${shownKey(postId)}: its wp:comment_id is no WordPress id: not imported`,
      );
    } else if (keys.has(c.id)) listedTwice(c);
    else {
      keys.add(c.id);
      unique.push(c);
    }
  }
  const before = await repo.mapped(tx.db, "comment", [...keys]);
  const fresh = unique.filter((c) => {
    const found = before.get(c.id);
    if (found === undefined) return true;
    if (found.id > run.madeAfter.comment) listedTwice(c);
    else report.already("comments");
    return false;
  });
  const kinds = new Map(fresh.map((c) => [c.id, c.type]));
  const list = fresh.flatMap((c) => threadComment(run, postId, c) ?? []);
  // Replies to comments imported in an earlier run go under them.
  const parents = list.flatMap((c) =>
    c.parentKey && !kinds.has(c.parentKey) ? [c.parentKey] : [],
  );
  // A reply to a mention imported before starts a thread of its own, as one in this run does.
  const known = new Map(
    [...(await repo.mapped(tx.db, "comment", parents))]
      .filter(([, v]) => v.detail !== "pingback" && v.detail !== "trackback")
      .map(([k, v]) => [k, v.id]),
  );
  const done = await importThread(
    tx,
    changed,
    articleId,
    list,
    known,
    "import:wordpress",
    run.maxDepth,
  );
  await repo.remember(
    tx.db,
    [...done.ids].map(([key, id]) => {
      const type = kinds.get(key) ?? "";
      return {
        kind: "comment" as const,
        wp_id: key,
        kiosque_id: id,
        detail: type === "pingback" || type === "trackback" ? type : null,
      };
    }),
  );
  for (const c of list) {
    const type = kinds.get(c.key);
    report.imported(
      type === "pingback" || type === "trackback"
        ? "pingbacks and trackbacks"
        : `comments (${c.status})`,
    );
  }
  if (done.orphans.length > 0)
    report.imported("replies whose parent was missing (now top-level)", done.orphans.length);
}

/** What the report says about a converted content. */
export function noteContent(run: Run, item: WxrItem, converted: Converted): void {
  run.report.unknown(converted.unknown);
  if (converted.flattened)
    run.report.look(
      `${item.postType} ${item.postId} "${titleText(item.title)}": its HTML nests deeper than ${MAX_NESTING} elements, which no browser reads: imported as text, without its tags`,
    );
  if (converted.unknown.size > 0)
    run.report.look(
      `${item.postType} ${item.postId} "${titleText(item.title)}": removed ${[...converted.unknown.keys()].join(", ")}`,
    );
}

/** Addresses listed in a line before "and n more". */
const SHOWN_ADDRESSES = 3;

/**
 * The images a content still shows from elsewhere. A published (or scheduled) item keeps its
 * status, as WordPress had it, but this site's pages load no image from another (CSP img-src
 * 'self'): readers see them broken. Each such item is named, with its address, however many
 * there are; a draft's images are listed as they were.
 */
export function noteOutside(
  run: Run,
  item: WxrItem,
  outside: readonly string[],
  shown: { status: string; address: string },
): void {
  const all = [...new Set(outside)];
  // A gallery's missing pictures ("attachment 12") are left out of it: nothing shows broken.
  const inGallery = (src: string) => src.startsWith("attachment ");
  const srcs = all.filter((src) => !inGallery(src));
  const seen = shown.status === "published" || shown.status === "scheduled";
  for (const src of seen ? all.filter(inGallery) : all)
    run.report.look(`${item.postType} ${item.postId}: image not imported, still at ${src}`);
  if (!seen || srcs.length === 0) return;
  const listed = srcs.slice(0, SHOWN_ADDRESSES).join(", ");
  const more = srcs.length > SHOWN_ADDRESSES ? ` and ${srcs.length - SHOWN_ADDRESSES} more` : "";
  run.report.lookAlways(
    `${item.postType} ${item.postId} "${titleText(item.title)}", ${shown.status} at ${shown.address}: ${srcs.length} ${srcs.length === 1 ? "image" : "images"} still at the old site (${listed}${more}), which readers' browsers do not load here: shown broken`,
  );
}

/**
 * A post becomes an article, in one transaction with its comments, its mapping and its old
 * addresses: a post imported before gets only the comments it did not have.
 */
export async function importPost(
  run: Run,
  tx: TxCtx,
  changed: (...keys: string[]) => void,
  item: WxrItem,
): Promise<void> {
  const { report } = run;
  run.lastItem = { postId: item.postId };
  const fate = postFate(item.status, item.postPassword);
  if ("skip" in fate) {
    report.skipped(`posts ${fate.skip}`);
    return;
  }
  if (!keyUsable(run, item)) return;
  const before = await repo.mappedOne(tx.db, "post", item.postId);
  if (before && before.kiosque_id > run.madeAfter.article) {
    listedTwice(run, item);
    return;
  }
  if (before) {
    report.already("articles");
    run.lastItem.articleId = before.kiosque_id;
    await importComments(run, tx, changed, before.kiosque_id, item.postId, item.comments);
    return;
  }
  const authorId = await personFor(run, tx, item.creator);
  const refs = await refsFor(tx, item.content, item.postId);
  const converted = convertContent(clean(item.content), refs);
  const thumbnail = metaOf(item.meta, "_thumbnail_id");
  const featured = thumbnail
    ? (refs.byAttachmentId.get(thumbnail) ??
      (await refsFor(tx, `wp-image-${thumbnail}`, item.postId)).byAttachmentId.get(thumbnail))
    : undefined;
  if (thumbnail && !featured)
    report.look(`post ${item.postId}: featured image ${thumbnail} not imported`);
  const { posted, modified } = datesOf(run, item);
  const now = tx.clock.now();
  const title = titleText(item.title) || `(sans titre ${item.postId})`;
  if ([...title].length > TITLE_MAX)
    report.look(`post ${item.postId}: title cut to ${TITLE_MAX} characters`);
  const standfirst = clean(textOf(item.excerpt)).replace(/\s+/g, " ");
  if ([...standfirst].length > STANDFIRST_MAX)
    report.look(`post ${item.postId}: excerpt cut to ${STANDFIRST_MAX} characters`);
  if (fate.note === "private")
    report.look(`post ${item.postId} "${title}" was private: imported as a draft`);
  if (fate.note === "password")
    report.look(`post ${item.postId} "${title}" had a password: imported as a draft`);
  noteContent(run, item, converted);

  const sections = item.terms.filter((t) => t.domain === "category");
  const first = sections[0];
  const categoryId = await sectionFor(
    run,
    tx,
    changed,
    first
      ? { nicename: first.nicename, name: first.name }
      : { nicename: "non-classe", name: "Non classé" },
  );
  const tagIds: number[] = [];
  for (const t of item.terms.filter((t) => t.domain === "post_tag")) {
    const id = await tagFor(run, tx, t);
    if (id !== undefined) tagIds.push(id);
  }
  // Kiosque files an article in one section: the others become tags, and sections too.
  for (const extra of sections.slice(1)) {
    await sectionFor(run, tx, changed, { nicename: extra.nicename, name: extra.name });
    const id = await tagFor(run, tx, extra);
    if (id !== undefined) tagIds.push(id);
  }
  const published = fate.status === "published" || fate.status === "scheduled";
  const publishedAt = published ? (posted ?? now).toISOString() : null;
  // Dated now, it goes to the top of the front page: the operator hears of it.
  if (published && !posted)
    report.look(
      `post ${item.postId} "${title}": no date that reads (${JSON.stringify(item.postDate)}), published as of this import`,
    );
  const stored = await importedArticles.storeImportedArticle(tx, changed, {
    slug: clean(slugText(item.postName)),
    title: cut(title, TITLE_MAX),
    standfirst: cut(standfirst, STANDFIRST_MAX),
    bodyHtml: converted.html,
    categoryId,
    authorIds: [authorId],
    tagIds,
    status: fate.status,
    publishedAt,
    updatedAt:
      published && posted && modified && modified.getTime() - posted.getTime() > 60_000
        ? modified.toISOString()
        : null,
    createdAt: (posted ?? now).toISOString(),
    modifiedAt: (modified ?? posted ?? now).toISOString(),
    commentsOpen: item.commentStatus !== "closed",
    sticky: item.isSticky === "1",
    imageMediaId: featured?.mediaId ?? null,
    imageAlt: featured ? featured.alt : null,
    imageCaption: featured?.caption || null,
    oldSlugs: item.meta.filter((m) => m.key === "_wp_old_slug").map((m) => slugText(m.value)),
  });
  await repo.remember(tx.db, [{ kind: "post", wp_id: item.postId, kiosque_id: stored.id }]);
  const mediaIds = [...converted.mediaIds, ...(featured ? [featured.mediaId] : [])];
  if (mediaIds.length > 0) await media.recordUsage(tx, stored.id, mediaIds);
  const from = [
    item.link,
    numberedAddress("p", item.postId),
    item.guid.includes("?p=") ? item.guid : "",
  ]
    .map((l) => oldSitePath(run, l))
    .filter((p): p is string => p !== undefined && p !== "");
  await redirects.record(
    tx,
    from.map((f) => ({ from: f, to: paths.article(stored.slug) })),
  );
  if (stored.slug !== (slugText(item.postName) || stored.slug))
    report.look(`post ${item.postId}: slug "${shownKey(item.postName)}" is "${stored.slug}" here`);
  noteOutside(run, item, converted.outside, {
    status: fate.status,
    address: paths.article(stored.slug),
  });
  report.imported(`articles (${fate.status})`);
  if (item.isSticky === "1") report.imported("sticky articles");
  run.lastItem.articleId = stored.id;
  await importComments(run, tx, changed, stored.id, item.postId, item.comments);
}

/**
 * The next part of a post's comments (wxr/reader.ts): under the article its post became, in
 * the caller's transaction; nowhere when the post was not imported (skipped, listed twice).
 * Comments on pages are counted, as the page's first ones are.
 */
export async function importMoreComments(
  run: Run,
  tx: TxCtx,
  changed: (...keys: string[]) => void,
  part: WxrComments,
): Promise<void> {
  const last = run.lastItem;
  if (last?.postId !== part.postId) return;
  if (last.commentsSkipped) run.report.skipped(last.commentsSkipped, part.comments.length);
  if (last.articleId !== undefined)
    await importComments(run, tx, changed, last.articleId, part.postId, part.comments);
}

/**
 * False, said, for an item whose key no WordPress export has (keys.ts): left out on both
 * engines alike.
 */
export function keyUsable(run: Run, item: WxrItem): boolean {
  if (!tooLong(item.postId, "id")) return true;
  run.report.skipped(`${item.postType}s whose id is not one`);
  run.report.look(
    `${item.postType} "${titleText(item.title)}": its wp:post_id, ${shownKey(item.postId)}, is no WordPress id: not imported`,
  );
  return false;
}

/**
 * A second item of the file with the key of one this run imported: a different post, which the
 * report counted "already imported" on the very first run.
 */
export function listedTwice(run: Run, item: WxrItem): void {
  const type = item.postType === "page" ? "pages" : "posts";
  run.report.skipped(`${type} listed twice in the file (the first imported)`);
  run.report.look(
    `${item.postType} ${shownKey(item.postId)} "${titleText(item.title)}": another item of the file has its wp:post_id: only the first was imported${item.comments.length > 0 ? ", not this one's comments" : ""}`,
  );
}
