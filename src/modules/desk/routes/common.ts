import { Type } from "@sinclair/typebox";
import type { FastifyRequest } from "fastify";
import type { Ctx } from "../../../ctx.js";
import { safeNext, type NewsroomKit } from "../../../http/newsroom.js";
import { PageNumber, QueryInt, RowIdQuery } from "../../../http/params.js";
import { parseRowId } from "../../../lib/row-id.js";
import { formatter, type Formatter } from "../../../web/i18n/format.js";
import type { Messages } from "../../../web/i18n/index.js";
import { paths } from "../../../web/urls.js";
import type { CommentStatus } from "../../comments/index.js";

export const STATUSES: readonly CommentStatus[] = ["pending", "approved", "spam", "trash"];

/** A row id in a path (`/admin/commentaires/:id/...`). */
export const IdParam = Type.Object({ id: RowIdQuery() });

/** A queue's address: `?statut=&article=&q=&page=`, and what the last action did (`fait`, `n`). */
export const QueueQuery = Type.Object({
  statut: Type.Optional(
    Type.Union(
      STATUSES.map((s) => Type.Literal(s)),
      { default: "pending" },
    ),
  ),
  article: Type.Optional(RowIdQuery()),
  // Far past the search's own limit, so that a long one comes back with the search's message.
  q: Type.Optional(Type.String({ maxLength: 10_000 })),
  page: Type.Optional(PageNumber()),
  fait: Type.Optional(Type.String({ maxLength: 20 })),
  n: Type.Optional(QueryInt({ minimum: 0, maximum: 10_000_000 })),
});

/** `?retour=`: the queue a form came from. */
export const Back = Type.Object({ retour: Type.Optional(Type.String({ maxLength: 2000 })) });

/** A queue as an address names it. */
export interface QueueAt {
  status: CommentStatus;
  article: number | undefined;
  q: string;
  page: number;
}

/**
 * Where a desk form goes back to: the queue it came from, or the pending queue. Never another
 * page, and never another site (`safeNext`).
 */
export function deskReturn(value: string | undefined): string {
  const next = safeNext(value);
  return next === paths.admin.desk || next.startsWith(`${paths.admin.desk}?`)
    ? next
    : paths.admin.deskQueue({ status: "pending" });
}

/** The queue a (checked) return address names, to show it again. */
export function queueAt(back: string): QueueAt {
  const query = new URL(back, "http://desk.invalid").searchParams;
  const status = query.get("statut") ?? "pending";
  const page = Number(query.get("page") ?? "1");
  return {
    status: (STATUSES as readonly string[]).includes(status)
      ? (status as CommentStatus)
      : "pending",
    article: parseRowId(query.get("article") ?? ""),
    q: (query.get("q") ?? "").slice(0, 10_000),
    page: Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1,
  };
}

/** The return address, saying what was done (`fait`, `n`), on the comment to look at next. */
export function backWith(back: string, done: string, n?: number, focus?: number): string {
  const url = new URL(back, "http://desk.invalid");
  url.searchParams.set("fait", done);
  if (n === undefined) url.searchParams.delete("n");
  else url.searchParams.set("n", String(n));
  return `${url.pathname}${url.search}${focus === undefined ? "" : `#desk-comment-${focus}`}`;
}

/** The person's words and dates in their language, in the site's time zone. */
export async function wordsAndDates(
  ctx: Ctx,
  req: FastifyRequest,
  newsroom: NewsroomKit,
): Promise<{ t: Messages; fmt: Formatter }> {
  const [t, settings] = await Promise.all([newsroom.words(req), ctx.settings()]);
  return { t, fmt: formatter(t, settings["site.timezone"]) };
}

/** What the page says after an action (`?fait=approve&n=3`), in the person's words. */
export function doneNotice(t: Messages, done: string | undefined, n: number | undefined) {
  const words = t.desk.done;
  switch (done) {
    case "approve":
    case "spam":
    case "trash":
    case "restore":
      return n === 0 ? t.desk.nothingDone : words[done](n ?? 1);
    case "feature":
    case "unfeature":
    case "removeGif":
    case "noGif":
    case "edit":
    case "reply":
    case "ban":
    case "lift":
      return words[done];
    default:
      return undefined;
  }
}
