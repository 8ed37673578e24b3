import type { Problem } from "../../lib/errors.js";
import { charLength, shownValue } from "../../lib/form-fields.js";
import { hasControlCharacters, isBlank } from "../../lib/text.js";
import type { Settings } from "../settings/index.js";
import { parseRowId } from "../../lib/row-id.js";

/** The comment form as the reader typed it: kept verbatim so a rejected form comes back whole. */
export interface CommentFormValues {
  name: string;
  email: string;
  website: string;
  body: string;
  parent: string;
  remember: boolean;
  /** The id of the GIF picked in Kiosque's picker (gifs module), or "". */
  gif: string;
}

export const emptyCommentForm: CommentFormValues = {
  name: "",
  email: "",
  website: "",
  body: "",
  parent: "",
  remember: false,
  gif: "",
};

export type RawForm = Readonly<Record<string, unknown>>;

export interface ValidComment {
  name: string;
  email: string;
  website: string | null;
  body: string;
  parentId: number | null;
}

/** Limits that are not settings, each with its reason. */
const EMAIL_MAX = 254; // RFC 5321's path limit
const WEBSITE_MAX = 500; // long enough for any real home page, short enough to show

// The WHATWG definition of a valid e-mail address: the one the browser's type=email applies, so
// the server never refuses what the browser let through, nor the reverse.
const EMAIL =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;

function text(raw: RawForm, key: string): string | Problem {
  const v = raw[key];
  if (v === undefined || v === null) return "";
  if (typeof v !== "string") return { problem: "notText" };
  // Refused, not stripped: what is stored is what was typed, and a NUL could not move to PostgreSQL.
  if (hasControlCharacters(v)) return { problem: "control" };
  return v;
}

/** What to show back in the form: every value kept as typed, by the rule of every form. */
export function formValues(raw: RawForm): CommentFormValues {
  const s = (k: string) => shownValue(raw, k);
  return {
    name: s("name"),
    email: s("email"),
    website: s("website"),
    body: s("body"),
    parent: s("parent"),
    remember: raw["remember"] === "1" || raw["remember"] === "on",
    gif: s("gif"),
  };
}

/**
 * Checks each field and says, per field, what is wrong. Values are stored as typed (a name of
 * spaces and symbols included); only e-mail and website lose surrounding blanks, which browsers
 * trim from those inputs too.
 */
export function validateComment(
  raw: RawForm,
  settings: Settings,
): { ok: true; value: ValidComment } | { ok: false; problems: Record<string, Problem> } {
  const problems: Record<string, Problem> = {};

  const name = checkName(raw, settings, problems);

  const emailRaw = text(raw, "email");
  const email = typeof emailRaw === "string" ? emailRaw.trim() : "";
  if (typeof emailRaw !== "string") problems.email = emailRaw;
  else if (email === "") problems.email = { problem: "required" };
  else if (email.length > EMAIL_MAX) problems.email = { problem: "tooLong", limit: EMAIL_MAX };
  else if (!EMAIL.test(email)) problems.email = { problem: "email" };

  const website = checkWebsite(raw, problems);
  const body = checkBody(raw, settings, problems);

  const parentRaw = text(raw, "parent");
  let parentId: number | null = null;
  if (typeof parentRaw !== "string") problems.body ??= { problem: "unknownParent" };
  else if (parentRaw !== "") {
    parentId = parseRowId(parentRaw) ?? null;
    if (parentId === null) problems.body ??= { problem: "unknownParent" };
  }

  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return { ok: true, value: { name, email, website, body, parentId } };
}

/** What the newsroom may change in a comment: its name, website and text, by the same rules. */
export interface EditedComment {
  name: string;
  website: string | null;
  body: string;
}

export function validateEdit(
  raw: RawForm,
  settings: Settings,
): { ok: true; value: EditedComment } | { ok: false; problems: Record<string, Problem> } {
  const problems: Record<string, Problem> = {};
  const name = checkName(raw, settings, problems);
  const website = checkWebsite(raw, problems);
  const body = checkBody(raw, settings, problems);
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return { ok: true, value: { name, website, body } };
}

/** A reply from the newsroom: its text, by the readers' rules (name and address are the account's). */
export function validateStaffReply(
  raw: RawForm,
  settings: Settings,
): { ok: true; body: string } | { ok: false; problems: Record<string, Problem> } {
  const problems: Record<string, Problem> = {};
  const body = checkBody(raw, settings, problems);
  return Object.keys(problems).length > 0 ? { ok: false, problems } : { ok: true, body };
}

function checkName(raw: RawForm, settings: Settings, problems: Record<string, Problem>): string {
  const name = text(raw, "name");
  if (typeof name !== "string") problems.name = name;
  else if (isBlank(name)) problems.name = { problem: "required" };
  else if (charLength(name) > settings["comments.nameMax"])
    problems.name = { problem: "tooLong", limit: settings["comments.nameMax"] };
  return typeof name === "string" ? name : "";
}

function checkWebsite(raw: RawForm, problems: Record<string, Problem>): string | null {
  const websiteRaw = text(raw, "website");
  const website = typeof websiteRaw === "string" ? websiteRaw.trim() : "";
  if (typeof websiteRaw !== "string") problems.website = websiteRaw;
  else if (charLength(website) > WEBSITE_MAX)
    problems.website = { problem: "tooLong", limit: WEBSITE_MAX };
  // "http://localhost" starts as asked and is still no site a reader could visit: the message
  // says what is wanted, not only how it starts.
  else if (website !== "" && !isWebAddress(website)) problems.website = { problem: "website" };
  return website === "" ? null : website;
}

function checkBody(raw: RawForm, settings: Settings, problems: Record<string, Problem>): string {
  const body = text(raw, "body");
  const min = settings["comments.bodyMin"];
  const max = settings["comments.bodyMax"];
  if (typeof body !== "string") problems.body = body;
  else if (isBlank(body)) problems.body = { problem: "required" };
  else if (charLength(body.trim()) < min) problems.body = { problem: "tooShort", limit: min };
  else if (charLength(body) > max) problems.body = { problem: "tooLong", limit: max };
  return typeof body === "string" ? body : "";
}

function isWebAddress(value: string): boolean {
  if (!/^https?:\/\//i.test(value) || /\s/u.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname.includes(".");
  } catch {
    return false;
  }
}
