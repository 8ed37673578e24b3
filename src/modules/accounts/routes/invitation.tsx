import { Type } from "@sinclair/typebox";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { showFormOnRefusal } from "../../../http/form-page.js";
import type { NewsroomKit } from "../../../http/newsroom.js";
import { FormBody } from "../../../http/params.js";
import type { RouteKit } from "../../../http/route-kit.js";
import type { Problem } from "../../../lib/errors.js";
import { shownValue } from "../../../lib/form-fields.js";
import { problemTexts } from "../../../web/i18n/index.js";
import { paths } from "../../../web/urls.js";
import { PASSWORD_MIN } from "../passwords.js";
import * as service from "../service.js";
import { InvitationView } from "../views/invitation.js";
import { wordsAndDates } from "./common.js";

/** A token in the link's path; longer ones name nothing (refused before any query). */
const TokenParam = Type.Object({ token: Type.String({ minLength: 1, maxLength: 100 }) });

/**
 * The page an invitation link opens, for someone with no account yet: public (no session), in the
 * site's language until they choose theirs.
 */
export function invitationRoutes(app: FastifyInstance, kit: RouteKit, newsroom: NewsroomKit): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = kit;

  async function page(
    req: FastifyRequest,
    token: string,
    values: { name: string; locale: string },
    problems: Readonly<Record<string, Problem>> = {},
  ) {
    const invitation = await service.openInvitation(ctx, token);
    const [{ t, fmt }, site] = await Promise.all([wordsAndDates(ctx, req, newsroom), kit.site()]);
    const errors = problemTexts(t, problems);
    return newsroom.page(
      req,
      { title: t.newsroom.invitation.title(site.name) },
      <InvitationView
        t={t}
        state={{
          token,
          siteName: site.name,
          email: invitation.email,
          roleName: t.newsroom.roleNames[invitation.role],
          expires: fmt.dateTime(invitation.expiresAt),
          passwordMin: PASSWORD_MIN,
          ...values,
          errors,
          summary: t.formErrors(Object.keys(errors).length),
        }}
      />,
    );
  }

  r.get(
    paths.admin.invitation(":token"),
    { schema: { params: TokenParam } },
    async (req, reply) => {
      const locale = (await ctx.settings())["site.locale"];
      const rendered = await page(req, req.params.token, { name: "", locale });
      return reply.type(rendered.type).send(rendered.body);
    },
  );

  r.post(
    paths.admin.invitation(":token"),
    { schema: { params: TokenParam, body: FormBody } },
    async (req, reply) => {
      const token = req.params.token;
      showFormOnRefusal(req, {
        mainField: "name",
        render: (problems) =>
          page(
            req,
            token,
            { name: shownValue(req.body, "name"), locale: shownValue(req.body, "locale") },
            problems,
          ),
      });
      const accepted = await service.acceptInvitation(
        ctx,
        token,
        req.body,
        req.headers["user-agent"] ?? "",
      );
      // Whoever was signed in on this browser is signed out: it is the new person's now.
      await newsroom.endSession(req, reply);
      newsroom.startSession(req, reply, accepted.sessionToken, accepted.userId);
      return reply.redirect(paths.admin.home, 303);
    },
  );
}
