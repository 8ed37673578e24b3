import type { FastifyReply, FastifyRequest } from "fastify";
import { sign, unsign } from "../lib/crypto.js";
import { parseRowId } from "../lib/row-id.js";

/**
 * The two cookies a reader may get, both HttpOnly and SameSite=Lax:
 * - `kq_mine`: the ids of the reader's own comments still awaiting moderation (signed), so the
 *   reader, and only the reader, sees them with the moderation notice;
 * - `kq_commenter`: name, e-mail and website, only when the reader ticked "remember me".
 */
const MINE = "kq_mine";
const COMMENTER = "kq_commenter";
/** Enough for any real reader's recent comments; the oldest fall off. */
const MINE_MAX = 20;
const YEAR_S = 365 * 86_400;
const MONTH_S = 30 * 86_400;

const base = (req: FastifyRequest) =>
  ({ path: "/", httpOnly: true, sameSite: "lax", secure: req.protocol === "https" }) as const;

/**
 * True when the page this reader gets differs from everyone's (own pending comments, a prefilled
 * form). Read from the raw header: the page cache asks it of every request.
 */
export function hasPersonalCookies(req: FastifyRequest): boolean {
  const header = req.headers.cookie;
  return header !== undefined && (header.includes(`${MINE}=`) || header.includes(`${COMMENTER}=`));
}

export function ownCommentIds(req: FastifyRequest, secret: string): number[] {
  const value = unsign(secret, req.cookies[MINE]);
  if (!value) return [];
  return value
    .split(",")
    .map(parseRowId)
    .filter((id) => id !== undefined)
    .slice(-MINE_MAX);
}

export function rememberOwnComment(
  req: FastifyRequest,
  reply: FastifyReply,
  secret: string,
  id: number,
): void {
  const ids = [...ownCommentIds(req, secret).filter((x) => x !== id), id].slice(-MINE_MAX);
  reply.setCookie(MINE, sign(secret, ids.join(",")), { ...base(req), maxAge: MONTH_S });
}

export interface Commenter {
  name: string;
  email: string;
  website: string;
}

export function rememberedCommenter(req: FastifyRequest): Commenter | undefined {
  const raw = req.cookies[COMMENTER];
  if (!raw) return undefined;
  try {
    const v = JSON.parse(raw) as Partial<Commenter>;
    if (
      typeof v.name === "string" &&
      typeof v.email === "string" &&
      typeof v.website === "string"
    ) {
      return { name: v.name, email: v.email, website: v.website };
    }
  } catch {
    // A damaged cookie is as good as none.
  }
  return undefined;
}

/** Sets the cookie only with the reader's consent, and removes it when consent is withdrawn. */
export function applyRememberChoice(
  req: FastifyRequest,
  reply: FastifyReply,
  consent: boolean,
  who: Commenter,
): void {
  if (consent) reply.setCookie(COMMENTER, JSON.stringify(who), { ...base(req), maxAge: YEAR_S });
  else if (req.cookies[COMMENTER]) reply.clearCookie(COMMENTER, { path: "/" });
}
