import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { KiosqueError, RateLimited } from "../lib/errors.js";
import { ErrorView } from "../web/components/error-page.js";
import type { Messages } from "../web/i18n/index.js";
import type { Site } from "../web/site.js";
import type { RouteKit } from "./route-kit.js";

type Kind = "notFound" | "error" | "forbidden" | "rateLimited" | "unavailable" | "badRequest";

function kindOf(status: number): Kind {
  if (status === 404) return "notFound";
  if (status === 403) return "forbidden";
  if (status === 429) return "rateLimited";
  if (status === 503) return "unavailable";
  if (status >= 400 && status < 500) return "badRequest";
  return "error";
}

function words(t: Messages, kind: Kind): { title: string; text: string } {
  const e = t.errors;
  const map: Record<Kind, { title: string; text: string }> = {
    notFound: { title: e.notFoundTitle, text: e.notFoundText },
    error: { title: e.errorTitle, text: e.errorText },
    forbidden: { title: e.forbiddenTitle, text: e.forbiddenText },
    rateLimited: { title: e.rateLimitedTitle, text: e.rateLimitedText },
    unavailable: { title: e.unavailableTitle, text: e.unavailableText },
    badRequest: { title: e.badRequestTitle, text: e.badRequestText },
  };
  return map[kind];
}

/**
 * The one place where errors become answers: a page in the site's language for people, JSON
 * for scripts. Readers never see a stack trace; a 500 is logged with its context and is a bug.
 */
export function registerErrorHandling(app: FastifyInstance, web: RouteKit): void {
  async function respond(req: FastifyRequest, reply: FastifyReply, status: number, code: string) {
    let site: Site;
    try {
      site = await web.site();
    } catch {
      site = web.fallbackSite();
    }
    const { title, text } = words(site.t, kindOf(status));
    if (web.wantsJson(req)) return reply.status(status).send({ ok: false, code, message: title });
    return web.sendPage(
      reply,
      site,
      { title, noindex: true },
      <ErrorView site={site} title={title} text={text} />,
      status,
    );
  }

  app.setNotFoundHandler((req, reply) => respond(req, reply, 404, "KIOSQUE_NOT_FOUND"));

  app.setErrorHandler(async (error: FastifyError | KiosqueError, req, reply) => {
    if (error instanceof KiosqueError) {
      req.log.info({ code: error.code, context: error.context }, "request refused");
      if (error instanceof RateLimited)
        reply.header("retry-after", String(error.retryAfterSeconds));
      return respond(req, reply, error.status, error.code);
    }
    const status =
      typeof error.statusCode === "number" && error.statusCode >= 400 && error.statusCode < 600
        ? error.statusCode
        : 500;
    if (status >= 500) req.log.error({ err: error }, "request failed");
    else req.log.info({ code: error.code, message: error.message }, "bad request");
    // The framework's own code (FST_ERR_*) stays in the log: clients get one of ours
    // (docs/errors.md), which names no framework and does not change with it.
    return respond(req, reply, status, status >= 500 ? "KIOSQUE_INTERNAL" : "KIOSQUE_BAD_REQUEST");
  });
}
