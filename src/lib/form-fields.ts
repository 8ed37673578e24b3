import { nestsTooDeep } from "./html-depth.js";
import type { Problem } from "./errors.js";
import { parseRowId } from "./row-id.js";
import { hasControlCharacters, isBlank } from "./text.js";

/** A posted form as Fastify hands it over: each field text, or a list when repeated. */
export type RawForm = Readonly<Record<string, unknown>>;

/** Length as a person counts it: characters, not UTF-16 units. */
export const charLength = (s: string): number => {
  let n = 0;
  for (const _ of s) n++;
  return n;
};

/**
 * What to show back in a refused form: the text as typed. A field sent twice is refused
 * (`notText`) but shows its first text beside that message, so nothing typed is lost; anything
 * else that is not text shows as empty. For showing only: a value acted on is read with
 * `FormReader` or `sentOnce`, which never take one text of a list.
 */
export function shownValue(raw: RawForm, key: string): string {
  const v = raw[key];
  const first: unknown = Array.isArray(v) ? v[0] : v;
  return typeof first === "string" ? first : "";
}

/** A field's text when it was sent once; "" when missing, repeated or not text. */
export function sentOnce(raw: RawForm, key: string): string {
  const v = raw[key];
  return typeof v === "string" ? v : "";
}

export interface TextRule {
  required?: boolean;
  /** Most characters accepted. Every text field has one: nothing is stored unbounded. */
  max: number;
  min?: number;
  /** Line breaks allowed (a body, a bio); a one-line field refuses them like control characters. */
  multiline?: boolean;
}

/**
 * Reads a posted form field by field, collecting one problem per field: what a form's service
 * validates with, so that every form refuses the same way (empty, too long, wrong type, control
 * characters) and words it with the same problem codes. Values are trimmed at the ends only; a
 * required one that shows nothing (blanks, zero-width characters) is empty.
 */
export class FormReader {
  readonly problems: Record<string, Problem> = {};
  constructor(private readonly raw: RawForm) {}

  text(key: string, rule: TextRule): string {
    const v = this.raw[key];
    if (v !== undefined && v !== null && typeof v !== "string") {
      this.problems[key] = { problem: "notText" };
      return "";
    }
    const value = (v ?? "").trim();
    // Refused, not stripped: what is stored is what was typed (a NUL cannot move to PostgreSQL).
    const control = rule.multiline
      ? hasControlCharacters(value.replace(/\r?\n|\t/g, " "))
      : hasControlCharacters(value);
    if (control) this.problems[key] = { problem: "control" };
    else if (rule.required && isBlank(value)) this.problems[key] = { problem: "required" };
    else if (charLength(value) > rule.max)
      this.problems[key] = { problem: "tooLong", limit: rule.max };
    else if (value && rule.min !== undefined && charLength(value) < rule.min)
      this.problems[key] = { problem: "tooShort", limit: rule.min };
    return value;
  }

  /**
   * An HTML body (an article's, a page's): a multiline text, refused when its elements nest
   * deeper than any browser reads (lib/html-depth.ts), which the sanitiser's parser would take
   * seconds to minutes over.
   */
  html(key: string, rule: Omit<TextRule, "multiline">): string {
    const value = this.text(key, { ...rule, multiline: true });
    if (!this.problems[key] && nestsTooDeep(value)) this.refuse(key, { problem: "tooDeep" });
    return value;
  }

  /**
   * A password: never trimmed (a space is part of one), never shown back. Control characters are
   * refused as in any field: no keyboard types them.
   */
  secret(key: string, rule: TextRule): string {
    const v = this.raw[key];
    if (v !== undefined && v !== null && typeof v !== "string") {
      this.problems[key] = { problem: "notText" };
      return "";
    }
    const value = v ?? "";
    if (hasControlCharacters(value)) this.problems[key] = { problem: "control" };
    // A new one (it has a minimum length) that shows nothing, zero-width characters or blanks,
    // could never be typed again. One asked for (the current password) is compared as it is.
    else if (rule.required && (rule.min === undefined ? !value : isBlank(value)))
      this.problems[key] = { problem: "required" };
    else if (charLength(value) > rule.max)
      this.problems[key] = { problem: "tooLong", limit: rule.max };
    else if (value && rule.min !== undefined && charLength(value) < rule.min)
      this.problems[key] = { problem: "tooShort", limit: rule.min };
    return this.problems[key] ? "" : value;
  }

  /** A field that may repeat (checkboxes, a multiple select): its texts, each checked alike. */
  list(key: string, rule: TextRule & { maxItems: number }): string[] {
    const v = this.raw[key];
    const items = v === undefined ? [] : Array.isArray(v) ? v : [v];
    if (items.length > rule.maxItems || items.some((i) => typeof i !== "string")) {
      this.problems[key] = { problem: "notText" };
      return [];
    }
    const out: string[] = [];
    for (const item of items as string[]) {
      const probe = new FormReader({ [key]: item });
      const value = probe.text(key, rule);
      const problem = probe.problems[key];
      if (problem) {
        this.problems[key] = problem;
        return [];
      }
      if (value) out.push(value);
    }
    return out;
  }

  /**
   * A row chosen from a menu by its id (a section, an image): whatever names no row, long or
   * short, is the wrong choice, never a text too long. Undefined when nothing was chosen.
   */
  rowId(key: string, rule: { required?: boolean } = {}): number | undefined {
    const text = this.text(key, { required: rule.required ?? false, max: Infinity });
    if (text === "" || this.problems[key]) return undefined;
    const id = parseRowId(text);
    if (id === undefined) this.refuse(key, { problem: "choice" });
    return id;
  }

  /** Rows chosen from a list (authors), each as `rowId` reads one, without repeats. */
  rowIds(key: string, rule: { maxItems: number }): number[] {
    const texts = this.list(key, { max: Infinity, maxItems: rule.maxItems });
    const ids = texts.map(parseRowId);
    if (ids.some((id) => id === undefined)) {
      this.refuse(key, { problem: "choice" });
      return [];
    }
    return [...new Set(ids as number[])];
  }

  /**
   * A whole number typed in a field (a place in a list), from `min` to `max`; undefined when left
   * empty or refused. Said as a number's problem, never as a text too long.
   */
  integer(key: string, rule: { min: number; max: number }): number | undefined {
    const text = this.text(key, { max: Infinity });
    if (text === "" || this.problems[key]) return undefined;
    if (!/^-?\d{1,15}$/.test(text)) {
      this.refuse(key, { problem: "notNumber" });
      return undefined;
    }
    const n = Number(text);
    if (n < rule.min) this.refuse(key, { problem: "belowMin", limit: rule.min });
    else if (n > rule.max) this.refuse(key, { problem: "aboveMax", limit: rule.max });
    return this.problems[key] ? undefined : n;
  }

  /** A checkbox: present and not empty means ticked. */
  flag(key: string): boolean {
    const v = this.raw[key];
    return typeof v === "string" && v !== "";
  }

  /** One of the given values; a list is `notText` as in any field, other text `choice`. */
  choice<T extends string>(key: string, allowed: readonly T[], fallback?: T): T | undefined {
    const v = this.raw[key];
    if (typeof v === "string" && (allowed as readonly string[]).includes(v)) return v as T;
    const absent = v === undefined || v === "";
    if (absent && fallback !== undefined) return fallback;
    this.problems[key] = {
      problem: absent ? "required" : typeof v === "string" ? "choice" : "notText",
    };
    return undefined;
  }

  /** Adds a problem found by a rule beyond the field's shape (a taken slug, a past date). */
  refuse(key: string, problem: Problem): void {
    this.problems[key] ??= problem;
  }

  get ok(): boolean {
    return Object.keys(this.problems).length === 0;
  }
}
