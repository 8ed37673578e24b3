import { Type } from "@sinclair/typebox";
import type { FastifyInstance, FastifyReply } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { PageNumber } from "../../http/params.js";
import type { Limiter, LimitName } from "../../http/rate-limits.js";
import type { RouteKit } from "../../http/route-kit.js";
import { SLUG_SHAPE } from "../../lib/slug.js";
import { endOfDay, isCalendarDay, startOfDay } from "../../lib/zoned-day.js";
import { paths, type SearchQuery } from "../../web/urls.js";
import * as service from "./service.js";
import { SearchPage } from "./views/search-page.js";

/**
 * Every field is text of any content: what a reader typed is read by the service into terms, and
 * a filter that is not a section's slug or a day is left out, so no query is ever refused (a
 * NUL or a 1 KB "section" included). Only the page number is a number or a 400, as elsewhere.
 */
const Query = Type.Object({
  q: Type.Optional(Type.String()),
  rubrique: Type.Optional(Type.String()),
  du: Type.Optional(Type.String()),
  au: Type.Optional(Type.String()),
  page: Type.Optional(PageNumber()),
});
const Suggest = Type.Object({ q: Type.Optional(Type.String()) });

/** A day typed in a date field, or nothing when it is not one. */
const day = (value: string | undefined) =>
  value !== undefined && isCalendarDay(value) ? value : undefined;

/**
 * Results are the same for everyone (nothing of the reader is read) but depend on every word
 * typed: they stay out of the page cache, whose entries must be few and named by change keys, and
 * may be kept a minute by the browser or a shared cache.
 */
function publicForAMinute(reply: FastifyReply): FastifyReply {
  return reply.header("cache-control", "public, max-age=60");
}

/** The search page (both languages' addresses) and the search box's suggestions (JSON). */
export function searchRoutes(
  app: FastifyInstance,
  kit: RouteKit,
  limits: Record<LimitName, Limiter>,
): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = kit;

  for (const lang of ["fr", "en"])
    r.get(paths.search(lang), { schema: { querystring: Query } }, async (req, reply) => {
      const q = (req.query.q ?? "").slice(0, 1000);
      const query: SearchQuery = {
        q,
        section:
          req.query.rubrique && SLUG_SHAPE.test(req.query.rubrique)
            ? req.query.rubrique
            : undefined,
        from: day(req.query.du),
        to: day(req.query.au),
        page: req.query.page ?? 1,
      };
      const site = await kit.site();
      let found: service.SearchResults | undefined;
      if (q.trim() !== "") {
        await limits.search(req);
        const tz = (await ctx.settings())["site.timezone"];
        found = await service.search(ctx, {
          q,
          section: query.section,
          from: query.from ? startOfDay(query.from, tz)?.toISOString() : undefined,
          until: query.to ? endOfDay(query.to, tz)?.toISOString() : undefined,
          page: query.page ?? 1,
        });
      }
      const { t } = site;
      return kit.sendPage(
        publicForAMinute(reply),
        site,
        {
          title: q ? t.search.titleFor(q) : t.search.title,
          description: t.search.label,
          canonical: paths.search(site.t.lang, found ? { ...query, page: found.page } : undefined),
          // Result pages are many and thin: search engines index the articles instead.
          noindex: true,
          scripts: [site.assets.searchBoxIsland],
        },
        <SearchPage site={site} query={query} found={found} />,
      );
    });

  r.get(paths.searchSuggestions, { schema: { querystring: Suggest } }, async (req, reply) => {
    const q = req.query.q ?? "";
    if (q.trim() === "") return publicForAMinute(reply).send({ suggestions: [] });
    await limits.search(req);
    const suggestions = await service.suggest(ctx, q);
    return publicForAMinute(reply).send({
      suggestions: suggestions.map((s) => ({ url: paths.article(s.slug), title: s.title })),
    });
  });
}
