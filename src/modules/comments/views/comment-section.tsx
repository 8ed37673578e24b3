import { Pagination } from "../../../web/components/pagination.js";
import type { Site } from "../../../web/site.js";
import { anchors } from "../../../web/urls.js";
import { acceptsReplies, type PublicComment } from "../model.js";
import type { ThreadPage } from "../service.js";
import { CommentForm, type CommentFormState } from "./comment-form.js";
import { CommentItem } from "./comment-item.js";

export function CommentSection({
  site,
  commentCount,
  threads,
  form,
  maxDepth,
  pageHref,
  replyHref,
}: {
  site: Site;
  commentCount: number;
  threads: ThreadPage;
  /** Undefined when the discussion is closed. */
  form: CommentFormState | undefined;
  maxDepth: number;
  pageHref: (page: number) => string;
  replyHref: (id: number) => string;
}) {
  const { t, fmt } = site;
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
      {threads.threads.length > 0 ? (
        <ol class="comment-list">
          {threads.threads.map((c) => (
            <CommentItem site={site} comment={c} replyHref={replyHref} canReply={canReply} />
          ))}
        </ol>
      ) : form ? (
        <p class="no-comments">{t.comments.none}</p>
      ) : null}
      <Pagination
        t={t}
        page={threads.page}
        totalPages={threads.totalPages}
        href={pageHref}
        label={t.comments.pages}
      />
      {form ? (
        <CommentForm site={site} state={form} />
      ) : (
        <p class="comments-closed">{t.comments.closed}</p>
      )}
    </section>
  );
}
