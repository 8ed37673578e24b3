import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import { Value } from "@sinclair/typebox/value";
import type { Tables } from "../../db/schema.js";
import type { Ctx } from "../../ctx.js";
import { changeKeys } from "../../lib/change-keys.js";
import { Invalid } from "../../lib/errors.js";
import { hasControlCharacters } from "../../lib/text.js";
import { SettingsSchema, type SettingKey, type Settings } from "./schema.js";
import * as repo from "./repo.js";

const SECRET_KEY = "internal.secret";

export const defaults: Settings = Value.Default(SettingsSchema, {}) as Settings;

export function isSettingKey(key: string): key is SettingKey {
  return Object.hasOwn(SettingsSchema.properties, key);
}

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
 * Sets one setting from text as typed on a command line: JSON when it parses ("5", "true",
 * '["casino"]'), else the text itself ("Europe/Paris").
 */
export async function setSetting(
  ctx: Pick<Ctx, "write">,
  key: string,
  text: string,
): Promise<unknown> {
  if (!isSettingKey(key))
    throw new Invalid("KIOSQUE_SETTING_UNKNOWN", { key: { problem: "choice" } }, { key });
  const parsed = safeJson(text) ?? text;
  const value =
    typeof parsed === "number" && SettingsSchema.properties[key].type === "string" ? text : parsed;
  // Refused, never stripped: a NUL could not move to PostgreSQL, nor show in a page.
  if (textsIn(value).some(hasControlCharacters))
    throw new Invalid("KIOSQUE_SETTING_INVALID", { [key]: { problem: "control" } }, { key });
  if (!Value.Check(SettingsSchema.properties[key], value)) {
    throw new Invalid("KIOSQUE_SETTING_INVALID", { [key]: { problem: "choice" } }, { key, text });
  }
  if (key === "site.timezone" && !isTimeZone(value as string)) {
    throw new Invalid("KIOSQUE_SETTING_INVALID", { [key]: { problem: "choice" } }, { key, text });
  }
  await ctx.write(async (tx, changed) => {
    await repo.upsert(tx.db, key, JSON.stringify(value));
    // Name, language, zone, listing sizes, comment rules: any of them shows on every page.
    changed(changeKeys.all);
  });
  return value;
}

/** Every text in a setting's value, lists included ('["ca\\u0000sino"]' holds a NUL once parsed). */
function textsIn(value: unknown): string[] {
  if (typeof value === "string") return [value];
  return Array.isArray(value) ? value.flatMap(textsIn) : [];
}

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

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
