import type { FastifyRequest } from "fastify";
import { changeKeys } from "../lib/change-keys.js";
import type { Problem } from "../lib/errors.js";
import { ArticleView, articles } from "../modules/articles/index.js";
import {
  CommentSection,
  comments,
  emptyCommentForm,
  type CommentFormState,
  type CommentFormValues,
  type PublicComment,
} from "../modules/comments/index.js";
import { problemTexts } from "../web/i18n/index.js";
import { paths } from "../web/urls.js";
import { ownCommentIds, rememberedCommenter } from "../http/reader-cookies.js";
import { renderPage } from "../web/document.js";
import type { Rendered } from "../http/cacheable.js";
import { HTML, type RouteKit } from "../http/route-kit.js";

export interface ArticlePageOptions {
  commentPage?: number;
  /** "Répondre" without JavaScript: the form comes up as a reply to this comment. */
  replyTo?: number;
  /** A rejected comment: the reader's values and what is wrong with them. */
  rejected?: { values: CommentFormValues; problems: Readonly<Record<string, Problem>> };
}

function findComment(list: readonly PublicComment[], id: number): PublicComment | undefined {
  for (const c of list) {
    if (c.id === id) return c;
    const hit = findComment(c.replies, id);
    if (hit) return hit;
  }
  return undefined;
}

/**
 * The article page: the article, its comment section (as this reader may see it) and related
 * articles. Shared by the article route and by the comment route when it must show a rejected
 * form again.
 */
export async function renderArticlePage(
  kit: RouteKit,
  req: FastifyRequest,
  slug: string,
  options: ArticlePageOptions = {},
): Promise<Rendered> {
  const { ctx } = kit;
  const [site, article, settings] = await Promise.all([
    kit.site(),
    articles.publishedArticle(ctx, slug),
    ctx.settings(),
  ]);
  const own = ownCommentIds(req, ctx.secret);
  const [threads, related] = await Promise.all([
    comments.threadPage(ctx, article.id, options.commentPage ?? 1, own),
    articles.relatedArticles(ctx, article),
  ]);
  const now = ctx.clock.now();
  const open = comments.discussionOpen(article, settings, now);

  let form: CommentFormState | undefined;
  // A post refused because the discussion closed meanwhile still gets its form back, with the
  // reader's text in it: nothing typed is lost, even when it can no longer be published.
  if (open || options.rejected) {
    const replyTarget =
      options.replyTo !== undefined ? findComment(threads.threads, options.replyTo) : undefined;
    const remembered = rememberedCommenter(req);
    const values: CommentFormValues = options.rejected?.values ?? {
      ...emptyCommentForm,
      ...(remembered ?? {}),
      remember: remembered !== undefined,
      parent: replyTarget ? String(replyTarget.id) : "",
    };
    const parentId = Number(values.parent);
    const parentShown = values.parent !== "" ? findComment(threads.threads, parentId) : undefined;
    form = {
      action: paths.comments(article.slug),
      values,
      errors: problemTexts(site.t, options.rejected?.problems ?? {}),
      stamp: comments.formStamp(ctx, article.id, now),
      ...(parentShown ? { replyTo: { id: parentShown.id, name: parentShown.authorName } } : {}),
      cancelReplyHref: paths.respond(article.slug),
    };
  }

  const html = renderPage(
    site,
    {
      title: article.title,
      description: article.standfirst,
      canonical: paths.article(article.slug),
      scripts: open ? [site.assets.commentsIsland] : [],
    },
    <ArticleView site={site} article={article} related={related}>
      <CommentSection
        site={site}
        commentCount={article.commentCount}
        threads={threads}
        form={form}
        maxDepth={settings["comments.maxDepth"]}
        pageHref={(page) => paths.commentPage(article.slug, page)}
        replyHref={(id) => paths.reply(article.slug, id, threads.page)}
      />
    </ArticleView>,
  );
  // The page shows this article (and its comments) and the related ones; the related list may
  // change when an article enters this one's section or tags.
  const shown = [
    changeKeys.article(article.id),
    ...related.map((r) => changeKeys.article(r.id)),
    changeKeys.relatedByCategory(article.categoryId),
    ...article.tags.map((t) => changeKeys.relatedByTag(t.id)),
  ];
  return { body: html, type: HTML, changeKeys: shown };
}

/** The article page with a refused comment form (the comments module's RenderRejectedForm). */
export function renderRejectedForm(
  kit: RouteKit,
  req: FastifyRequest,
  slug: string,
  rejected: NonNullable<ArticlePageOptions["rejected"]>,
): Promise<Rendered> {
  return renderArticlePage(kit, req, slug, { rejected });
}
