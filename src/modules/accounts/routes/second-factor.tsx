import type { FastifyInstance, FastifyRequest } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { showFormOnRefusal } from "../../../http/form-page.js";
import type { NewsroomKit } from "../../../http/newsroom.js";
import { FormBody } from "../../../http/params.js";
import type { RouteKit } from "../../../http/route-kit.js";
import type { Problem } from "../../../lib/errors.js";
import { problemTexts } from "../../../web/i18n/index.js";
import { paths } from "../../../web/urls.js";
import { canSecureOwnAccount } from "../permissions.js";
import * as service from "../service.js";
import {
  RecoveryCodesView,
  SecondFactorView,
  type SecondFactorPageState,
} from "../views/second-factor.js";
import { askerOf, Done, wordsAndDates } from "./common.js";

/**
 * The QR code of an `otpauth://` address, as an SVG in a data: URL: drawn on the server (the
 * secret never leaves it for a QR service), and an image the CSP allows (`img-src data:`) where
 * inline SVG markup would need styles it refuses.
 */
async function qrDataUrl(uri: string): Promise<string> {
  // Loaded when a second factor is set up, not at every start (qrcode and pngjs: ~60 files).
  const { default: QRCode } = await import("qrcode");
  const svg = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
}

type Form = "confirm" | "renew" | "disable";

/** The person's second factor: set up, recovery codes, turn off. */
export function secondFactorRoutes(
  app: FastifyInstance,
  kit: RouteKit,
  newsroom: NewsroomKit,
): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = kit;

  async function page(
    req: FastifyRequest,
    extra: { ok?: string | undefined; refused?: Form },
    problems: Readonly<Record<string, Problem>> = {},
  ) {
    const user = newsroom.allow(req, canSecureOwnAccount);
    const { t, fmt } = await wordsAndDates(ctx, req, newsroom);
    const factor = await service.secondFactorState(ctx, user);
    const errors = problemTexts(t, problems);
    const state: SecondFactorPageState = {
      enabled: factor.enabled,
      enabledAt: factor.enabledAt,
      recoveryCodesLeft: factor.recoveryCodesLeft,
      pending: factor.pending && {
        secret: factor.pending.secret,
        qr: await qrDataUrl(factor.pending.uri),
      },
      required: req.staff?.mustEnrol ?? false,
      notice: extra.ok === "desactivee" ? t.newsroom.twoFactor.disabled : undefined,
      refused: extra.refused && { form: extra.refused, errors },
      summary: t.formErrors(Object.keys(errors).length),
    };
    return newsroom.page(
      req,
      { title: t.newsroom.twoFactor.title },
      <SecondFactorView t={t} fmt={fmt} state={state} />,
    );
  }

  /** Shows the page again with the form's messages when the service refuses. */
  const onRefusal = (req: FastifyRequest, form: Form) =>
    showFormOnRefusal(req, {
      mainField: "code",
      render: (problems) => page(req, { refused: form }, problems),
    });

  async function showCodes(req: FastifyRequest, codes: readonly string[]) {
    const t = await newsroom.words(req);
    return newsroom.page(
      req,
      { title: t.newsroom.twoFactor.codesTitle },
      <RecoveryCodesView t={t} codes={codes} />,
    );
  }

  r.get(paths.admin.secondFactor, { schema: { querystring: Done } }, async (req, reply) => {
    const rendered = await page(req, { ok: req.query.ok });
    return reply.type(rendered.type).send(rendered.body);
  });

  r.post(paths.admin.secondFactorStart, async (req, reply) => {
    const user = newsroom.allow(req, canSecureOwnAccount);
    await service.startEnrolment(ctx, user);
    return reply.redirect(paths.admin.secondFactor, 303);
  });

  r.post(paths.admin.secondFactorConfirm, { schema: { body: FormBody } }, async (req, reply) => {
    const user = newsroom.allow(req, canSecureOwnAccount);
    onRefusal(req, "confirm");
    const codes = await service.confirmEnrolment(ctx, user, req.body, await askerOf(req, newsroom));
    // Shown in this answer, once: only their hashes are kept.
    const rendered = await showCodes(req, codes);
    return reply.type(rendered.type).send(rendered.body);
  });

  r.post(paths.admin.secondFactorRenew, { schema: { body: FormBody } }, async (req, reply) => {
    const user = newsroom.allow(req, canSecureOwnAccount);
    onRefusal(req, "renew");
    const codes = await service.renewRecoveryCodes(
      ctx,
      user,
      req.body,
      await askerOf(req, newsroom),
    );
    const rendered = await showCodes(req, codes);
    return reply.type(rendered.type).send(rendered.body);
  });

  r.post(paths.admin.secondFactorDisable, { schema: { body: FormBody } }, async (req, reply) => {
    const user = newsroom.allow(req, canSecureOwnAccount);
    onRefusal(req, "disable");
    await service.disableSecondFactor(ctx, user, req.body, await askerOf(req, newsroom));
    return reply.redirect(`${paths.admin.secondFactor}?ok=desactivee`, 303);
  });
}
