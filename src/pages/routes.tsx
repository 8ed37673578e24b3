import { Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { PageNumber, RowIdQuery, Slug } from "../http/params.js";
import type { RouteKit } from "../http/route-kit.js";
import { renderArticlePage } from "./article-page.js";

const ArticleQuery = Type.Object({
  cpage: Type.Optional(PageNumber()),
  replytocom: Type.Optional(RowIdQuery()),
});

/**
 * The pages assembled from several modules: the article page (the article, its comments, related
 * articles), through the page cache. The cache key is built from the validated parameters, so
 * stray query strings cannot multiply entries.
 */
export function pageRoutes(app: FastifyInstance, kit: RouteKit): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get(
    "/article/:slug",
    { schema: { params: Slug, querystring: ArticleQuery } },
    async (req, reply) => {
      const { cpage, replytocom } = req.query;
      const key = `article:${req.params.slug}:${cpage ?? 1}:${replytocom ?? ""}`;
      return kit.cacheable(req, reply, key, () =>
        renderArticlePage(kit, req, req.params.slug, {
          ...(cpage ? { commentPage: cpage } : {}),
          ...(replytocom ? { replyTo: replytocom } : {}),
        }),
      );
    },
  );
}
