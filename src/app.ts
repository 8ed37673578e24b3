import cookie from "@fastify/cookie";
import compress from "@fastify/compress";
import formbody from "@fastify/formbody";
import Fastify, { type FastifyInstance } from "fastify";
import { fastifyTrustProxy } from "./config/proxy.js";
import type { Runtime } from "./runtime.js";
import { registerAssets } from "./http/assets.js";
import { withoutWildcard } from "./http/cacheable.js";
import { registerErrorHandling, type FrameworkErrors } from "./http/errors.js";
import { firstOfEach, formFields } from "./http/query.js";
import { compressUnrouted } from "./http/unrouted-compression.js";
import { registerHealth } from "./http/health.js";
import { BODY_LIMIT, MAX_PARAM_LENGTH, serverLimits } from "./http/limits.js";
import { PageCache } from "./http/page-cache.js";
import { registerRateLimits } from "./http/rate-limits.js";
import { registerSecurity } from "./http/security.js";
import { createRouteKit } from "./http/route-kit.js";
import { registerNewsroom } from "./http/newsroom.js";
import { registerOldQueryLinks } from "./http/old-links.js";
import { accountRoutes } from "./modules/accounts/routes.js";
import { articleAdminRoutes } from "./modules/articles/admin-routes.js";
import { articleRoutes } from "./modules/articles/routes.js";
import { sectionRoutes } from "./modules/articles/section-routes.js";
import { commentRoutes } from "./modules/comments/routes.js";
import { dashboardRoutes } from "./modules/dashboard/routes.js";
import { journalRoutes } from "./modules/journal/routes.js";
import { deskRoutes } from "./modules/desk/routes.js";
import { feedRoutes } from "./modules/feeds/routes.js";
import { gifRoutes } from "./modules/gifs/routes.js";
import { mediaLibraryRoutes, mediaRoutes } from "./modules/media/routes.js";
import { searchRoutes } from "./modules/search/routes.js";
import { settingsRoutes } from "./modules/settings/routes.js";
import { sitePageAdminRoutes } from "./modules/pages/admin-routes.js";
import { sitePageRoutes } from "./modules/pages/routes.js";
import { pageRoutes } from "./pages/routes.js";

export interface AppOptions {
  /** Directory holding the built stylesheet and islands (scripts/build.mjs). */
  assetsDir: string;
}

/**
 * The composition root: builds the HTTP application around an open runtime. Never listens —
 * server.ts does, and tests use inject() or listen on a port of their own.
 */
export async function buildApp(runtime: Runtime, options: AppOptions): Promise<FastifyInstance> {
  const { ctx } = runtime;
  // Every process builds its app once, at start: the place to say what production lacks.
  if (ctx.config.production && ctx.config.publicUrl === undefined)
    ctx.log.warn(
      "KIOSQUE_PUBLIC_URL is not set: feeds, the sitemap and links sent out take their origin from each request's Host header; set it to the site's public origin",
    );
  // Bound once the error handling is (below): Fastify takes the option before any route exists.
  const late: { frameworkErrors?: FrameworkErrors } = {};
  const app = Fastify({
    loggerInstance: ctx.log,
    frameworkErrors: (error, req, reply) => void late.frameworkErrors?.(error, req, reply),
    trustProxy: fastifyTrustProxy(ctx.config.trustProxy),
    // Body and head sizes, timeouts: each with its reason in http/limits.ts.
    ...serverLimits,
    // Reader URLs are case-sensitive slugs; "/article/x/" is the same page as "/article/x".
    routerOptions: {
      ignoreTrailingSlash: true,
      maxParamLength: MAX_PARAM_LENGTH,
      querystringParser: firstOfEach,
    },
  });

  await app.register(cookie);
  await app.register(formbody, { bodyLimit: BODY_LIMIT, parser: formFields });
  // Every other answer with a body — the newsroom's pages, 404 and 422 pages, JSON — compressed
  // when the client takes it. Cached pages and assets come compressed already (their
  // Content-Encoding set), and the plugin leaves those alone. Under 256 bytes, coding costs more
  // than it saves.
  await app.register(compress, { global: true, threshold: 256, encodings: ["br", "gzip"] });
  app.addHook("onSend", compressUnrouted);
  app.addHook("onRequest", (req, _reply, done) => {
    const header = req.headers["accept-encoding"];
    if (header?.includes("*")) req.headers["accept-encoding"] = withoutWildcard(header);
    done();
  });
  registerSecurity(app, {
    trustProxy: ctx.config.trustProxy !== false,
    publicUrl: ctx.config.publicUrl,
  });
  const limits = await registerRateLimits(app, ctx);
  // Before every route: `/?p=123` would otherwise be the home page, from the page cache.
  registerOldQueryLinks(app, ctx);

  const assets = await registerAssets(app, options.assetsDir);
  const cache =
    ctx.config.pageCacheBytes > 0 ? new PageCache(ctx.config.pageCacheBytes) : undefined;
  if (cache) runtime.changes.subscribe((changed) => cache.invalidate(changed));
  const kit = createRouteKit(ctx, assets, {
    cache,
    rendering: new Map(),
    poll: () => runtime.changes.poll(),
  });
  runtime.changes.subscribe((changed) => kit.changed(changed));
  late.frameworkErrors = registerErrorHandling(app, kit);
  registerHealth(app, runtime.storage.engine);
  articleRoutes(app, kit);
  pageRoutes(app, kit);
  commentRoutes(app, kit, limits);
  feedRoutes(app, kit);
  gifRoutes(app, kit, limits);
  searchRoutes(app, kit, limits);
  sitePageRoutes(app, kit);
  // The newsroom, in a scope of its own: its session hook runs for its routes only, so reader
  // pages (and the page cache) never read or depend on a staff cookie.
  await app.register(async (scope) => {
    const newsroom = registerNewsroom(scope, kit);
    accountRoutes(scope, kit, newsroom);
    articleAdminRoutes(scope, kit, newsroom);
    sectionRoutes(scope, kit, newsroom);
    sitePageAdminRoutes(scope, kit, newsroom);
    await mediaLibraryRoutes(scope, kit, newsroom);
    dashboardRoutes(scope, kit, newsroom);
    settingsRoutes(scope, kit, newsroom);
    deskRoutes(scope, kit, newsroom);
    journalRoutes(scope, kit, newsroom);
  });
  mediaRoutes(app, kit);
  return app;
}
