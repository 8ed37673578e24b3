import type { Problem } from "../../lib/errors.js";
import { MAX_ROW_ID } from "../../lib/row-id.js";
import { hasControlCharacters } from "../../lib/text.js";

/** Limits that are not settings, each with its reason. */
const LIMITS = {
  // A screen reader reads it whole: a sentence or two, with room for a complex picture.
  alt: 500,
  // Shown under the image: a short paragraph.
  caption: 1000,
  // "Photo: name / agency".
  credit: 200,
} as const;

/** Longest kept file name; what browsers send is rarely past 100. */
const FILENAME_MAX = 200;
/** The library's search box. */
export const QUERY_MAX = 200;

export type DetailField = keyof typeof LIMITS;
export type Details = Partial<Record<DetailField, string>>;

/** Length as a person counts it: characters, not UTF-16 units. */
function length(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** One text field: absent stays absent; blanks around it go; control characters are refused. */
function text(value: unknown, max: number): string | Problem | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "string") return { problem: "notText" };
  // Refused, not stripped: what is stored is what was typed, and a NUL could not move to PostgreSQL.
  if (hasControlCharacters(value)) return { problem: "control" };
  const trimmed = value.trim();
  if (length(trimmed) > max) return { problem: "tooLong", limit: max };
  return trimmed;
}

/** Alternative text, caption and credit, each checked; problems per field. */
export function checkDetails(input: Readonly<Record<string, unknown>>): {
  values: Details;
  problems: Record<string, Problem>;
} {
  const values: Details = {};
  const problems: Record<string, Problem> = {};
  for (const field of Object.keys(LIMITS) as DetailField[]) {
    const result = text(input[field], LIMITS[field]);
    if (typeof result === "string") values[field] = result;
    else if (result !== undefined) problems[field] = result;
  }
  return { values, problems };
}

/** The library's search words: a problem, or the words without surrounding blanks. */
export function checkQuery(q: unknown): string | Problem {
  const result = text(q ?? "", QUERY_MAX);
  return result ?? "";
}

/**
 * The name an upload came with, kept to show and search, never to name a file: its last path
 * segment, without control or invisible formatting characters, blanks run together, cut to a
 * length. Never refused: a strange name is the browser's or the camera's, not the person's.
 */
export function cleanFilename(name: unknown): string {
  const raw = typeof name === "string" ? name : "";
  const last = raw.split(/[/\\]/).pop() ?? "";
  const clean = last
    .normalize("NFC")
    // Lone surrogates have no UTF-8; controls and Cf (bidi overrides, zero-width) could disguise
    // the name ("gpj.exe" shown as "exe.jpg").
    // eslint-disable-next-line no-control-regex -- removing them is the point
    .replace(/[\u0000-\u001F\u007F-\u009F\uFFFE\uFFFF]|\p{Cf}|\p{Cs}/gu, "")
    .replace(/\s+/gu, " ")
    .trim();
  return [...clean].slice(0, FILENAME_MAX).join("") || "image";
}

/** An id that can name a row: a request's number past PostgreSQL's integer would fail the query. */
export function isRowId(id: unknown): id is number {
  return typeof id === "number" && Number.isInteger(id) && id >= 1 && id <= MAX_ROW_ID;
}
