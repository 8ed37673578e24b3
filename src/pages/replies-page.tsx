import { changeKeys } from "../lib/change-keys.js";
import { articles } from "../modules/articles/index.js";
import {
  RepliesSection,
  acceptsReplies,
  comments,
  emptyCommentForm,
  type CommentFormState,
  type CommentFormValues,
  type PublicComment,
} from "../modules/comments/index.js";
import { NotFound } from "../lib/errors.js";
import { paths } from "../web/urls.js";
import type { ReaderState } from "../http/reader-cookies.js";
import { mark, type Edit } from "../http/segments.js";
import type { Moved, Rendered } from "../http/cacheable.js";
import type { RouteKit } from "../http/route-kit.js";
import { findComment } from "./article-page.js";
import { heldEdits, heldMemo, rememberedForm } from "./personal-parts.js";

export interface RepliesPageOptions {
  page?: number;
  replyTo?: number;
}

/**
 * A page of one thread's replies, for threads longer than the article page shows. Like the
 * article page it is everyone's, cached, with a reader's held replies and remembered values
 * added; a thread that is not one of the article's is a 404, a page past the end moves.
 */
export async function renderRepliesPage(
  kit: RouteKit,
  slug: string,
  rootId: number,
  options: RepliesPageOptions = {},
): Promise<Rendered | Moved> {
  const { ctx } = kit;
  const [site, article, settings] = await Promise.all([
    kit.site(),
    articles.publishedArticle(ctx, slug),
    ctx.settings(),
  ]);
  const replies = await comments.repliesPage(ctx, article.id, rootId, options.page ?? 1);
  if (!replies) throw new NotFound("thread", { rootId });
  const now = ctx.clock.now();
  const open = comments.discussionOpen(article, settings, now);
  const maxDepth = settings["comments.maxDepth"];
  const here = (page: number) => paths.replies(article.slug, rootId, page);
  const shownTree = [replies.root];

  if (options.page !== undefined && options.page !== replies.page)
    return { moved: here(replies.page) };
  let replyTarget: PublicComment | undefined;
  if (options.replyTo !== undefined) {
    replyTarget = findComment(shownTree, options.replyTo);
    if (!open || !replyTarget || !acceptsReplies(replyTarget, maxDepth))
      return { moved: here(replies.page) };
  }
  const blank: CommentFormValues = {
    ...emptyCommentForm,
    parent: replyTarget ? String(replyTarget.id) : "",
  };
  const formState = (values: CommentFormValues): CommentFormState => ({
    action: paths.comments(article.slug),
    values,
    errors: {},
    stamp: comments.formStamp(ctx, article.id, now),
    ...(replyTarget ? { replyTo: { id: replyTarget.id, name: replyTarget.authorName } } : {}),
    cancelReplyHref: `${here(replies.page)}#respond`,
  });
  const form = open ? formState(blank) : undefined;

  const rendered = kit.page(
    site,
    {
      title: `${site.t.comments.repliesTitle(replies.root.authorName)} — ${article.title}`,
      description: article.standfirst,
      canonical: here(replies.page),
      scripts: [],
    },
    <RepliesSection
      site={site}
      replies={replies}
      form={form}
      maxDepth={maxDepth}
      backHref={paths.article(article.slug)}
      pageHref={here}
      replyHref={(id) => paths.replyInThread(article.slug, rootId, replies.page, id)}
      mark={mark}
      bylines={article.bylineIds}
    />,
    [changeKeys.article(article.id)],
  );
  let remembered: ReturnType<typeof rememberedForm> | undefined;
  const held = heldMemo(ctx, article.id, (list) => heldEdits(site, { threads: shownTree }, list));
  const personalize = async (reader: ReaderState): Promise<Edit[]> => {
    const edits = [...(await held(reader.ownIds))];
    if (form && reader.commenter) {
      remembered ??= rememberedForm(site, form);
      edits.push(remembered(reader.commenter));
    }
    return edits;
  };
  return { ...rendered, personalize, unversioned: form ? [form.stamp] : [] };
}
