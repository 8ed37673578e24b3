import type { ComponentChildren } from "preact";
import { Pagination } from "../../../web/components/pagination.js";
import type { Site } from "../../../web/site.js";
import { anchors } from "../../../web/urls.js";
import { acceptsReplies, type PublicComment } from "../model.js";
import type { RepliesPage } from "../reading.js";
import type { CommentFormState } from "./comment-form.js";
import { commentItem } from "./comment-item.js";
import { FormOrClosed } from "./comment-section.js";

/** A page of one thread's replies, under its top-level comment, with the comment form. */
export function RepliesSection({
  site,
  replies,
  form,
  maxDepth,
  backHref,
  pageHref,
  replyHref,
  mark = () => null,
  bylines = [],
}: {
  site: Site;
  replies: RepliesPage;
  /** Undefined when the discussion is closed. */
  form: CommentFormState | undefined;
  maxDepth: number;
  backHref: string;
  pageHref: (page: number) => string;
  replyHref: (id: number) => string;
  mark?: (name: string) => ComponentChildren;
  /** The accounts that signed the article (their replies are the author's). */
  bylines?: readonly number[];
}) {
  const { t } = site;
  const canReply = (c: PublicComment) => form !== undefined && acceptsReplies(c, maxDepth);
  return (
    <section id={anchors.comments} class="comments" aria-labelledby="comments-title">
      <p>
        <a href={backHref}>← {t.comments.backToArticle}</a>
      </p>
      <h1 id="comments-title" class="section-heading">
        {t.comments.repliesTitle(replies.root.authorName)}
      </h1>
      <ol class="comment-list">
        {commentItem({
          site,
          comment: replies.root,
          replyHref,
          canReply,
          extras: { mark, bylines },
        })}
      </ol>
      <Pagination
        t={t}
        page={replies.page}
        totalPages={replies.totalPages}
        href={pageHref}
        label={t.comments.repliesPages}
      />
      <FormOrClosed site={site} form={form} mark={mark} />
    </section>
  );
}
