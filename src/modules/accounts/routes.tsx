import { Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { showFormOnRefusal } from "../../http/form-page.js";
import { safeNext, type NewsroomKit } from "../../http/newsroom.js";
import { FormBody } from "../../http/params.js";
import type { RouteKit } from "../../http/route-kit.js";
import { shownValue } from "../../lib/form-fields.js";
import { problemTexts } from "../../web/i18n/index.js";
import { paths } from "../../web/urls.js";
import * as service from "./service.js";
import { DashboardView } from "./views/dashboard.js";
import { SignInView } from "./views/sign-in.js";

const Next = Type.Object({ next: Type.Optional(Type.String({ maxLength: 2000 })) });

/** Signing in and out of the newsroom, and its first page. */
export function accountRoutes(app: FastifyInstance, kit: RouteKit, newsroom: NewsroomKit): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = kit;
  const anyone = () => true;

  r.get(paths.admin.home, async (req, reply) => {
    const user = newsroom.allow(req, anyone);
    const t = await newsroom.words(req);
    return newsroom.sendPage(
      req,
      reply,
      { title: t.newsroom.dashboard },
      <DashboardView t={t} name={user.name} role={user.role} />,
    );
  });

  r.get(paths.admin.signIn, { schema: { querystring: Next } }, async (req, reply) => {
    // Already signed in: nothing to do here.
    if (req.staff) return reply.redirect(safeNext(req.query.next), 303);
    const t = await newsroom.words(req);
    return newsroom.sendPage(
      req,
      reply,
      { title: t.newsroom.signIn.title },
      <SignInView t={t} state={{ email: "", next: safeNext(req.query.next), errors: {} }} />,
    );
  });

  r.post(paths.admin.signIn, { schema: { body: FormBody } }, async (req, reply) => {
    const email = shownValue(req.body, "email");
    const next = safeNext(shownValue(req.body, "next"));
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
      email,
      password: shownValue(req.body, "password"),
      client: await newsroom.client(req),
      knownDeviceOf: newsroom.knownDevice(req),
      userAgent: req.headers["user-agent"] ?? "",
    });
    // A new session each time: whatever token this browser held before is closed.
    await newsroom.endSession(req, reply);
    newsroom.startSession(req, reply, signedIn.token, signedIn.userId);
    return reply.redirect(next, 303);
  });

  r.post(paths.admin.signOut, async (req, reply) => {
    await newsroom.endSession(req, reply);
    return reply.redirect(paths.admin.signIn, 303);
  });

  r.post(paths.admin.signOutEverywhere, async (req, reply) => {
    const user = newsroom.allow(req, anyone);
    await service.closeAllSessions(ctx, user.id);
    await newsroom.endSession(req, reply);
    return reply.redirect(paths.admin.signIn, 303);
  });
}
