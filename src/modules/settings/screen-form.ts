import type { Ctx } from "../../ctx.js";
import { Invalid, type Problem } from "../../lib/errors.js";
import { canChangeSettings, ensure, type Actor } from "../accounts/index.js";
import { FormReader, shownValue, type RawForm } from "../../lib/form-fields.js";
import type { SettingKey } from "./schema.js";
import { keysOf, type ScreenId } from "./screens.js";
import { setSettings } from "./service.js";
import { kindOf, problemOf, schemaOf } from "./values.js";

/** Longest text a screen field reads at all: past the schema's own limits, said as tooLong. */
const FIELD_MAX = 100_000;

/** A whole number as people type it: digits, a leading minus at most. */
const INTEGER = /^-?\d{1,15}$/;

/** One value of a screen's form as posted, read for its setting: the value, or its problem. */
function readValue(
  form: FormReader,
  raw: RawForm,
  key: SettingKey,
): { value?: unknown; problem?: Problem; keep?: true } {
  const kind = kindOf(key);
  const v = raw[key];
  if (v !== undefined && typeof v !== "string") return { problem: { problem: "notText" } };
  if (kind === "boolean") return { value: form.flag(key) };
  const s = schemaOf(key);
  const text = form.text(key, {
    max: kind !== "list" && typeof s.maxLength === "number" ? s.maxLength : FIELD_MAX,
    multiline: kind === "list",
  });
  const shape = form.problems[key];
  if (shape) return { problem: shape };
  switch (kind) {
    case "integer":
      if (text === "") return { problem: { problem: "required" } };
      return INTEGER.test(text) ? { value: Number(text) } : { problem: { problem: "notNumber" } };
    case "list":
      // One entry a line; blank lines are nothing.
      return {
        value: text
          .split(/\r?\n/)
          .map((l) => l.trim())
          .filter((l) => l !== ""),
      };
    case "secret":
      // Left empty, the saved key stays: it is never sent to the browser to come back.
      return text === "" ? { keep: true } : { value: text };
    default:
      return { value: text };
  }
}

/**
 * Reads a screen's posted form and saves it whole (settings/service.ts `setSettings`: all or
 * nothing). Refused, it throws Invalid with one problem per field; a new secret typed in a
 * refused form is not shown back, so its field asks for it again (`retypeSecret`).
 */
export async function saveScreen(
  ctx: Pick<Ctx, "write">,
  actor: Actor,
  screen: ScreenId,
  raw: RawForm,
): Promise<void> {
  // Before a field is read: a refusal says nothing of the values.
  ensure(actor, canChangeSettings);
  const form = new FormReader(raw);
  const values: Partial<Record<SettingKey, unknown>> = {};
  const problems: Record<string, Problem> = {};
  const typedSecrets: SettingKey[] = [];
  for (const key of keysOf(screen)) {
    const read = readValue(form, raw, key);
    if (read.problem) problems[key] = read.problem;
    else if (!read.keep) {
      const problem = problemOf(key, read.value);
      if (problem) problems[key] = problem;
      else values[key] = read.value;
      if (kindOf(key) === "secret") typedSecrets.push(key);
    }
  }
  if (Object.keys(problems).length > 0) {
    for (const key of typedSecrets) problems[key] ??= { problem: "retypeSecret" };
    throw new Invalid("KIOSQUE_SETTING_INVALID", problems, { screen });
  }
  await setSettings(ctx, actor, values);
}

/** What a refused form shows back in each field: the text as typed; a secret, never. */
export function shownValues(screen: ScreenId, raw: RawForm): Record<string, string | boolean> {
  const form = new FormReader(raw);
  return Object.fromEntries(
    keysOf(screen).map((key) => {
      const kind = kindOf(key);
      if (kind === "boolean") return [key, form.flag(key)];
      return [key, kind === "secret" ? "" : shownValue(raw, key)];
    }),
  );
}
