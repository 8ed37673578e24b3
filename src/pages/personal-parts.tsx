import {
  CommentForm,
  CommentItem,
  comments,
  repliesMark,
  sectionMarks,
  type CommentFormState,
  type PublicComment,
  type ThreadPage,
} from "../modules/comments/index.js";
import type { Edit } from "../http/segments.js";
import { renderFragment } from "../web/document.js";
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
    list.map((c) => (
      <CommentItem site={site} comment={c} replyHref={() => ""} canReply={() => false} />
    ));
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

/** The comment form in place of the everyone's one (or of the "comments are closed" line). */
export function formEdit(site: Site, state: CommentFormState): Edit {
  return {
    from: sectionMarks.formStart,
    to: sectionMarks.formEnd,
    html: renderFragment(<CommentForm site={site} state={state} />),
  };
}
