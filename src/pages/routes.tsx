import { Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { PageNumber, RowIdQuery, Slug } from "../http/params.js";
import type { RouteKit } from "../http/route-kit.js";
import { NotFound } from "../lib/errors.js";
import { editing } from "../modules/articles/index.js";
import { paths } from "../web/urls.js";
import { renderArticlePage, renderPreviewPage } from "./article-page.js";
import { renderRepliesPage } from "./replies-page.js";

const ArticleQuery = Type.Object({
  cpage: Type.Optional(PageNumber()),
  replytocom: Type.Optional(RowIdQuery()),
});

const PreviewToken = Type.Object({
  token: Type.String({ minLength: 1, maxLength: 200, pattern: "^[A-Za-z0-9._-]+$" }),
});

const Thread = Type.Intersect([Slug, Type.Object({ rootId: RowIdQuery() })]);
const RepliesQuery = Type.Object({
  page: Type.Optional(PageNumber()),
  replytocom: Type.Optional(RowIdQuery()),
});

/**
 * The pages assembled from several modules: the article page (the article, its comments, related
 * articles) and the pages of long threads, through the page cache. Cache keys are built from the
 * validated parameters, so stray query strings cannot multiply entries, and a variant that shows
 * nothing of its own is moved to the one that does (never cached). A reply form opened without
 * JavaScript (`replytocom`) is rendered each time, never kept: there is one per published comment.
 */
export function pageRoutes(app: FastifyInstance, kit: RouteKit): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get(
    "/article/:slug",
    { schema: { params: Slug, querystring: ArticleQuery } },
    async (req, reply) => {
      const { cpage, replytocom } = req.query;
      const key = `article:${req.params.slug}:${cpage ?? 1}:${replytocom ?? ""}`;
      return kit.cacheable(
        req,
        reply,
        key,
        () =>
          renderArticlePage(kit, req.params.slug, {
            ...(cpage !== undefined && cpage !== 1 ? { commentPage: cpage } : {}),
            ...(replytocom ? { replyTo: replytocom } : {}),
          }).catch(async (error: unknown) => {
            // An address the article had before its slug changed: for good to the current one.
            if (!(error instanceof NotFound)) throw error;
            const current = await editing.currentSlugFor(kit.ctx, req.params.slug);
            if (current === undefined) throw error;
            // The same page of comments, the same reply form, at the new address.
            const query = new URLSearchParams({
              ...(cpage !== undefined && cpage !== 1 ? { cpage: String(cpage) } : {}),
              ...(replytocom ? { replytocom: String(replytocom) } : {}),
            }).toString();
            return { moved: `${paths.article(current)}${query && `?${query}`}`, permanent: true };
          }),
        replytocom === undefined,
      );
    },
  );

  // A draft as readers will see it, for whoever holds the link (the newsroom makes it).
  r.get("/apercu/:token", { schema: { params: PreviewToken } }, async (req, reply) => {
    const page = await renderPreviewPage(kit, req.params.token);
    return reply
      .header("cache-control", "private, no-store")
      .header("x-robots-tag", "noindex")
      .type(page.type)
      .send(page.body);
  });

  r.get(
    "/article/:slug/reponses/:rootId",
    { schema: { params: Thread, querystring: RepliesQuery } },
    async (req, reply) => {
      const { slug, rootId } = req.params;
      const { page, replytocom } = req.query;
      const key = `replies:${slug}:${rootId}:${page ?? 1}:${replytocom ?? ""}`;
      return kit.cacheable(
        req,
        reply,
        key,
        () =>
          renderRepliesPage(kit, slug, rootId, {
            ...(page !== undefined && page !== 1 ? { page } : {}),
            ...(replytocom ? { replyTo: replytocom } : {}),
          }),
        replytocom === undefined,
      );
    },
  );
}
