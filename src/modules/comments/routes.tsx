import type { FastifyInstance, FastifyRequest } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { Rendered } from "../../http/cacheable.js";
import { showFormOnRefusal } from "../../http/form-page.js";
import { FormBody, Slug } from "../../http/params.js";
import { applyRememberChoice, readerState, rememberOwnComment } from "../../http/reader-cookies.js";
import type { RouteKit } from "../../http/route-kit.js";
import { requestOrigin } from "../../http/origin.js";
import type { Limiter, LimitName } from "../../http/rate-limits.js";
import { RateLimited } from "../../lib/errors.js";
import { renderFragment } from "../../web/document.js";
import { problemTexts } from "../../web/i18n/index.js";
import type { Site } from "../../web/site.js";
import { paths } from "../../web/urls.js";
import { acceptsReplies } from "./model.js";
import * as service from "./service.js";
import { formValues } from "./validation.js";
import { commentItem } from "./views/comment-item.js";
import { RefusedFormPage } from "./views/refused-form-page.js";

/**
 * The author token's cookie (author-token.ts). It never changes what a page shows, so it does not
 * make a page personal: the page cache still serves its holder, and its name stays outside the
 * `kq_` prefix the README tells CDN operators to bypass their cache for.
 */
const AUTHOR_COOKIE = "kiosque_author";
const AUTHOR_COOKIE_MAX_AGE_S = 365 * 86_400;

/**
 * The token of this reader's refused form (refused-form.ts), sent back only to the form's own
 * address (the cookie's path), so no reader page and no page cache ever sees it. `kq_`: the README
 * tells CDN operators to bypass their cache for those.
 */
const REFUSED_COOKIE = "kq_refused";

const refusedCookie = (req: FastifyRequest<{ Params: { slug: string } }>) =>
  ({
    path: paths.comments(req.params.slug),
    httpOnly: true,
    sameSite: "lax",
    secure: req.protocol === "https",
  }) as const;

/** The refused form's page: never cached (the answer's Cache-Control says so where it is sent). */
function refusedPage(web: RouteKit, site: Site, refused: service.RefusedForm): Rendered {
  return web.page(
    site,
    {
      title: site.t.errorTitle(site.t.comments.refusedTitle(refused.article.title)),
      noindex: true,
    },
    <RefusedFormPage
      site={site}
      refused={refused}
      errors={problemTexts(site.t, refused.problems)}
    />,
    [],
  );
}

export function commentRoutes(
  app: FastifyInstance,
  web: RouteKit,
  limits: Record<LimitName, Limiter>,
): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = web;

  // The form's own address, asked with GET. The island asks for a fresh stamp for this reader
  // (decision 013), never cached anywhere, or it would be the cached page's stamp again. A person
  // lands here after a refused post (the refused form's page, while it lasts), or reopens it from
  // history or a bookmark: then the article's form, never a 404 (decision 022).
  r.get("/article/:slug/commentaires", { schema: { params: Slug } }, async (req, reply) => {
    const { slug } = req.params;
    if (web.wantsJson(req))
      return reply
        .header("cache-control", "no-store")
        .send({ stamp: await service.freshStamp(ctx, slug) });
    reply.header("cache-control", "private, no-store");
    // An article that is not (or no longer) published is a 404, as its page is.
    const refused = await service.refusedForm(ctx, slug, req.cookies[REFUSED_COOKIE]);
    if (!refused) return reply.redirect(paths.respond(slug), 303);
    const page = refusedPage(web, await web.site(), refused);
    return reply.type(page.type).send(page.body);
  });
  r.post(
    "/article/:slug/commentaires",
    { schema: { params: Slug, body: FormBody } },
    async (req, reply) => {
      const form = req.body;
      const values = formValues(form);
      // A refused post is kept for the form's own page, and the reader sent there (303) with a
      // cookie naming it; the island gets JSON. http/errors.tsx answers every refusal thrown below.
      showFormOnRefusal(req, {
        mainField: "body",
        givesTextBack: true,
        render: async (problems, refusal) => {
          // Past its limit a client gets the page in the answer itself, and nothing is written:
          // else each further post, refused as it is, would still be one more kept form.
          if (refusal instanceof RateLimited) {
            const refused = await service.refusedFormNow(ctx, req.params.slug, {
              values,
              problems,
            });
            return refusedPage(web, await web.site(), refused);
          }
          const token = await service.keepRefused(ctx, req.params.slug, { values, problems });
          reply.setCookie(REFUSED_COOKIE, token, {
            ...refusedCookie(req),
            maxAge: service.REFUSED_FORM_TTL_S,
          });
          return { seeOther: paths.refusedComment(req.params.slug) };
        },
      });
      // Every attempt counts, refused ones too: a bot probing the rules is still posting.
      await limits.comments(req);
      const origin = requestOrigin(req, ctx.config);
      const posted = await service.postComment(
        ctx,
        {
          articleSlug: req.params.slug,
          form,
          authorToken: req.cookies[AUTHOR_COOKIE],
          ip: req.ip,
          ...(origin && {
            request: {
              siteUrl: `${origin}/`,
              permalink: `${origin}${paths.article(req.params.slug)}`,
              userAgent: req.headers["user-agent"] ?? "",
              referrer: req.headers.referer ?? "",
            },
          }),
        },
        readerState(req, ctx.secret).ownIds,
      );
      applyRememberChoice(req, reply, values.remember, {
        name: values.name,
        email: values.email,
        website: values.website,
      });
      // Given whatever the verdict: what the sender gets never tells how the post was judged.
      reply.setCookie(AUTHOR_COOKIE, posted.authorToken, {
        path: "/",
        httpOnly: true,
        sameSite: "lax",
        secure: req.protocol === "https",
        maxAge: AUTHOR_COOKIE_MAX_AGE_S,
      });
      // Posted at last: the refused form it corrects is of no more use.
      const wasRefused = req.cookies[REFUSED_COOKIE];
      if (wasRefused) {
        await service.forgetRefused(ctx, wasRefused);
        reply.clearCookie(REFUSED_COOKIE, refusedCookie(req));
      }
      // `status` is "approved" or "pending": a comment marked spam is shown to its sender as held.
      if (posted.comment.status === "pending")
        rememberOwnComment(req, reply, ctx.secret, posted.comment.id);
      const { slug } = req.params;
      const { thread } = posted;
      const location = thread
        ? paths.commentInThread(slug, thread.rootId, thread.page, posted.comment.id)
        : paths.comment(slug, posted.comment.id, posted.page);
      if (!web.wantsJson(req)) return reply.redirect(location, 303);
      const site = await web.site();
      const settings = await ctx.settings();
      const html = renderFragment(
        commentItem({
          site,
          comment: posted.comment,
          replyHref: (id) =>
            thread
              ? paths.replyInThread(slug, thread.rootId, thread.page, id)
              : paths.reply(slug, id, posted.page),
          canReply: (c) => acceptsReplies(c, settings["comments.maxDepth"]),
        }),
      );
      return reply
        .status(201)
        .send({ ok: true, id: posted.comment.id, status: posted.comment.status, location, html });
    },
  );
}
