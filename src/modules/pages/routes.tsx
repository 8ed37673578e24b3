import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { FastifyInstance } from "fastify";
import { Slug } from "../../http/params.js";
import type { RouteKit } from "../../http/route-kit.js";
import { changeKeys } from "../../lib/change-keys.js";
import { paths } from "../../web/urls.js";
import * as service from "./service.js";
import { SitePageView } from "./views/page.js";

/** `/page/<slug>`: the site's own pages, through the page cache like every reader page. */
export function sitePageRoutes(app: FastifyInstance, kit: RouteKit): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  r.get("/page/:slug", { schema: { params: Slug } }, async (req, reply) =>
    kit.cacheable(req, reply, `page:${req.params.slug}`, async () => {
      const [site, page] = await Promise.all([
        kit.site(),
        service.publishedPage(kit.ctx, req.params.slug),
      ]);
      return kit.page(
        site,
        { title: page.title, canonical: paths.page(page.slug) },
        <SitePageView page={page} />,
        // A page changes with the footer, which every write of a page announces as `all`.
        [changeKeys.all],
      );
    }),
  );
}
