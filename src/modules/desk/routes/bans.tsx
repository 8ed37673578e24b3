import { Type } from "@sinclair/typebox";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { showFormOnRefusal } from "../../../http/form-page.js";
import type { NewsroomKit } from "../../../http/newsroom.js";
import { FormBody, RowIdQuery } from "../../../http/params.js";
import type { RouteKit } from "../../../http/route-kit.js";
import type { Problem } from "../../../lib/errors.js";
import { sentOnce, shownValue } from "../../../lib/form-fields.js";
import { parseRowId } from "../../../lib/row-id.js";
import { problemTexts } from "../../../web/i18n/index.js";
import { paths } from "../../../web/urls.js";
import { canModerate } from "../../accounts/index.js";
import { banDays, createBan, listBans, liftBan } from "../bans.js";
import * as desk from "../service.js";
import { BanFormView, BansView, emptyBan, type BanValues } from "../views/bans.js";
import { IdParam, doneNotice, wordsAndDates } from "./common.js";

const Done = Type.Object({ fait: Type.Optional(Type.String({ maxLength: 20 })) });
const FromComment = Type.Object({ commentaire: RowIdQuery() });

const valuesOf = (body: Readonly<Record<string, unknown>>): BanValues => ({
  kind: shownValue(body, "kind") || emptyBan.kind,
  mode: shownValue(body, "mode"),
  days: shownValue(body, "days"),
  reason: shownValue(body, "reason"),
  email: shownValue(body, "email"),
});

/** Bans: the list, a ban from a comment or of a typed address, lifting one. */
export function banRoutes(app: FastifyInstance, kit: RouteKit, newsroom: NewsroomKit): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = kit;

  async function bansPage(
    req: FastifyRequest,
    extra: { notice?: string | undefined; values?: BanValues; problems?: Record<string, Problem> },
  ) {
    const user = newsroom.allow(req, canModerate);
    const { t, fmt } = await wordsAndDates(ctx, req, newsroom);
    const { bans, names } = await listBans(ctx, user);
    const errors = problemTexts(t, extra.problems ?? {});
    const count = Object.keys(errors).length;
    return newsroom.page(
      req,
      { title: t.desk.bans.title },
      <BansView
        t={t}
        fmt={fmt}
        state={{
          bans,
          names,
          notice: extra.notice,
          values: extra.values ?? emptyBan,
          errors,
          summary: count > 0 ? t.formErrors(count) : undefined,
          days: banDays,
        }}
      />,
    );
  }

  async function banForm(
    req: FastifyRequest,
    commentId: number,
    values: BanValues,
    problems: Readonly<Record<string, Problem>> = {},
  ) {
    const user = newsroom.allow(req, canModerate);
    const t = await newsroom.words(req);
    const c = await desk.comment(ctx, user, commentId);
    const errors = problemTexts(t, problems);
    const count = Object.keys(errors).length;
    return newsroom.page(
      req,
      { title: t.desk.bans.newTitle },
      <BanFormView
        t={t}
        state={{
          comment: {
            id: c.id,
            authorName: c.authorName,
            authorEmail: c.authorEmail,
            clientKnown: c.clientKey !== null,
          },
          values,
          errors,
          summary: count > 0 ? t.formErrors(count) : undefined,
          days: banDays,
        }}
      />,
    );
  }

  r.get(paths.admin.bans, { schema: { querystring: Done } }, async (req, reply) => {
    const t = await newsroom.words(req);
    const page = await bansPage(req, { notice: doneNotice(t, req.query.fait, undefined) });
    return reply.type(page.type).send(page.body);
  });

  r.get(paths.admin.banNew(), { schema: { querystring: FromComment } }, async (req, reply) => {
    const page = await banForm(req, req.query.commentaire, emptyBan);
    return reply.type(page.type).send(page.body);
  });

  r.post(paths.admin.bans, { schema: { body: FormBody } }, async (req, reply) => {
    const user = newsroom.allow(req, canModerate);
    const values = valuesOf(req.body);
    const commentId = parseRowId(sentOnce(req.body, "commentaire"));
    showFormOnRefusal(req, {
      mainField: "kind",
      render: (problems) =>
        commentId === undefined
          ? bansPage(req, { values, problems: { ...problems } })
          : banForm(req, commentId, values, problems),
    });
    await createBan(ctx, user, req.body);
    return reply.redirect(`${paths.admin.bans}?fait=ban`, 303);
  });

  r.post(paths.admin.banLift(":id"), { schema: { params: IdParam } }, async (req, reply) => {
    const user = newsroom.allow(req, canModerate);
    await liftBan(ctx, user, req.params.id);
    return reply.redirect(`${paths.admin.bans}?fait=lift`, 303);
  });
}
