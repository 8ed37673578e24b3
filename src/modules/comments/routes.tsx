import type { FastifyInstance, FastifyRequest } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { Rendered } from "../../http/cacheable.js";
import { showFormOnRefusal } from "../../http/form-page.js";
import { FormBody, Slug } from "../../http/params.js";
import { applyRememberChoice, readerState, rememberOwnComment } from "../../http/reader-cookies.js";
import type { RouteKit } from "../../http/route-kit.js";
import { requestOrigin } from "../../http/origin.js";
import type { Limiter, LimitName } from "../../http/rate-limits.js";
import { renderFragment } from "../../web/document.js";
import type { Problem } from "../../lib/errors.js";
import { paths } from "../../web/urls.js";
import { acceptsReplies } from "./model.js";
import * as service from "./service.js";
import { formValues, type CommentFormValues } from "./validation.js";
import { CommentItem } from "./views/comment-item.js";

/**
 * The author token's cookie (author-token.ts). It never changes what a page shows, so it does not
 * make a page personal: the page cache still serves its holder, and its name stays outside the
 * `kq_` prefix the README tells CDN operators to bypass their cache for.
 */
const AUTHOR_COOKIE = "kiosque_author";
const AUTHOR_COOKIE_MAX_AGE_S = 365 * 86_400;

/**
 * The article page again, with the refused form and one message per field. It is assembled from
 * several modules in the page layer above this one (pages/article-page.tsx), so app.ts hands it in.
 */
export type RenderRejectedForm = (
  web: RouteKit,
  req: FastifyRequest,
  slug: string,
  rejected: { values: CommentFormValues; problems: Readonly<Record<string, Problem>> },
) => Promise<Rendered>;

export function commentRoutes(
  app: FastifyInstance,
  web: RouteKit,
  limits: Record<LimitName, Limiter>,
  renderRejectedForm: RenderRejectedForm,
): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = web;

  // The form's own address, asked with GET: a fresh stamp for this reader (decision 013). Never
  // cached anywhere, or it would be the cached page's stamp again.
  r.get("/article/:slug/commentaires", { schema: { params: Slug } }, async (req, reply) =>
    reply
      .header("cache-control", "no-store")
      .send({ stamp: await service.freshStamp(ctx, req.params.slug) }),
  );
  r.post(
    "/article/:slug/commentaires",
    { schema: { params: Slug, body: FormBody } },
    async (req, reply) => {
      const form = req.body;
      const values = formValues(form);
      // A refused post comes back as this article's page with what the reader typed and a
      // message per field (or as JSON): http/errors.tsx answers every refusal thrown below.
      showFormOnRefusal(req, {
        mainField: "body",
        render: (problems) => renderRejectedForm(web, req, req.params.slug, { values, problems }),
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
      // `status` is "approved" or "pending": a comment marked spam is shown to its sender as held.
      if (posted.comment.status === "pending")
        rememberOwnComment(req, reply, ctx.secret, posted.comment.id);
      const location = paths.comment(req.params.slug, posted.comment.id, posted.page);
      if (!web.wantsJson(req)) return reply.redirect(location, 303);
      const site = await web.site();
      const settings = await ctx.settings();
      const html = renderFragment(
        <CommentItem
          site={site}
          comment={posted.comment}
          replyHref={(id) => paths.reply(req.params.slug, id, posted.page)}
          canReply={(c) => acceptsReplies(c, settings["comments.maxDepth"])}
        />,
      );
      return reply
        .status(201)
        .send({ ok: true, id: posted.comment.id, status: posted.comment.status, location, html });
    },
  );
}
