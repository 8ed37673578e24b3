import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ErrorAnswer, ErrorCode } from "../lib/error-codes.js";
import {
  KiosqueError,
  RateLimited,
  SecondFactorRequired,
  SignInRequired,
  type Problem,
} from "../lib/errors.js";
import { ErrorView } from "../web/components/error-page.js";
import { errorWords, problemTexts } from "../web/i18n/index.js";
import type { Site } from "../web/site.js";
import { paths } from "../web/urls.js";
import { fieldProblems, registerFormPages } from "./form-page.js";
import { oldLinkTarget } from "./old-links.js";
import type { RouteKit } from "./route-kit.js";
import { SECURITY_HEADERS } from "./security.js";
import { isStorageFull } from "../lib/storage-full.js";
import {
  DATABASE_BUSY_RETRY_S,
  isDatabaseBusy,
  isDatabaseUnreachable,
} from "../lib/database-busy.js";

/** What an answer made for one person says to caches: keep it nowhere. */
const PERSONAL = "private, no-store";

/** Under the newsroom's paths (where its session cookie goes): "/admin", "/admin/…", "/admin?…". */
const NEWSROOM_PATH = new RegExp(`^${paths.admin.home}(?:[/?#]|$)`);
const isNewsroomPath = (url: string): boolean => NEWSROOM_PATH.test(url);

/** The one JSON shape of a refusal or a failure (docs/errors.md). */
export function errorAnswer(
  code: ErrorCode,
  message: string,
  errors?: Record<string, string>,
): ErrorAnswer {
  return { ok: false, code, message, ...(errors && { errors }) };
}

/**
 * The one place where errors become answers: a page in the site's language for people, JSON
 * for scripts, and a refused form back on its page with what was typed. Readers never see a stack
 * trace; a 500 is logged with its context and is a bug.
 */
export function registerErrorHandling(app: FastifyInstance, web: RouteKit): FrameworkErrors {
  registerFormPages(app);
  /** A refused form's main field, where its page failed to show: the error page gives it back. */
  const unshownText = new WeakMap<FastifyRequest, string>();

  async function siteFor(): Promise<Site> {
    try {
      return await web.site();
    } catch {
      return web.fallbackSite();
    }
  }

  async function respond(
    req: FastifyRequest,
    reply: FastifyReply,
    status: number,
    code: ErrorCode,
  ) {
    // The newsroom's answers are personal whatever made them (a route, the router's own
    // not-found, a refusal before any route, where its scope's hook never ran): kept by none.
    if (isNewsroomPath(req.url)) reply.header("cache-control", PERSONAL);
    // Elsewhere kept by no cache without asking again: a 404 may be an article about to be
    // published, and browsers keep a 301 for good (a slug changed back would loop) unless told
    // otherwise.
    else if (!reply.hasHeader("cache-control")) reply.header("cache-control", "no-cache");
    // A page that is not here may have been somewhere else: an old address (a WordPress
    // permalink, an old section page) answers 301 to where it lives now. Looked up only now,
    // so routes and the page cache never pay for it.
    if (status === 404) {
      const target = await oldLinkTarget(web.ctx, req);
      if (target !== undefined) return reply.redirect(target, 301);
    }
    const site = await siteFor();
    const { title, text } = busyReadWords(req, site, code) ?? errorWords(site.t, code);
    if (web.wantsJson(req)) return reply.status(status).send(errorAnswer(code, title));
    const kept = unshownText.get(req);
    // It holds what one reader typed: never kept by any cache.
    if (kept) reply.header("cache-control", PERSONAL);
    return web.sendPage(
      reply,
      site,
      { title, noindex: true },
      <ErrorView site={site} title={title} text={text} kept={kept} />,
      status,
    );
  }

  /**
   * A refusal of what was sent: one message per field, summarised as the form summarises them;
   * people get the form again with every value kept, where the route named one.
   */
  async function refuseFields(
    req: FastifyRequest,
    reply: FastifyReply,
    error: KiosqueError,
    problems: Readonly<Record<string, Problem>>,
  ) {
    const form = req.formPage;
    if (web.wantsJson(req)) {
      const site = await siteFor();
      const errors = problemTexts(site.t, problems);
      const summary = site.t.formErrors(Object.keys(errors).length);
      return reply.status(error.status).send(errorAnswer(error.code, summary, errors));
    }
    if (!form) return respond(req, reply, error.status, error.code);
    // Once: if the page itself fails, that failure is answered without the form, but with the
    // prose of its main field, to copy (the page may need the database that failed the post).
    req.formPage = null;
    const main = (req.body as Readonly<Record<string, unknown>> | null | undefined)?.[
      form.mainField
    ];
    if (form.givesTextBack && typeof main === "string") unshownText.set(req, main);
    const page = await form.render(problems, error);
    // The reader's own values are in it (or behind it): never kept by any cache.
    reply.header("cache-control", PERSONAL);
    if ("seeOther" in page) return reply.redirect(page.seeOther, 303);
    return reply.status(error.status).type(page.type).send(page.body);
  }

  /**
   * A write the database could not take now: its disk full, or held by another past the wait (an
   * import or a restore on SQLite; a lock, or every pooled connection, on PostgreSQL). Nothing was
   * saved, and the same request succeeds later: refused for now like a client over its pace, so a
   * form comes back with what was typed and the wait on its main field (`sentForm`). Both were
   * pages that lost the text (the busy one a 500).
   */
  function notSavedNow(error: unknown, req: FastifyRequest): RateLimited | undefined {
    if (isStorageFull(error)) {
      req.log.error({ err: error }, "request failed: the database's disk is full");
      // Room may be made in minutes (an operator's doing): a client that retries waits a little.
      return new RateLimited("KIOSQUE_STORAGE_FULL", 60, { problem: "notSaved" });
    }
    const busy = isDatabaseBusy(error);
    if (busy || isDatabaseUnreachable(error)) {
      if (busy) req.log.warn({ err: error }, "request refused: the database is busy");
      else req.log.error({ err: error }, "request refused: the database cannot be reached");
      return new RateLimited("KIOSQUE_DATABASE_BUSY", DATABASE_BUSY_RETRY_S, {
        problem: "notSaved",
      });
    }
    return undefined;
  }

  /**
   * Whether the post carried its form's main field (a text, a choice, even left empty) or came
   * as an upload (its fields read from the stream by the route): a form filled in, which comes
   * back with what was typed and "your text is kept here" on that field. A button names no such
   * field (a moderation action, a service's test), nor does a page asked for: those get the
   * code's own page or JSON, not "a field needs fixing" about nothing typed.
   */
  function sentForm(req: FastifyRequest): boolean {
    const main = req.formPage?.mainField;
    if (main === undefined || req.method === "GET" || req.method === "HEAD") return false;
    const body = req.body;
    if (typeof body !== "object" || body === null) return true;
    return typeof (body as Readonly<Record<string, unknown>>)[main] === "string";
  }

  async function handle(
    failure: FastifyError | KiosqueError,
    req: FastifyRequest,
    reply: FastifyReply,
  ) {
    const notSaved = notSavedNow(failure, req);
    const error = notSaved ?? failure;
    if (error instanceof KiosqueError) {
      req.log.info({ code: error.code, context: error.context }, "request refused");
      // A person, not a script: to the sign-in form, and back here afterwards (GET only: a
      // form posted after the session ended comes back to its page, not to a replay).
      if (error instanceof SignInRequired && !web.wantsJson(req)) {
        const back = req.method === "GET" ? `?next=${encodeURIComponent(req.url)}` : "";
        return reply.redirect(`${paths.admin.signIn}${back}`, 303);
      }
      // Owing a second factor the newsroom requires: to its set-up, whatever was asked.
      if (error instanceof SecondFactorRequired && !web.wantsJson(req))
        return reply.redirect(paths.admin.secondFactor, 303);
      if (error instanceof RateLimited)
        reply.header("retry-after", String(error.retryAfterSeconds));
      // Said on a form's field only where a form was filled in.
      const problems = notSaved && !sentForm(req) ? undefined : fieldProblems(error, req.formPage);
      if (problems) {
        try {
          return await refuseFields(req, reply, error, problems);
        } catch (failure) {
          return handle(failure as FastifyError | KiosqueError, req, reply);
        }
      }
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
  }

  app.setNotFoundHandler((req, reply) => respond(req, reply, 404, "KIOSQUE_NOT_FOUND"));
  app.setErrorHandler(handle);
  // A URL the router cannot read (a broken %-escape, a slug past the length limit) is refused
  // before any route or hook: none of the hooks that set the security headers has run.
  return async (error, req, reply) => {
    reply.headers(SECURITY_HEADERS);
    try {
      return await handle(error, req, reply);
    } catch (failure) {
      // No error handler stands behind this one: a failure here must still answer, not crash.
      req.log.error({ err: failure }, "request failed");
      if (!reply.sent)
        return reply
          .status(500)
          .header("cache-control", isNewsroomPath(req.url) ? PERSONAL : "no-cache")
          .type("text/plain")
          .send("Internal Server Error");
      return reply;
    }
  };
}

/**
 * A busy database's words for a page asked for (GET, HEAD): nothing was sent to be saved, so
 * not "nothing was saved". Undefined for anything else.
 */
function busyReadWords(
  req: FastifyRequest,
  site: Site,
  code: ErrorCode,
): { title: string; text: string } | undefined {
  if (code !== "KIOSQUE_DATABASE_BUSY" || (req.method !== "GET" && req.method !== "HEAD"))
    return undefined;
  return { title: site.t.errors.databaseBusyRead.title, text: site.t.errors.databaseBusyRead.text };
}

/** Fastify's `frameworkErrors` option: the refusals it makes before routing, answered as ours. */
export type FrameworkErrors = (
  error: FastifyError,
  req: FastifyRequest,
  reply: FastifyReply,
) => Promise<unknown>;
