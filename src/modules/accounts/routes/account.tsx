import { Type } from "@sinclair/typebox";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { showFormOnRefusal } from "../../../http/form-page.js";
import type { NewsroomKit } from "../../../http/newsroom.js";
import { FormBody } from "../../../http/params.js";
import type { RouteKit } from "../../../http/route-kit.js";
import { NotFound, type Problem } from "../../../lib/errors.js";
import { shownValue } from "../../../lib/form-fields.js";
import { describeUserAgent } from "../../../lib/user-agent.js";
import { problemTexts, type Messages } from "../../../web/i18n/index.js";
import { paths } from "../../../web/urls.js";
import { PASSWORD_MIN } from "../passwords.js";
import { canUseNewsroom } from "../permissions.js";
import * as service from "../service.js";
import { AccountView, type AccountRefusal } from "../views/account.js";
import { askerOf, Done, wordsAndDates } from "./common.js";

/** `?ok=` values the account page confirms (after a redirect), and the words it says. */
const noticeFor = (t: Messages, ok: string | undefined): string | undefined =>
  ok === "profil"
    ? t.newsroom.saved
    : ok === "mot-de-passe"
      ? t.newsroom.accountPage.passwordChanged
      : ok === "session"
        ? t.newsroom.accountPage.sessionClosed
        : undefined;

/** The person's own account: name and language, password, sessions. */
export function accountRoutes(app: FastifyInstance, kit: RouteKit, newsroom: NewsroomKit): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = kit;

  async function page(
    req: FastifyRequest,
    extra: { ok?: string | undefined; refused?: (t: Record<string, string>) => AccountRefusal },
    problems: Readonly<Record<string, Problem>> = {},
  ) {
    const user = newsroom.allow(req, canUseNewsroom);
    const { t, fmt } = await wordsAndDates(ctx, req, newsroom);
    const sessions = await service.listSessions(ctx, user, req.staff?.idHash ?? "");
    const errors = problemTexts(t, problems);
    const state = {
      name: user.name,
      locale: user.locale,
      email: user.email,
      hasSecondFactor: user.hasSecondFactor,
      sessions: sessions.map((s) => ({
        ...s,
        browser: describeUserAgent(s.userAgent) ?? t.newsroom.accountPage.unknownBrowser,
      })),
      passwordMin: PASSWORD_MIN,
      notice: noticeFor(t, extra.ok),
      refused: extra.refused?.(errors),
      summary: t.formErrors(Object.keys(errors).length),
    };
    return newsroom.page(
      req,
      { title: t.newsroom.account },
      <AccountView t={t} fmt={fmt} state={state} />,
    );
  }

  r.get(paths.admin.account, { schema: { querystring: Done } }, async (req, reply) => {
    const rendered = await page(req, { ok: req.query.ok });
    return reply.type(rendered.type).send(rendered.body);
  });

  r.post(paths.admin.accountProfile, { schema: { body: FormBody } }, async (req, reply) => {
    const user = newsroom.allow(req, canUseNewsroom);
    showFormOnRefusal(req, {
      mainField: "name",
      render: (problems) =>
        page(
          req,
          {
            refused: (errors) => ({
              form: "profile",
              name: shownValue(req.body, "name"),
              locale: shownValue(req.body, "locale"),
              errors,
            }),
          },
          problems,
        ),
    });
    await service.updateProfile(ctx, user, req.body);
    return reply.redirect(`${paths.admin.account}?ok=profil`, 303);
  });

  r.post(paths.admin.accountPassword, { schema: { body: FormBody } }, async (req, reply) => {
    const user = newsroom.allow(req, canUseNewsroom);
    showFormOnRefusal(req, {
      mainField: "current",
      render: (problems) =>
        page(req, { refused: (errors) => ({ form: "password", errors }) }, problems),
    });
    await service.changePassword(ctx, user, req.body, {
      ...(await askerOf(req, newsroom)),
      keep: req.staff?.idHash ?? "",
    });
    return reply.redirect(`${paths.admin.account}?ok=mot-de-passe`, 303);
  });

  r.post(
    paths.admin.accountCloseSession,
    // A session is named by its token's hash (base64url, sessions.ts): anything else names none,
    // and a NUL could not even be asked of PostgreSQL.
    {
      schema: {
        body: Type.Object({ session: Type.String({ pattern: "^[A-Za-z0-9_-]{1,100}$" }) }),
      },
    },
    async (req, reply) => {
      const user = newsroom.allow(req, canUseNewsroom);
      try {
        await service.closeSession(ctx, user, req.body.session);
      } catch (error) {
        // Not theirs, or closed already: their page says so, where the list of sessions is.
        if (!(error instanceof NotFound) || kit.wantsJson(req)) throw error;
        const rendered = await page(req, { refused: () => ({ form: "session" }) });
        return reply.status(404).type(rendered.type).send(rendered.body);
      }
      return reply.redirect(`${paths.admin.account}?ok=session`, 303);
    },
  );
}
