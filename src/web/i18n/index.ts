import { errorCodes, type ErrorCode } from "../../lib/error-codes.js";
import type { Problem } from "../../lib/errors.js";
import { en } from "./en.js";
import { fr, type Messages } from "./fr.js";

export type { Messages };
export type Locale = "fr" | "en";

/** The languages the interface speaks: what an article's language may be chosen from. */
export const locales: readonly Locale[] = ["fr", "en"];

export const isLocale = (s: string): s is Locale => (locales as readonly string[]).includes(s);

/** Each language named in itself, as a menu of languages shows them. */
export const autonyms: Record<Locale, string> = { fr: "Français", en: "English" };

const catalogues: Record<Locale, Messages> = { fr, en };

export function messages(locale: Locale): Messages {
  return catalogues[locale];
}

/** The words for one field problem, in the site's language. */
function problemText(t: Messages, p: Problem): string {
  const entry = t.problems[p.problem];
  return typeof entry === "function" ? entry(p.limit ?? 0) : entry;
}

/** A message per field, for a form that comes back or a JSON answer. */
export function problemTexts(
  t: Messages,
  problems: Readonly<Record<string, Problem>>,
): Record<string, string> {
  return Object.fromEntries(Object.entries(problems).map(([f, p]) => [f, problemText(t, p)]));
}

/**
 * The public words for an error code, by the key the registry gives it (lib/error-codes.ts): a
 * key missing from the catalogues fails to compile here.
 */
export function errorWords(t: Messages, code: ErrorCode): { title: string; text: string } {
  return t.errors[errorCodes[code].messageKey];
}
