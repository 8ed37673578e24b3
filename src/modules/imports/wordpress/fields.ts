import { decodeHTML } from "entities";
import sanitizeHtml from "sanitize-html";
import { withoutControlCharacters } from "../../../lib/text.js";
import { zonedToInstant } from "../../../lib/zoned-time.js";
import { nestsTooDeep, withoutTags } from "../../../lib/html-depth.js";
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
  if (g && !ZERO_DATE.test(gmt) && onCalendar(g[1] ?? "", g[2] ?? "")) {
    const d = new Date(`${g[1]}T${g[2]}Z`);
    if (!Number.isNaN(d.getTime())) return d;
  }
  const l = SQL_DATE.exec(local.trim());
  if (l && !ZERO_DATE.test(local) && onCalendar(l[1] ?? "", l[2] ?? ""))
    return zonedToInstant(`${l[1]}T${l[2]}`, timeZone);
  return undefined;
}

/**
 * A day and time that exist: `2020-02-30` was read as the 1st of March, `25:00` as the next
 * day's, without a word. None reads, and the caller says so.
 */
function onCalendar(day: string, time: string): boolean {
  const [y = 0, m = 0, d = 0] = day.split("-").map(Number);
  const [h = 0, min = 0, sec = 0] = time.split(":").map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return (
    date.getUTCFullYear() === y &&
    date.getUTCMonth() === m - 1 &&
    date.getUTCDate() === d &&
    h < 24 &&
    min < 60 &&
    sec < 60
  );
}

/** Text without what no field may hold (lib/text.ts's one rule): an export's control characters. */
export const clean = (text: string) => withoutControlCharacters(text);

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
  // HTML nested past what the parser reads in time (lib/html-depth.ts) loses its tags without it.
  const stripped = /[<&]/.test(marked)
    ? decodeHTML(
        nestsTooDeep(marked)
          ? withoutTags(marked)
          : sanitizeHtml(marked, { allowedTags: [], allowedAttributes: {} }),
      )
    : marked;
  return (
    clean(stripped)
      // Not `[ \t]+\n`, which read a long run of spaces from each of them.
      .replace(/[ \t]+(\n?)/g, (run, nl: string) => (nl ? nl : run))
      .replace(/\n{3,}/g, "\n\n")
      .trim()
  );
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
