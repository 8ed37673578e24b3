import type { FastifyInstance } from "fastify";
import type { NewsroomKit } from "../../http/newsroom.js";
import type { RouteKit } from "../../http/route-kit.js";
import { formatter } from "../../web/i18n/format.js";
import { paths } from "../../web/urls.js";
import { canUseNewsroom } from "../accounts/index.js";
import { dashboardFor } from "./service.js";
import { DashboardView } from "./views/dashboard.js";

/** The newsroom's first page, `/admin`: everyone signed in has one, each as their role sees it. */
export function dashboardRoutes(app: FastifyInstance, kit: RouteKit, newsroom: NewsroomKit): void {
  const { ctx } = kit;
  app.get(paths.admin.home, async (req, reply) => {
    const user = newsroom.allow(req, canUseNewsroom);
    const [t, settings, data] = await Promise.all([
      newsroom.words(req),
      ctx.settings(),
      dashboardFor(ctx, user),
    ]);
    return newsroom.sendPage(
      req,
      reply,
      { title: t.newsroom.dashboard },
      <DashboardView
        t={t}
        fmt={formatter(t, settings["site.timezone"])}
        name={user.name}
        role={user.role}
        data={data}
        now={ctx.clock.now().toISOString()}
      />,
    );
  });
}
