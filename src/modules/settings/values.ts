import type { TSchema } from "@sinclair/typebox";
import { Value } from "@sinclair/typebox/value";
import type { Problem } from "../../lib/errors.js";
import { hasControlCharacters, isBlank } from "../../lib/text.js";
import { SettingsSchema, type SettingKey } from "./schema.js";

/** What kind of value a setting holds: how a screen asks for it and how a form is read. */
export type SettingKind = "text" | "secret" | "integer" | "boolean" | "choice" | "zone" | "list";

export const settingKeys = Object.keys(SettingsSchema.properties) as SettingKey[];

export function isSettingKey(key: string): key is SettingKey {
  return Object.hasOwn(SettingsSchema.properties, key);
}

/** The schema of one setting, with the keywords the screens read. */
export function schemaOf(key: SettingKey): TSchema {
  return SettingsSchema.properties[key] as TSchema;
}

export function kindOf(key: SettingKey): SettingKind {
  const s = schemaOf(key);
  if (key === "site.timezone") return "zone";
  if (s.anyOf) return "choice";
  if (s.type === "integer") return "integer";
  if (s.type === "boolean") return "boolean";
  if (s.type === "array") return "list";
  return s.secret === true ? "secret" : "text";
}

/** The values a choice allows, in the schema's order. */
export function choicesOf(key: SettingKey): string[] {
  const union = schemaOf(key).anyOf as readonly { const: unknown }[] | undefined;
  return (union ?? []).map((l) => String(l.const));
}

/** A pattern's refusal, in words a person can act on (the schema's `pattern` says it to code). */
const patternProblem: Partial<Record<SettingKey, Problem>> = {
  "akismet.apiKey": { problem: "lettersDigits" },
  "akismet.endpoint": { problem: "url" },
  "gif.key": { problem: "lettersDigits" },
  "gif.giphyEndpoint": { problem: "url" },
  "gif.klipyEndpoint": { problem: "url" },
};

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Every text in a setting's value, lists included ('["ca\\u0000sino"]' holds a NUL once parsed). */
function textsIn(value: unknown): string[] {
  if (typeof value === "string") return [value];
  return Array.isArray(value) ? value.flatMap(textsIn) : [];
}

/**
 * A text's length as the schema counts it (UTF-16 units, as JSON Schema's validators do): loading
 * a stored value checks it again with the schema, so a screen must not accept what would then be
 * dropped. A letter outside the Basic Multilingual Plane counts twice.
 */
const length = (s: string): number => s.length;

/**
 * What is wrong with this value for this setting, in the words a form shows (one problem), or
 * undefined when it fits. The schema is the rule; this says which part of it failed.
 */
export function problemOf(key: SettingKey, value: unknown): Problem | undefined {
  const s = schemaOf(key);
  // Refused, never stripped: a NUL could not move to PostgreSQL, nor show in a page.
  if (textsIn(value).some(hasControlCharacters)) return { problem: "control" };
  switch (kindOf(key)) {
    case "integer": {
      if (typeof value !== "number" || !Number.isInteger(value)) return { problem: "notNumber" };
      if (typeof s.minimum === "number" && value < s.minimum)
        return { problem: "belowMin", limit: s.minimum };
      if (typeof s.maximum === "number" && value > s.maximum)
        return { problem: "aboveMax", limit: s.maximum };
      break;
    }
    case "text":
    case "secret":
    case "zone": {
      if (typeof value !== "string") return { problem: "notText" };
      if ((s.minLength ?? 0) > 0 && isBlank(value)) return { problem: "required" };
      if (typeof s.maxLength === "number" && length(value) > s.maxLength)
        return { problem: "tooLong", limit: s.maxLength };
      if (typeof s.pattern === "string" && !new RegExp(s.pattern).test(value))
        return patternProblem[key] ?? { problem: "choice" };
      if (key === "site.timezone" && !isTimeZone(value)) return { problem: "choice" };
      break;
    }
    case "list": {
      if (!Array.isArray(value) || value.some((v) => typeof v !== "string"))
        return { problem: "notText" };
      if (typeof s.maxItems === "number" && value.length > s.maxItems)
        return { problem: "tooManyLines", limit: s.maxItems };
      const item = s.items as TSchema;
      const max = typeof item.maxLength === "number" ? item.maxLength : Infinity;
      if ((value as string[]).some((v) => length(v) > max))
        return { problem: "lineTooLong", limit: max };
      break;
    }
    case "boolean":
    case "choice":
      break;
  }
  // The schema has the last word (a boolean, a choice, anything the cases above did not name).
  return Value.Check(s, value) ? undefined : { problem: "choice" };
}
