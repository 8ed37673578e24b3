import { Type } from "@sinclair/typebox";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { showFormOnRefusal } from "../../http/form-page.js";
import type { NewsroomKit } from "../../http/newsroom.js";
import { requestOrigin } from "../../http/origin.js";
import { FormBody } from "../../http/params.js";
import type { RouteKit } from "../../http/route-kit.js";
import { NotFound, type Problem } from "../../lib/errors.js";
import type { RawForm } from "../../lib/form-fields.js";
import { formatter } from "../../web/i18n/format.js";
import { problemTexts, type Messages } from "../../web/i18n/index.js";
import { paths } from "../../web/urls.js";
import { canChangeSettings } from "../accounts/index.js";
import { media } from "../media/index.js";
import {
  integrationNamed,
  integrations,
  integrationStatus,
  testIntegration,
} from "./integrations.js";
import { keysOf, screenIds, type ScreenId } from "./screens.js";
import { saveScreen, shownValues } from "./screen-form.js";
import { maskSecret } from "./secrets.js";
import { setSettings } from "./service.js";
import { kindOf } from "./values.js";
import type { FieldState } from "./views/setting-field.js";
import { SettingsScreenView } from "./views/settings-screen.js";

/** `?ok=…`: what the screen just did, to say it was. */
const Done = Type.Object({
  ok: Type.Optional(
    Type.Union([
      Type.Literal("1"),
      Type.Literal("test"),
      Type.Literal("cle"),
      Type.Literal("logo"),
      Type.Literal("sans-logo"),
    ]),
  ),
});
const Service = Type.Object({ name: Type.String({ maxLength: 40 }) });

/** Every zone this Node knows (IANA), the site's current one first when it is an alias. */
const ZONES: readonly string[] = Intl.supportedValuesOf("timeZone");

const notices = (t: Messages): Record<string, string> => ({
  "1": t.newsroom.settingsPage.saved,
  test: t.newsroom.settingsPage.tested,
  cle: t.newsroom.settingsPage.keyRemoved,
  logo: t.newsroom.settingsPage.logo.saved,
  "sans-logo": t.newsroom.settingsPage.logo.removed,
});

/**
 * The settings screens (admins only, `canChangeSettings`): the site, the discussion rules and
 * the outside services. A screen saves all its values or none (settings `saveScreen`); the
 * change reaches every instance with the commit. Secrets go in and never come out: the page
 * shows a mask of a saved key, and an empty key field keeps it.
 */
export function settingsRoutes(app: FastifyInstance, kit: RouteKit, newsroom: NewsroomKit): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = kit;

  /** The screen, with stored values, or (`posted`) the values of a refused form and their messages. */
  async function page(
    req: FastifyRequest,
    screen: ScreenId,
    extra: {
      notice?: string | undefined;
      posted?: RawForm;
      problems?: Record<string, Problem>;
      /** The logo form, refused: the number as typed. */
      logo?: string;
    },
  ) {
    newsroom.allow(req, canChangeSettings);
    const [t, settings] = await Promise.all([newsroom.words(req), ctx.settings()]);
    const fmt = formatter(t, settings["site.timezone"]);
    const errors = problemTexts(t, extra.problems ?? {});
    const shown = extra.posted ? shownValues(screen, extra.posted) : undefined;
    const fields: Partial<Record<string, FieldState>> = {};
    for (const key of keysOf(screen)) {
      const stored = settings[key];
      const value =
        shown?.[key] ??
        (kindOf(key) === "secret"
          ? ""
          : Array.isArray(stored)
            ? stored.join("\n")
            : typeof stored === "boolean"
              ? stored
              : String(stored));
      fields[key] = {
        value,
        error: errors[key],
        ...(kindOf(key) === "secret" ? { mask: maskSecret(String(stored)) } : {}),
      };
    }
    const services =
      screen === "integrations"
        ? await Promise.all(
            integrations.map(async (i) => ({
              name: i.name,
              hasKey: settings[i.secret] !== "",
              status: await integrationStatus(ctx, i.name),
            })),
          )
        : undefined;
    const logo = screen === "site" ? await media.logoOf(ctx, settings) : undefined;
    // The narrowest WebP variant (widest first in a MediaItem) or, before they exist, the master.
    const thumb =
      logo && (logo.variants.filter((v) => v.format === "webp").at(-1)?.src ?? logo.src);
    return newsroom.page(
      req,
      {
        title: `${t.newsroom.settingsPage.title} — ${t.newsroom.settingsPage.screens[screen]}`,
        ...(screen === "site" ? { scripts: [kit.assets.mediaPickerIsland] } : {}),
      },
      <SettingsScreenView
        t={t}
        fmt={fmt}
        state={{
          screen,
          fields,
          zones: ZONES,
          notice: extra.notice,
          summary: extra.problems ? t.formErrors(Object.keys(errors).length) : undefined,
          publicUrl: ctx.config.publicUrl,
          services,
          logo:
            screen === "site"
              ? {
                  current:
                    logo && thumb
                      ? { id: logo.id, src: thumb, filename: logo.filename }
                      : undefined,
                  value: extra.logo ?? (logo ? String(logo.id) : ""),
                  error: extra.logo === undefined ? undefined : errors.logo,
                }
              : undefined,
        }}
      />,
    );
  }

  for (const screen of screenIds) {
    const url = paths.admin.settings[screen];
    r.get(url, { schema: { querystring: Done } }, async (req, reply) => {
      const t = await newsroom.words(req);
      const ok = req.query.ok;
      const rendered = await page(req, screen, { notice: ok ? notices(t)[ok] : undefined });
      return reply.type(rendered.type).send(rendered.body);
    });

    r.post(url, { schema: { body: FormBody } }, async (req, reply) => {
      const user = newsroom.allow(req, canChangeSettings);
      showFormOnRefusal(req, {
        mainField: keysOf(screen)[0] ?? "",
        render: (problems) => page(req, screen, { posted: req.body, problems: { ...problems } }),
      });
      await saveScreen(ctx, user, screen, req.body);
      return reply.redirect(`${url}?ok=1`, 303);
    });
  }

  r.post(paths.admin.siteLogo, { schema: { body: FormBody } }, async (req, reply) => {
    const user = newsroom.allow(req, canChangeSettings);
    const typed = typeof req.body.logo === "string" ? req.body.logo : "";
    showFormOnRefusal(req, {
      mainField: "logo",
      render: (problems) => page(req, "site", { problems: { ...problems }, logo: typed }),
    });
    await media.useAsLogo(ctx, user, req.body);
    const done = typed.trim() === "" ? "sans-logo" : "logo";
    return reply.redirect(`${paths.admin.settings.site}?ok=${done}#site-logo`, 303);
  });

  /** An integration named in a path, or a 404: only those settings/integrations.ts lists. */
  const named = (name: string) => {
    const integration = integrationNamed(name);
    if (!integration) throw new NotFound("integration", { name });
    return integration;
  };

  r.post(
    paths.admin.integrationTest(":name"),
    { schema: { params: Service } },
    async (req, reply) => {
      const user = newsroom.allow(req, canChangeSettings);
      const integration = named(req.params.name);
      showFormOnRefusal(req, {
        mainField: integration.secret,
        render: (problems) => page(req, "integrations", { problems: { ...problems } }),
      });
      await testIntegration(ctx, user, integration.name, requestOrigin(req, ctx.config) ?? "");
      return reply.redirect(
        `${paths.admin.settings.integrations}?ok=test#integration-${integration.name}`,
        303,
      );
    },
  );

  r.post(
    paths.admin.integrationRemoveKey(":name"),
    { schema: { params: Service } },
    async (req, reply) => {
      const user = newsroom.allow(req, canChangeSettings);
      const integration = named(req.params.name);
      await setSettings(ctx, user, { [integration.secret]: "" });
      return reply.redirect(`${paths.admin.settings.integrations}?ok=cle`, 303);
    },
  );
}
