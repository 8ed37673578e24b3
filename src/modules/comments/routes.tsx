import { Type } from "@sinclair/typebox";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { Rendered } from "../../http/cacheable.js";
import { showFormOnRefusal } from "../../http/form-page.js";
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
 * A form post: every field arrives as text, or as a list when a field is repeated. The service
 * checks each field and words each problem; the schema only fixes the shape.
 */
const FormBody = Type.Record(Type.String(), Type.Union([Type.String(), Type.Array(Type.String())]));
const Slug = Type.Object({ slug: Type.String({ minLength: 1, maxLength: 200 }) });

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
      const origin = requestOrigin(req);
      const posted = await service.postComment(
        ctx,
        {
          articleSlug: req.params.slug,
          form,
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
