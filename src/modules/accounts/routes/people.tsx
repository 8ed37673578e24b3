import { Type } from "@sinclair/typebox";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { Rendered } from "../../../http/cacheable.js";
import { showFormOnRefusal } from "../../../http/form-page.js";
import type { NewsroomKit } from "../../../http/newsroom.js";
import { requestOrigin } from "../../../http/origin.js";
import { FormBody } from "../../../http/params.js";
import type { RouteKit } from "../../../http/route-kit.js";
import type { Problem } from "../../../lib/errors.js";
import { shownValue } from "../../../lib/form-fields.js";
import { problemTexts, type Messages } from "../../../web/i18n/index.js";
import { paths } from "../../../web/urls.js";
import { setSettings } from "../../settings/index.js";
import type { NewInvitation } from "../invitations.js";
import { canChangeSettings, canManageUsers } from "../permissions.js";
import * as service from "../service.js";
import { PeopleView, type PeopleRefusal } from "../views/people.js";
import { Done, IdParam, wordsAndDates } from "./common.js";

const noticeFor = (t: Messages, ok: string | undefined): string | undefined =>
  ok === undefined
    ? undefined
    : ok === "sessions"
      ? t.newsroom.peoplePage.signedOut
      : t.newsroom.saved;

/** People (admins): accounts, roles, invitations, the second-factor requirement. */
export function peopleRoutes(app: FastifyInstance, kit: RouteKit, newsroom: NewsroomKit): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = kit;

  async function page(
    req: FastifyRequest,
    extra: {
      ok?: string | undefined;
      created?: NewInvitation;
      refused?: (errors: Record<string, string>) => PeopleRefusal;
    },
    problems: Readonly<Record<string, Problem>> = {},
  ) {
    const user = newsroom.allow(req, canManageUsers);
    const { t, fmt } = await wordsAndDates(ctx, req, newsroom);
    const [people, invitations, settings] = await Promise.all([
      service.listPeople(ctx, user),
      service.pendingInvitations(ctx, user),
      ctx.settings(),
    ]);
    const errors = problemTexts(t, problems);
    const created = extra.created;
    const origin = requestOrigin(req, ctx.config) ?? "";
    return newsroom.page(
      req,
      { title: t.newsroom.peoplePage.title },
      <PeopleView
        t={t}
        fmt={fmt}
        state={{
          selfId: user.id,
          people,
          invitations,
          require2fa: settings["staff.require2fa"],
          created: created && {
            link: `${origin}${paths.admin.invitation(created.token)}`,
            email: created.email,
            expiresAt: created.expiresAt,
          },
          notice: noticeFor(t, extra.ok),
          refused: extra.refused?.(errors),
          summary: t.formErrors(Object.keys(errors).length),
        }}
      />,
    );
  }

  const send = async (reply: FastifyReply, rendering: Promise<Rendered>) => {
    const rendered = await rendering;
    return reply.type(rendered.type).send(rendered.body);
  };

  /** The page again, the refused person's row carrying the message (and the role chosen). */
  const onPersonRefusal = (req: FastifyRequest, id: number, role?: string) =>
    showFormOnRefusal(req, {
      mainField: "person",
      render: (problems) =>
        page(
          req,
          {
            refused: (errors) => ({
              form: "person",
              id,
              ...(role === undefined ? {} : { role }),
              errors,
            }),
          },
          problems,
        ),
    });

  r.get(paths.admin.people, { schema: { querystring: Done } }, async (req, reply) =>
    send(reply, page(req, { ok: req.query.ok })),
  );

  r.post(
    paths.admin.personRole(":id"),
    { schema: { params: IdParam, body: FormBody } },
    async (req, reply) => {
      const user = newsroom.allow(req, canManageUsers);
      onPersonRefusal(req, req.params.id, shownValue(req.body, "role"));
      await service.changeRole(ctx, user, req.params.id, req.body);
      return reply.redirect(`${paths.admin.people}?ok=role`, 303);
    },
  );

  for (const [path, disabled] of [
    [paths.admin.personDisable(":id"), true],
    [paths.admin.personEnable(":id"), false],
  ] as const) {
    r.post(path, { schema: { params: IdParam } }, async (req, reply) => {
      const user = newsroom.allow(req, canManageUsers);
      onPersonRefusal(req, req.params.id);
      await service.setDisabled(ctx, user, req.params.id, disabled);
      return reply.redirect(`${paths.admin.people}?ok=etat`, 303);
    });
  }

  r.post(
    paths.admin.personResetSecondFactor(":id"),
    { schema: { params: IdParam } },
    async (req, reply) => {
      const user = newsroom.allow(req, canManageUsers);
      await service.resetSecondFactor(ctx, user, req.params.id);
      return reply.redirect(`${paths.admin.people}?ok=double-authentification`, 303);
    },
  );

  r.post(paths.admin.personSignOut(":id"), { schema: { params: IdParam } }, async (req, reply) => {
    const user = newsroom.allow(req, canManageUsers);
    await service.signOutPerson(ctx, user, req.params.id);
    return reply.redirect(`${paths.admin.people}?ok=sessions`, 303);
  });

  r.post(
    paths.admin.requireSecondFactor,
    { schema: { body: Type.Object({ require2fa: Type.Optional(Type.Literal("1")) }) } },
    async (req, reply) => {
      // A setting, changed (and journalled) by the settings module, shown beside the people it
      // concerns; accounts itself never writes settings, which check accounts' rules.
      const user = newsroom.allow(req, canChangeSettings);
      await setSettings(ctx, user, { "staff.require2fa": req.body.require2fa === "1" });
      return reply.redirect(`${paths.admin.people}?ok=exigence`, 303);
    },
  );

  r.post(paths.admin.invitations, { schema: { body: FormBody } }, async (req, reply) => {
    const user = newsroom.allow(req, canManageUsers);
    showFormOnRefusal(req, {
      mainField: "email",
      render: (problems) =>
        page(
          req,
          {
            refused: (errors) => ({
              form: "invite",
              email: shownValue(req.body, "email"),
              role: shownValue(req.body, "role"),
              errors,
            }),
          },
          problems,
        ),
    });
    const created = await service.invite(ctx, user, req.body);
    // The link is shown in this answer, once: only its token's hash is kept.
    return send(reply, page(req, { created }));
  });

  r.post(
    paths.admin.revokeInvitation(":id"),
    { schema: { params: IdParam } },
    async (req, reply) => {
      const user = newsroom.allow(req, canManageUsers);
      await service.revokeInvitation(ctx, user, req.params.id);
      return reply.redirect(`${paths.admin.people}?ok=invitation`, 303);
    },
  );
}
