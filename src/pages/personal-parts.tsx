import {
  CommentForm,
  commentItem,
  comments,
  repliesMark,
  sectionMarks,
  type CommentFormState,
  type PublicComment,
  type ThreadPage,
} from "../modules/comments/index.js";
import type { Ctx } from "../ctx.js";
import type { Edit } from "../http/segments.js";
import { renderFragment } from "../web/document.js";
import { slotted } from "../web/html.js";
import type { Site } from "../web/site.js";

/** What a page of comments shows everyone, as far as placing held comments goes. */
export type ShownComments = Pick<ThreadPage, "threads"> &
  Partial<Pick<ThreadPage, "order" | "previous" | "last">>;

function withReplies(list: readonly PublicComment[], into = new Set<number>()): Set<number> {
  for (const c of list) {
    if (c.replies.length > 0) into.add(c.id);
    withReplies(c.replies, into);
  }
  return into;
}

/**
 * The edits that put a reader's own held comments in their places on a cached page of comments
 * (the marks of the comments views). Only the held comments are rendered: a few small parts.
 */
export function heldEdits(
  site: Site,
  shown: ShownComments,
  held: readonly PublicComment[],
): Edit[] {
  if (held.length === 0) return [];
  const placement = comments.placeHeld(shown, held);
  // Held comments take no replies from readers: no reply link to build.
  const items = (list: readonly PublicComment[]) =>
    list.map((c) => commentItem({ site, comment: c, replyHref: () => "", canReply: () => false }));
  const edits: Edit[] = [];
  const roots = [...placement.roots];
  if (shown.threads.length === 0) {
    const all = roots.flatMap(([, list]) => list);
    if (all.length > 0)
      edits.push({
        from: sectionMarks.listStart,
        to: sectionMarks.listEnd,
        html: renderFragment(<ol class="comment-list">{items(all)}</ol>),
      });
  } else {
    for (const [before, list] of roots)
      edits.push({
        from: before === "end" ? sectionMarks.end : sectionMarks.before(before),
        html: renderFragment(items(list)),
      });
  }
  const listed = withReplies(shown.threads);
  for (const [parent, list] of placement.replies)
    edits.push({
      from: repliesMark(parent),
      html: renderFragment(
        listed.has(parent) ? items(list) : <ol class="children">{items(list)}</ol>,
      ),
    });
  return edits;
}

/**
 * The form with a remembered name, e-mail and website, for every reader of a page: rendered once
 * with a token in each of those fields (web/html.ts `slotted`), then each reader's values put in.
 * A render of the form costs ~50 µs; this, a few.
 */
export function rememberedForm(
  site: Site,
  state: CommentFormState,
): (who: { name: string; email: string; website: string }) => Edit {
  const form = slotted(["name", "email", "website"], (tokens) =>
    renderFragment(
      <CommentForm
        site={site}
        state={{ ...state, values: { ...state.values, ...tokens, remember: true } }}
      />,
    ),
  );
  return (who) => ({ from: sectionMarks.formStart, to: sectionMarks.formEnd, html: form(who) });
}

/** Readers remembered per cached page; past this, a reader's held comments are read each time. */
const HELD_MEMO_MAX = 32;

/**
 * A reader's held comments on this article, rendered in place, remembered for the life of a
 * cached page: whatever changes one of them (moderation, erasure of a comment, a new post's new id
 * in the cookie) drops the page or changes the key, so a remembered answer is never stale.
 */
export function heldMemo(
  ctx: Ctx,
  articleId: number,
  toEdits: (held: readonly PublicComment[]) => Edit[],
): (ownIds: readonly number[]) => Promise<readonly Edit[]> {
  const known = new Map<string, Promise<readonly Edit[]>>();
  return (ownIds) => {
    if (ownIds.length === 0) return Promise.resolve([]);
    const key = ownIds.join(",");
    const hit = known.get(key);
    if (hit) return hit;
    const edits = comments.heldComments(ctx, articleId, ownIds).then(toEdits);
    if (known.size < HELD_MEMO_MAX) {
      known.set(key, edits);
      // A failed read is not remembered: the next request asks again.
      edits.catch(() => known.delete(key));
    }
    return edits;
  };
}
