import type { ComponentChildren } from "preact";
import { Pagination } from "../../../web/components/pagination.js";
import type { Site } from "../../../web/site.js";
import { anchors } from "../../../web/urls.js";
import { acceptsReplies, type PublicComment } from "../model.js";
import type { ThreadPage } from "../service.js";
import { CommentForm, type CommentFormState } from "./comment-form.js";
import { html } from "../../../web/html.js";
import { commentItem, featuredComment, type CommentExtras } from "./comment-item.js";
import { MentionList } from "./mentions.js";

/** Marks (http/segments.ts) the page layer may ask for, to add a reader's own parts. */
export const sectionMarks = {
  /** Around the list of comments, or the "no comments yet" line in its place. */
  listStart: "list-start",
  listEnd: "list-end",
  /** Before a top-level comment, and at the end of the list. */
  before: (id: number) => `root:${id}`,
  end: "roots:end",
  /** Around the comment form (or the "comments are closed" line). */
  formStart: "form-start",
  formEnd: "form-end",
} as const;

/** The comment form between its marks, or the line saying the discussion is closed. */
export function FormOrClosed({
  site,
  form,
  mark,
}: {
  site: Site;
  form: CommentFormState | undefined;
  mark: (name: string) => ComponentChildren;
}) {
  return (
    <>
      {mark(sectionMarks.formStart)}
      {form ? (
        <CommentForm site={site} state={form} />
      ) : (
        <p class="comments-closed">{site.t.comments.closed}</p>
      )}
      {mark(sectionMarks.formEnd)}
    </>
  );
}

export function CommentSection({
  site,
  commentCount,
  threads,
  form,
  maxDepth,
  pageHref,
  replyHref,
  repliesHref,
  mark = () => null,
  bylines = [],
}: {
  site: Site;
  commentCount: number;
  threads: ThreadPage;
  /** Undefined when the discussion is closed. */
  form: CommentFormState | undefined;
  maxDepth: number;
  pageHref: (page: number) => string;
  replyHref: (id: number) => string;
  /** The pages of a thread whose replies do not all fit here. */
  repliesHref: (rootId: number, page: number) => string;
  mark?: (name: string) => ComponentChildren;
  /** The accounts that signed the article (their replies are the author's). */
  bylines?: readonly number[];
}) {
  const { t, fmt } = site;
  const extras: CommentExtras = {
    mark,
    bylines,
    after: (c) => {
      const n = threads.moreReplies.get(c.id);
      return n === undefined
        ? null
        : html`
          <p class="more-replies">
            <a href="${repliesHref(c.id, 2)}">${t.comments.allReplies(fmt.number(n))}</a>
          </p>`;
    },
  };
  // Readers reply to published comments only, and not below the depth limit.
  const canReply = (c: PublicComment) => form !== undefined && acceptsReplies(c, maxDepth);
  return (
    <section
      id={anchors.comments}
      class="comments"
      aria-labelledby="comments-title"
      data-max-depth={maxDepth}
    >
      <h2 id="comments-title" class="section-heading">
        {t.commentCount(fmt.number(commentCount), commentCount)}
      </h2>
      {threads.featured.length > 0 ? (
        <section class="featured-comments" aria-labelledby="featured-comments-title">
          <h3 id="featured-comments-title">{t.comments.featured}</h3>
          <ol>{threads.featured.map((c) => featuredComment(site, c, bylines))}</ol>
        </section>
      ) : null}
      {mark(sectionMarks.listStart)}
      {threads.threads.length > 0 ? (
        <ol class="comment-list">
          {threads.threads.map((c) => [
            mark(sectionMarks.before(c.id)),
            commentItem({ site, comment: c, replyHref, canReply, extras }),
          ])}
          {mark(sectionMarks.end)}
        </ol>
      ) : form ? (
        <p class="no-comments">{t.comments.none}</p>
      ) : null}
      {mark(sectionMarks.listEnd)}
      <Pagination
        t={t}
        page={threads.page}
        totalPages={threads.totalPages}
        href={pageHref}
        label={t.comments.pages}
      />
      <MentionList site={site} mentions={threads.mentions} />
      <FormOrClosed site={site} form={form} mark={mark} />
    </section>
  );
}
