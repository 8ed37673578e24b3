import { describedBy, Field } from "../../../web/components/field.js";
import type { Formatter } from "../../../web/i18n/format.js";
import type { Messages } from "../../../web/i18n/index.js";
import type { SettingKey } from "../schema.js";
import { choicesOf, kindOf, schemaOf } from "../values.js";

/** What a setting's field shows: as typed (a refused form) or as stored, and its message. */
export interface FieldState {
  value: string | boolean;
  error: string | undefined;
  /** A saved secret, masked (settings/secrets.ts); "" when none is saved. */
  mask?: string;
}

export const fieldId = (key: SettingKey): string => `setting-${key.replaceAll(".", "-")}`;

type FieldWords = Messages["newsroom"]["settingsPage"]["fields"];

/** A setting's label and explanation; every setting a screen shows has both (a test holds it). */
const wordsOf = (t: Messages, key: SettingKey) =>
  t.newsroom.settingsPage.fields[key as keyof FieldWords] ?? { label: key, hint: "" };

function choiceLabel(t: Messages, key: SettingKey, value: string): string {
  if (key === "site.locale") return t.newsroom.localeNames[value as "fr" | "en"] ?? value;
  const labels = t.newsroom.settingsPage.choices as Record<string, Record<string, string>>;
  return labels[key]?.[value] ?? value;
}

/** The explanation, the bounds of a number, what a list or a secret field expects. */
function hintOf(t: Messages, fmt: Formatter, key: SettingKey, state: FieldState): string {
  const s = schemaOf(key);
  const parts = [wordsOf(t, key).hint];
  const kind = kindOf(key);
  if (kind === "integer" && typeof s.minimum === "number" && typeof s.maximum === "number")
    parts.push(t.newsroom.settingsPage.range(fmt.number(s.minimum), fmt.number(s.maximum)));
  if (kind === "list") parts.push(t.newsroom.settingsPage.listHint);
  if (kind === "secret")
    parts.push(
      state.mask
        ? t.newsroom.settingsPage.secretSaved(state.mask)
        : t.newsroom.settingsPage.secretNone,
    );
  return parts.filter(Boolean).join(" ");
}

/**
 * One setting's field, its control chosen by the setting's kind: a line of text, a masked key
 * (never filled in), a whole number, a checkbox, a list of choices or of time zones, a
 * one-entry-a-line list.
 */
export function SettingField({
  t,
  fmt,
  settingKey: key,
  state,
  zones,
}: {
  t: Messages;
  fmt: Formatter;
  settingKey: SettingKey;
  state: FieldState;
  zones: readonly string[];
}) {
  const id = fieldId(key);
  const { label } = wordsOf(t, key);
  const hint = hintOf(t, fmt, key, state);
  const aria = describedBy(id, state.error, hint !== "");
  const text = typeof state.value === "string" ? state.value : "";
  const s = schemaOf(key);
  const kind = kindOf(key);

  if (kind === "boolean") {
    return (
      <p class={state.error ? "field field-checkbox field-invalid" : "field field-checkbox"}>
        <input
          id={id}
          name={key}
          type="checkbox"
          value="1"
          checked={state.value === true}
          {...aria}
        />{" "}
        <label for={id}>{label}</label>
        {hint ? (
          <span class="field-hint" id={`${id}-hint`}>
            {hint}
          </span>
        ) : null}
        {state.error ? (
          <span class="field-error" id={`${id}-error`}>
            {state.error}
          </span>
        ) : null}
      </p>
    );
  }

  let control;
  if (kind === "choice" || kind === "zone") {
    const options = kind === "zone" ? zones : choicesOf(key);
    // A value refused or stored that is not among the options stays shown, as typed.
    const all = text !== "" && !options.includes(text) ? [text, ...options] : options;
    control = (
      <select id={id} name={key} {...aria}>
        {all.map((o) => (
          <option value={o} selected={o === text}>
            {kind === "zone" ? o : choiceLabel(t, key, o)}
          </option>
        ))}
      </select>
    );
  } else if (kind === "list") {
    control = (
      <textarea id={id} name={key} rows={6} {...aria}>
        {text}
      </textarea>
    );
  } else if (kind === "secret") {
    control = (
      <input
        id={id}
        name={key}
        type="password"
        autocomplete="off"
        spellcheck={false}
        value=""
        {...aria}
      />
    );
  } else {
    control = (
      <input
        id={id}
        name={key}
        type="text"
        value={text}
        {...(kind === "integer"
          ? { inputMode: "numeric" as const, class: "field-number" }
          : typeof s.maxLength === "number"
            ? { maxLength: s.maxLength }
            : {})}
        {...aria}
      />
    );
  }
  return (
    <Field id={id} label={label} error={state.error} hint={hint}>
      {control}
    </Field>
  );
}
