import { Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { showFormOnRefusal } from "../../http/form-page.js";
import { safeNext, type NewsroomKit } from "../../http/newsroom.js";
import { FormBody } from "../../http/params.js";
import type { RouteKit } from "../../http/route-kit.js";
import { sentOnce, shownValue } from "../../lib/form-fields.js";
import { problemTexts } from "../../web/i18n/index.js";
import { paths } from "../../web/urls.js";
import { canSecureOwnAccount } from "./permissions.js";
import { accountRoutes as ownAccountRoutes } from "./routes/account.js";
import { invitationRoutes } from "./routes/invitation.js";
import { peopleRoutes } from "./routes/people.js";
import { secondFactorRoutes } from "./routes/second-factor.js";
import { askerOf } from "./routes/common.js";
import * as service from "./service.js";
import { SecondStepView } from "./views/second-step.js";
import { SignInView } from "./views/sign-in.js";

const Next = Type.Object({ next: Type.Optional(Type.String({ maxLength: 2000 })) });

/**
 * Signing in and out of the newsroom (both steps), and the rest of accounts (its first page is
 * the dashboard module's):
 * the person's own account and second factor, people and invitations (routes/).
 */
export function accountRoutes(app: FastifyInstance, kit: RouteKit, newsroom: NewsroomKit): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = kit;
  const secondStep = (next: string) =>
    next === paths.admin.home
      ? paths.admin.secondStep
      : `${paths.admin.secondStep}?next=${encodeURIComponent(next)}`;

  r.get(paths.admin.signIn, { schema: { querystring: Next } }, async (req, reply) => {
    const next = safeNext(req.query.next);
    // Already signed in: nothing to do here. Half-way: on to the code.
    if (req.staff) return reply.redirect(next, 303);
    if (newsroom.pendingSession(req)) return reply.redirect(secondStep(next), 303);
    const t = await newsroom.words(req);
    return newsroom.sendPage(
      req,
      reply,
      { title: t.newsroom.signIn.title },
      <SignInView t={t} state={{ email: "", next, errors: {} }} />,
    );
  });

  r.post(paths.admin.signIn, { schema: { body: FormBody } }, async (req, reply) => {
    const email = shownValue(req.body, "email");
    const next = safeNext(sentOnce(req.body, "next"));
    showFormOnRefusal(req, {
      mainField: "password",
      async render(problems) {
        const t = await newsroom.words(req);
        const errors = problemTexts(t, problems);
        const state = { email, next, errors, summary: t.formErrors(Object.keys(errors).length) };
        return newsroom.page(
          req,
          { title: t.newsroom.signIn.title },
          <SignInView t={t} state={state} />,
        );
      },
    });
    const signedIn = await service.signIn(ctx, {
      // A repeated field signs in as nobody (`required`): its first text is only shown back.
      email: sentOnce(req.body, "email"),
      password: sentOnce(req.body, "password"),
      client: await newsroom.client(req),
      knownDeviceOf: newsroom.knownDevice(req),
      userAgent: req.headers["user-agent"] ?? "",
    });
    // A new session each time: whatever token this browser held before is closed.
    await newsroom.endSession(req, reply);
    if (signedIn.stage === "password") {
      // The device cookie waits for the second factor: a password alone makes no known device.
      newsroom.startSession(req, reply, signedIn.token);
      return reply.redirect(secondStep(next), 303);
    }
    newsroom.startSession(req, reply, signedIn.token, signedIn.userId);
    return reply.redirect(next, 303);
  });

  r.get(paths.admin.secondStep, { schema: { querystring: Next } }, async (req, reply) => {
    const next = safeNext(req.query.next);
    if (req.staff) return reply.redirect(next, 303);
    const pending = newsroom.pendingSession(req);
    if (!pending) return reply.redirect(paths.admin.signIn, 303);
    const t = await newsroom.words(req);
    return newsroom.sendPage(
      req,
      reply,
      { title: t.newsroom.secondStep.title },
      <SecondStepView t={t} state={{ next, errors: {} }} />,
    );
  });

  r.post(paths.admin.secondStep, { schema: { body: FormBody } }, async (req, reply) => {
    const next = safeNext(sentOnce(req.body, "next"));
    const pending = newsroom.pendingSession(req);
    // The half-open session ended (ten minutes, signed out): start again.
    if (!pending) return reply.redirect(paths.admin.signIn, 303);
    showFormOnRefusal(req, {
      mainField: "code",
      async render(problems) {
        const t = await newsroom.words(req);
        const errors = problemTexts(t, problems);
        const state = { next, errors, summary: t.formErrors(Object.keys(errors).length) };
        return newsroom.page(
          req,
          { title: t.newsroom.secondStep.title },
          <SecondStepView t={t} state={state} />,
        );
      },
    });
    const token = await service.completeSignIn(ctx, req.body, {
      ...(await askerOf(req, newsroom)),
      token: pending.token,
      userAgent: req.headers["user-agent"] ?? "",
    });
    newsroom.startSession(req, reply, token, pending.session.user.id);
    return reply.redirect(next, 303);
  });

  r.post(paths.admin.signOut, async (req, reply) => {
    await newsroom.endSession(req, reply);
    return reply.redirect(paths.admin.signIn, 303);
  });

  r.post(paths.admin.signOutEverywhere, async (req, reply) => {
    const user = newsroom.allow(req, canSecureOwnAccount);
    await service.closeAllSessions(ctx, user.id);
    await newsroom.endSession(req, reply);
    return reply.redirect(paths.admin.signIn, 303);
  });

  ownAccountRoutes(app, kit, newsroom);
  secondFactorRoutes(app, kit, newsroom);
  peopleRoutes(app, kit, newsroom);
  invitationRoutes(app, kit, newsroom);
}
