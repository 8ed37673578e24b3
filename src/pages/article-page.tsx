import { changeKeys } from "../lib/change-keys.js";
import { openingWords } from "../lib/html-text.js";
import type { Problem } from "../lib/errors.js";
import { ArticleView, articles, editing, type Article } from "../modules/articles/index.js";
import { gifs } from "../modules/gifs/index.js";
import { media } from "../modules/media/index.js";
import {
  CommentSection,
  acceptsReplies,
  comments,
  emptyCommentForm,
  type CommentFormState,
  type CommentFormValues,
  type PublicComment,
  type ThreadPage,
} from "../modules/comments/index.js";
import { problemTexts } from "../web/i18n/index.js";
import { breadcrumbsLd, newsArticleLd } from "../web/structured-data.js";
import { paths } from "../web/urls.js";
import type { ReaderState } from "../http/reader-cookies.js";
import { mark, type Edit } from "../http/segments.js";
import { renderPage } from "../web/document.js";
import type { Moved, Rendered } from "../http/cacheable.js";
import { HTML, type RouteKit } from "../http/route-kit.js";
import type { Site } from "../web/site.js";
import { heldEdits, heldMemo, rememberedForm, type ShownComments } from "./personal-parts.js";

export interface ArticlePageOptions {
  /** A preview: this article, whatever its status, instead of the published one of the slug. */
  preview?: Article;
  commentPage?: number;
  /** "Répondre" without JavaScript: the form comes up as a reply to this comment. */
  replyTo?: number;
}

export function findComment(list: readonly PublicComment[], id: number): PublicComment | undefined {
  for (const c of list) {
    if (c.id === id) return c;
    const hit = findComment(c.replies, id);
    if (hit) return hit;
  }
  return undefined;
}

/** Everyone's article page, and how to add one reader's own parts to it. */
interface ArticlePage {
  rendered: Rendered;
  personal(reader: ReaderState): Promise<Edit[]>;
}

/**
 * What the personal parts of a cached page read of its comments: ids, dates, names and nesting.
 * A cached page keeps its `personalize` for its whole life; bodies and avatars kept with it
 * would cost the heap more than the page's own bytes (~13 KB a page at 100k articles).
 */
function skeleton(list: readonly PublicComment[]): PublicComment[] {
  return list.map((c) => ({
    ...c,
    body: "",
    authorWebsite: null,
    replies: skeleton(c.replies),
  }));
}

type FormStateOf = (
  values: CommentFormValues,
  errors: Readonly<Record<string, Problem>>,
) => CommentFormState;

/** The comment form's state for this page; holds only what it reads, as it outlives the render. */
function formStates(
  kit: RouteKit,
  site: Site,
  article: { id: number; slug: string },
  shown: Pick<ThreadPage, "threads">,
  now: Date,
  gifPicker: string | undefined,
): FormStateOf {
  const { ctx } = kit;
  const { id, slug } = article;
  return (values, errors) => {
    const parentShown =
      values.parent !== "" ? findComment(shown.threads, Number(values.parent)) : undefined;
    return {
      action: paths.comments(slug),
      values,
      errors: problemTexts(site.t, errors),
      stamp: comments.formStamp(ctx, id, now),
      ...(parentShown ? { replyTo: { id: parentShown.id, name: parentShown.authorName } } : {}),
      cancelReplyHref: paths.respond(slug),
      ...(gifPicker ? { gifPicker } : {}),
    };
  };
}

/**
 * How a reader's own parts go on this page: made apart from the render, so that what the cached
 * page keeps alive through it is this function's few values, not the render's whole scope.
 */
function personalParts(
  kit: RouteKit,
  site: Site,
  articleId: number,
  shown: ShownComments,
  form: CommentFormState | undefined,
): ArticlePage["personal"] {
  let remembered: ReturnType<typeof rememberedForm> | undefined;
  const held = heldMemo(kit.ctx, articleId, (list) => heldEdits(site, shown, list));
  return async (reader) => {
    const edits = [...(await held(reader.ownIds))];
    if (form && reader.commenter) {
      remembered ??= rememberedForm(site, form);
      edits.push(remembered(reader.commenter));
    }
    return edits;
  };
}

/**
 * The article page: the article, its comment section and related articles, as every reader sees
 * it (it never reads the request: what is personal is added by `personal`, from the verified
 * reader state). A page variant that shows nothing of its own (a `cpage` past the end, a
 * `replytocom` that is not a comment this page lets one answer) is Moved to the one that does.
 */
async function articlePage(
  kit: RouteKit,
  slug: string,
  options: ArticlePageOptions,
): Promise<ArticlePage | Moved> {
  const { ctx } = kit;
  const [site, found, settings] = await Promise.all([
    kit.site(),
    options.preview ?? articles.publishedArticle(ctx, slug),
    ctx.settings(),
  ]);
  const [threads, shownRelated] = await Promise.all([
    comments.threadPage(ctx, found.id, options.commentPage ?? 1),
    articles.relatedArticles(ctx, found),
  ]);
  // One query for the article's image and its related articles' images.
  const [lead, ...related] = await media.attachImages(ctx, [found, ...shownRelated]);
  const article = { ...found, image: lead?.image };
  const now = ctx.clock.now();
  const open = comments.discussionOpen(article, settings, now);
  const maxDepth = settings["comments.maxDepth"];

  if (options.commentPage !== undefined && options.commentPage !== threads.page)
    return { moved: paths.commentPage(article.slug, threads.page) };
  let replyTarget: PublicComment | undefined;
  if (options.replyTo !== undefined) {
    replyTarget = findComment(threads.threads, options.replyTo);
    if (!open || !replyTarget || !acceptsReplies(replyTarget, maxDepth))
      return { moved: paths.commentPage(article.slug, threads.page) };
  }

  const shownThreads = { ...threads, threads: skeleton(threads.threads) };
  // The GIF button shows when a provider and its key are set (a settings change drops every
  // cached page); a provider failing meanwhile is the picker's to say, not the page's.
  const gifPicker = gifs.gifsEnabled(settings) ? site.assets.gifPickerIsland : undefined;
  const formState = formStates(kit, site, article, shownThreads, now, gifPicker);
  const blank: CommentFormValues = {
    ...emptyCommentForm,
    parent: replyTarget ? String(replyTarget.id) : "",
  };
  const form = open ? formState(blank, {}) : undefined;
  // Every page has a description (docs/feeds-and-search-engines.md): an article with neither
  // a search description nor a standfirst had none, and shares showed no text.
  const description =
    article.seoDescription || article.standfirst || openingWords(article.bodyHtml);

  const html = renderPage(
    site,
    {
      title: article.seoTitle || article.title,
      description,
      canonical: paths.article(article.slug),
      section: article.category.slug,
      scripts: open ? [site.assets.commentsIsland] : [],
      feeds: [
        {
          title: site.t.feeds.commentsTitle(article.title),
          path: paths.feeds.comments(article.slug),
          format: "rss",
        },
      ],
      card: {
        type: "article",
        title: article.seoTitle || article.title,
        description,
        image: article.image
          ? {
              src: article.image.src,
              width: article.image.width,
              height: article.image.height,
              type: article.image.type,
              alt: article.image.alt,
            }
          : article.imageUrl
            ? { src: article.imageUrl, alt: article.imageAlt ?? "" }
            : undefined,
        article: {
          publishedTime: article.publishedAt,
          modifiedTime: article.updatedAt ?? undefined,
          section: article.category.name,
          tags: article.tags.map((t) => t.name),
          authors: article.authors.map((p) => paths.author(p.slug)),
        },
      },
      structuredData: [
        newsArticleLd(site, article, article.language ?? site.t.lang),
        breadcrumbsLd(site, [
          { name: article.category.name, path: paths.category(article.category.slug) },
          { name: article.title, path: paths.article(article.slug) },
        ]),
      ],
      ...(options.preview ? { noindex: true } : {}),
    },
    <ArticleView site={site} article={article} related={related} discussionOpen={!!form}>
      <CommentSection
        site={site}
        commentCount={article.commentCount}
        threads={threads}
        form={form}
        maxDepth={maxDepth}
        pageHref={(page) => paths.commentPage(article.slug, page)}
        replyHref={(id) => paths.reply(article.slug, id, threads.page)}
        repliesHref={(rootId, page) => paths.replies(article.slug, rootId, page)}
        mark={mark}
        bylines={article.bylineIds}
      />
    </ArticleView>,
  );
  // The page shows this article (and its comments) and the related ones; its related list
  // changes when another article's publication, edit or unpublication changes it.
  const shown = [
    changeKeys.article(article.id),
    ...related.map((r) => changeKeys.article(r.id)),
    changeKeys.relatedList(article.id),
  ];

  const personal = personalParts(kit, site, article.id, shownThreads, form);
  // `personal` itself, not a closure made here: one made here would keep this whole scope alive
  // (the article, every comment) for as long as the page is cached.
  return {
    rendered: {
      body: html,
      type: HTML,
      changeKeys: shown,
      personalize: personal,
      unversioned: form ? [form.stamp] : [],
    },
    personal,
  };
}

/** The article page for the page cache: everyone's page, with how to make it one reader's. */
export async function renderArticlePage(
  kit: RouteKit,
  slug: string,
  options: ArticlePageOptions = {},
): Promise<Rendered | Moved> {
  const page = await articlePage(kit, slug, options);
  return "moved" in page ? page : page.rendered;
}

/**
 * The reader's page of the article a preview link names, as it will be published: the same
 * assembly as the article page, for this one request (never cached, never indexed).
 */
export async function renderPreviewPage(kit: RouteKit, token: string): Promise<Rendered> {
  const article = await editing.previewArticle(kit.ctx, token);
  const page = await articlePage(kit, article.slug, { preview: article });
  // Only commentPage and replyTo move a page, and neither is asked here.
  if ("moved" in page) throw new Error("a preview never moves");
  return page.rendered;
}
