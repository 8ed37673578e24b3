import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import { Value } from "@sinclair/typebox/value";
import type { Tables } from "../../db/schema.js";
import type { Ctx } from "../../ctx.js";
import { changeKeys } from "../../lib/change-keys.js";
import { Invalid, type Problem } from "../../lib/errors.js";
import { canChangeSettings, ensure, OPERATOR, type Actor } from "../accounts/index.js";
import { audit } from "../audit/index.js";
import { integrationsUsing } from "./integrations.js";
import { SettingsSchema, type SettingKey, type Settings } from "./schema.js";
import * as repo from "./repo.js";
import { isSettingKey, kindOf, problemOf, schemaOf } from "./values.js";

export { isSettingKey } from "./values.js";

const SECRET_KEY = "internal.secret";

export const defaults: Settings = Value.Default(SettingsSchema, {}) as Settings;

/** Stored values over defaults. A stored value that no longer fits its schema falls back to the default. */
export async function loadSettings(db: Kysely<Tables>): Promise<Settings> {
  const settings: Record<string, unknown> = { ...defaults };
  for (const { key, value } of await repo.allRows(db)) {
    if (!isSettingKey(key)) continue;
    const parsed = safeJson(value);
    if (Value.Check(SettingsSchema.properties[key], parsed)) settings[key] = parsed;
  }
  return settings as Settings;
}

/**
 * The operator sets one setting at the command line (`kiosque settings set`), from text as typed
 * there: JSON when it parses ("5", "true", '["casino"]'), else the text itself ("Europe/Paris").
 * A text setting takes the text as typed whatever JSON it spells ("1984", "true", "null"), or
 * the string a JSON string spells ('"Le Journal"'): "true" as a description was refused as not
 * text. The journal names the operator (id 0) as who changed it.
 */
export async function setSetting(
  ctx: Pick<Ctx, "write">,
  key: string,
  text: string,
): Promise<unknown> {
  if (!isSettingKey(key))
    throw new Invalid("KIOSQUE_SETTING_UNKNOWN", { key: { problem: "choice" } }, { key });
  const parsed = safeJson(text);
  const value =
    schemaOf(key).type === "string"
      ? typeof parsed === "string"
        ? parsed
        : text
      : (parsed ?? text);
  await setSettings(ctx, OPERATOR, { [key]: value });
  return value;
}

/**
 * Sets several settings at once, as a settings screen saves them: every value is checked first
 * (one problem per key, KIOSQUE_SETTING_INVALID), and either all are stored, in one transaction,
 * or none. The change is announced to every instance with the commit (`changeKeys.all`: the name,
 * the language, the rules show on every page), so each reads the new values at its next request.
 * An outside service whose key or address changed has its status forgotten: it said nothing yet
 * of the new one. The journal gets one entry for the change, in its transaction, naming the keys
 * that moved (old → new; a secret only as changed); a save that moves nothing records nothing.
 */
export async function setSettings(
  ctx: Pick<Ctx, "write">,
  actor: Actor,
  values: Readonly<Partial<Record<SettingKey, unknown>>>,
): Promise<void> {
  ensure(actor, canChangeSettings);
  const problems: Record<string, Problem> = {};
  for (const [key, value] of Object.entries(values)) {
    if (!isSettingKey(key))
      throw new Invalid("KIOSQUE_SETTING_UNKNOWN", { key: { problem: "choice" } }, { key });
    const problem = problemOf(key, value);
    if (problem) problems[key] = problem;
  }
  if (Object.keys(problems).length > 0)
    throw new Invalid("KIOSQUE_SETTING_INVALID", problems, { keys: Object.keys(problems) });
  const keys = Object.keys(values) as SettingKey[];
  if (keys.length === 0) return;
  await ctx.write(async (tx, changed) => {
    const before = await loadSettings(tx.db);
    const moved = keys.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(values[k]));
    for (const key of keys) await repo.upsert(tx.db, key, JSON.stringify(values[key]));
    for (const name of integrationsUsing(moved)) await repo.forgetStatus(tx.db, name);
    if (moved.length > 0)
      await audit.record(tx, {
        actor,
        action: "settings.change",
        target: { type: "settings" },
        details: Object.fromEntries(moved.map((k) => [k, change(k, before[k], values[k])])),
      });
    // Name, language, zone, listing sizes, comment rules: any of them shows on every page.
    changed(changeKeys.all);
  });
}

/** A setting's change as the journal keeps it: a secret's values never go there. */
function change(key: SettingKey, from: unknown, to: unknown): SettingChange {
  return kindOf(key) === "secret" ? { changed: true } : { from, to };
}

/** One key's entry in a `settings.change` journal line. */
export type SettingChange = { from: unknown; to: unknown } | { changed: true };

/**
 * The key for signed cookies and keyed hashes. Made once, kept in the database, so that every
 * instance sharing it signs alike and a restart does not forget who posted what.
 */
export async function ensureSecret(db: Kysely<Tables>): Promise<string> {
  const stored = await repo.insertIfAbsent(
    db,
    SECRET_KEY,
    JSON.stringify(randomBytes(32).toString("base64url")),
  );
  return JSON.parse(stored) as string;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
