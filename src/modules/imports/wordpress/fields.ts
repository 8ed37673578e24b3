import { decodeHTML } from "entities";
import sanitizeHtml from "sanitize-html";
import { zonedToInstant } from "../../../lib/zoned-time.js";
import type { ArticleStatus } from "../../articles/index.js";
import type { CommentStatus } from "../../comments/index.js";

/**
 * Reading a WordPress export's fields as Kiosque keeps them. Pure: no database.
 */

/** WordPress's empty date. */
const ZERO_DATE = /^0000-00-00/;
const SQL_DATE = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}(?::\d{2})?)$/;

/**
 * The instant of a post or comment: its GMT date when the export has one, else its local date read
 * in the site's time zone (WordPress leaves drafts' GMT date empty). Undefined without either.
 */
export function instantOf(gmt: string, local: string, timeZone: string): Date | undefined {
  const g = SQL_DATE.exec(gmt.trim());
  if (g && !ZERO_DATE.test(gmt)) {
    const d = new Date(`${g[1]}T${g[2]}Z`);
    if (!Number.isNaN(d.getTime())) return d;
  }
  const l = SQL_DATE.exec(local.trim());
  if (l && !ZERO_DATE.test(local)) return zonedToInstant(`${l[1]}T${l[2]}`, timeZone);
  return undefined;
}

// C0 and C1 controls but tab and new lines, and lone surrogates: no field keeps them (a NUL
// cannot move to PostgreSQL). An entity or a percent-encoding may spell one (`&#1;`, `%00`).
// eslint-disable-next-line no-control-regex -- removing them is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|\p{Cs}/gu;
export const clean = (text: string) => text.replace(CONTROL, "");

/** Names and titles: WordPress keeps some with entities (`&amp;`, `&#039;`); shown as text here. */
export function plainText(text: string): string {
  return clean(decodeHTML(text)).replace(/\s+/g, " ").trim();
}

/**
 * A post's or page's title: HTML in WordPress, which themes print as it is ("Title <em>With</em>
 * Markup" shows in italics there). Kiosque's titles are text: the words, without the tags that
 * readers would otherwise see spelled out.
 */
export function titleText(html: string): string {
  return textOf(html).replace(/\s+/g, " ");
}

/** An excerpt or a comment: HTML to the plain text Kiosque keeps, paragraphs as blank lines. */
export function textOf(html: string): string {
  const marked = html
    .replace(/\r\n?/g, "\n")
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<\/p>\s*/gi, "\n\n");
  // Most comments are plain text: without a tag or an entity there is nothing to strip or
  // decode, and the parser is most of a comment's import time.
  const stripped = /[<&]/.test(marked)
    ? decodeHTML(sanitizeHtml(marked, { allowedTags: [], allowedAttributes: {} }))
    : marked;
  return clean(stripped)
    .replace(/[ \t]+\n/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

export type PostFate = { status: ArticleStatus; note?: "private" | "password" } | { skip: string };

/**
 * The mapping: published → published; future → scheduled; draft and pending → draft;
 * private and password-protected → draft (not public), with a note; trash → skipped.
 */
export function postFate(status: string, password: string): PostFate {
  if (status === "trash") return { skip: "in the trash" };
  if (status === "auto-draft" || status === "inherit") return { skip: `status ${status}` };
  if (status === "private") return { status: "draft", note: "private" };
  if (password !== "") return { status: "draft", note: "password" };
  if (status === "publish") return { status: "published" };
  if (status === "future") return { status: "scheduled" };
  if (status === "draft" || status === "pending") return { status: "draft" };
  return { status: "draft" };
}

export function commentStatus(approved: string): CommentStatus {
  switch (approved) {
    case "1":
    case "approve":
      return "approved";
    case "spam":
      return "spam";
    case "trash":
    case "post-trashed":
      return "trash";
    default:
      return "pending";
  }
}

/** A post's slug: WordPress stores non-ASCII ones percent-encoded. */
export function slugText(postName: string): string {
  try {
    return clean(decodeURIComponent(postName));
  } catch {
    return clean(postName);
  }
}

/** A website a commenter gave: http(s) only, else none. */
export function website(url: string): string | null {
  const text = url.trim();
  if (text === "" || text === "http://") return null;
  try {
    const u = new URL(text);
    return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
  } catch {
    return null;
  }
}

/** The first value of a post meta key. */
export const metaOf = (meta: readonly { key: string; value: string }[], key: string) =>
  meta.find((m) => m.key === key)?.value;
