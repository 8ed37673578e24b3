import type { Ctx } from "../../ctx.js";
import { Invalid } from "../../lib/errors.js";
import { canChangeSettings, ensure, type Actor } from "../accounts/index.js";
import { providerFor } from "../gifs/index.js";
import { spamCheckFor, type KeyCheck } from "../moderation/index.js";
import type { SettingKey, Settings } from "./schema.js";
import * as repo from "./repo.js";

/**
 * An outside service the newsroom turns on with a key: which settings it reads, which of them is
 * the secret, and how to ask the service whether it takes the key. The integrations screen shows
 * one section per entry, with "test this key" and its status line.
 */
export interface Integration {
  readonly name: IntegrationName;
  /** Its settings, in the screen's order; the secret among them. */
  readonly keys: readonly SettingKey[];
  readonly secret: SettingKey;
  verify(settings: Settings, siteUrl: string): Promise<KeyCheck>;
}

export type IntegrationName = "akismet" | "gifs";

export const integrations: readonly Integration[] = [
  {
    name: "akismet",
    keys: ["akismet.apiKey", "akismet.endpoint"],
    secret: "akismet.apiKey",
    verify: (s, siteUrl) =>
      spamCheckFor({ apiKey: s["akismet.apiKey"], endpoint: s["akismet.endpoint"] }).verify(
        siteUrl,
      ),
  },
  {
    // Readers' GIF replies (issue 12): the key is tested with one trending call of the provider
    // chosen; real searches write their failures here too (gifs/search.ts).
    name: "gifs",
    keys: [
      "gif.provider",
      "gif.key",
      "gif.rating",
      "gif.proxyMedia",
      "gif.giphyEndpoint",
      "gif.klipyEndpoint",
      "rateLimit.gifSearch.max",
      "rateLimit.gifSearch.windowSeconds",
    ],
    secret: "gif.key",
    verify: (s) => providerFor(s).verify(),
  },
];

export function integrationNamed(name: string): Integration | undefined {
  return integrations.find((i) => i.name === name);
}

/** Integrations one of whose settings is among `keys`: their last word was about other values. */
export function integrationsUsing(keys: readonly string[]): IntegrationName[] {
  return integrations.filter((i) => i.keys.some((k) => keys.includes(k))).map((i) => i.name);
}

/**
 * Whether a service works, as the status line says it: the last time it answered well, the last
 * error it gave and when. `working` when it answered well since its last error.
 */
export interface IntegrationStatus {
  readonly okAt: string | null;
  readonly error: string | null;
  readonly errorAt: string | null;
  readonly working: boolean;
}

export async function integrationStatus(
  ctx: Ctx,
  name: IntegrationName,
): Promise<IntegrationStatus> {
  const row = await repo.statusRow(ctx.db, name);
  const okAt = row?.ok_at ?? null;
  const errorAt = row?.error_at ?? null;
  return {
    okAt,
    error: row?.error ?? null,
    errorAt,
    working: okAt !== null && (errorAt === null || okAt >= errorAt),
  };
}

/** What a service said, kept short and printable: it is shown to admins and may say anything. */
const ERROR_MAX = 200;
const cleanError = (detail: string): string =>
  // eslint-disable-next-line no-control-regex -- what a remote answer may carry and a page must not
  [...detail.replace(/[\u0000-\u001f\u007f-\u009f]/g, " ")].slice(0, ERROR_MAX).join("");

/**
 * Remembers what a real call to the service answered (a comment checked by Akismet): its error,
 * always; its success only when the status still shows an error, so a working service costs one
 * read per call and no write. Never throws: a status line is not worth a reader's comment.
 */
export async function recordOutcome(
  ctx: Ctx,
  name: IntegrationName,
  outcome: KeyCheck,
): Promise<void> {
  try {
    const now = ctx.clock.now().toISOString();
    if (!outcome.ok) {
      await ctx.write((tx) => repo.recordError(tx.db, name, cleanError(outcome.detail), now));
      return;
    }
    const status = await integrationStatus(ctx, name);
    if (status.errorAt !== null && !status.working)
      await ctx.write((tx) => repo.recordOk(tx.db, name, now));
  } catch (error) {
    ctx.log.warn({ err: error, integration: name }, "integration status not recorded");
  }
}

/**
 * "Test this key": asks the service whether it takes the saved key for this site, keeps the
 * answer as its status, and returns it. Without a saved key there is nothing to test: the key
 * field says so (KIOSQUE_SETTING_INVALID, `noKey`).
 */
export async function testIntegration(
  ctx: Ctx,
  actor: Actor,
  name: IntegrationName,
  siteUrl: string,
): Promise<IntegrationStatus> {
  ensure(actor, canChangeSettings);
  const integration = integrationNamed(name);
  if (!integration) throw new Invalid("KIOSQUE_SETTING_UNKNOWN", { key: { problem: "choice" } });
  const settings = await ctx.settings();
  if (settings[integration.secret] === "")
    throw new Invalid("KIOSQUE_SETTING_INVALID", { [integration.secret]: { problem: "noKey" } });
  const outcome = await integration.verify(settings, siteUrl);
  const now = ctx.clock.now().toISOString();
  await ctx.write((tx) =>
    outcome.ok
      ? repo.recordOk(tx.db, name, now)
      : repo.recordError(tx.db, name, cleanError(outcome.detail), now),
  );
  return integrationStatus(ctx, name);
}
