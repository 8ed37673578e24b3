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
/** Longer than any value the comment form accepts: a longer one was not written by us. */
const FIELD_MAX = 2048;
const YEAR_S = 365 * 86_400;
const MONTH_S = 30 * 86_400;

const base = (req: FastifyRequest) =>
  ({ path: "/", httpOnly: true, sameSite: "lax", secure: req.protocol === "https" }) as const;

export interface Commenter {
  name: string;
  email: string;
  website: string;
}

/**
 * What this reader's cookies say, verified: the one reading of them that both the page cache
 * (shared page or personal answer) and the page renderer use, so they can never disagree on
 * what a spelling of the Cookie header means. Parsed from `req.cookies` (@fastify/cookie, which
 * trims blanks, joins repeated headers and keeps the first of repeated names).
 */
export interface ReaderState {
  /** Ids of the reader's own held comments, from a `kq_mine` whose signature holds. */
  ownIds: readonly number[];
  /** The remembered name, e-mail and website, when the cookie holds a usable one. */
  commenter: Commenter | undefined;
  /** Whether anything above would change a page: else the reader is anonymous. */
  personal: boolean;
  /**
   * Everything above in one string: two readers with the same key see the same page (what a
   * page's personal answers are remembered by, http/cacheable.ts).
   */
  key: string;
}

function verifiedIds(secret: string, raw: string | undefined): number[] {
  const value = unsign(secret, raw);
  if (!value) return [];
  return value
    .split(",")
    .map(parseRowId)
    .filter((id) => id !== undefined)
    .slice(-MINE_MAX);
}

function validCommenter(raw: string | undefined): Commenter | undefined {
  if (!raw || raw.length > 3 * FIELD_MAX) return undefined;
  try {
    const v = JSON.parse(raw) as Partial<Commenter> | null;
    const ok = (s: unknown): s is string => typeof s === "string" && s.length <= FIELD_MAX;
    if (v && ok(v.name) && ok(v.email) && ok(v.website) && (v.name !== "" || v.email !== "")) {
      return { name: v.name, email: v.email, website: v.website };
    }
  } catch {
    // A damaged cookie is as good as none.
  }
  return undefined;
}

/**
 * A memo for the life of one request (the key is the request itself): the cache and the
 * renderer ask for the same verified value, and the signature is checked once.
 */
const memo = new WeakMap<FastifyRequest, ReaderState>();

/**
 * The same cookies come back on every page a reader opens: their verified reading is kept by
 * their exact values, so a returning reader costs a lookup instead of an HMAC and a JSON parse
 * (~7 % of a personal page's time). Bounded: a client sending ever new values only replaces
 * entries; an invalid value is remembered as what it is, nothing.
 */
const byValue = new Map<string, ReaderState>();
const BY_VALUE_MAX = 1024;

function read(secret: string, mine: string | undefined, commenterRaw: string | undefined) {
  const ownIds = verifiedIds(secret, mine);
  const commenter = validCommenter(commenterRaw);
  return {
    ownIds,
    commenter,
    personal: ownIds.length > 0 || commenter !== undefined,
    key: JSON.stringify([ownIds, commenter ?? null]),
  };
}

export function readerState(req: FastifyRequest, secret: string): ReaderState {
  const known = memo.get(req);
  if (known) return known;
  const mine = req.cookies[MINE];
  const commenter = req.cookies[COMMENTER];
  let state: ReaderState;
  if (mine === undefined && commenter === undefined) state = ANONYMOUS;
  else {
    // The secret is part of the key: a value signed under another one is read again.
    const valueKey = JSON.stringify([secret, mine ?? null, commenter ?? null]);
    const kept = byValue.get(valueKey);
    state = kept ?? read(secret, mine, commenter);
    if (!kept) {
      if (byValue.size >= BY_VALUE_MAX) byValue.delete(byValue.keys().next().value ?? "");
      byValue.set(valueKey, state);
    }
  }
  memo.set(req, state);
  return state;
}

const ANONYMOUS: ReaderState = Object.freeze({
  ownIds: Object.freeze([]),
  commenter: undefined,
  personal: false,
  key: "",
});

export function rememberOwnComment(
  req: FastifyRequest,
  reply: FastifyReply,
  secret: string,
  id: number,
): void {
  const ids = [...readerState(req, secret).ownIds.filter((x) => x !== id), id].slice(-MINE_MAX);
  reply.setCookie(MINE, sign(secret, ids.join(",")), { ...base(req), maxAge: MONTH_S });
}

/** The most a browser keeps of one cookie, name and value together (RFC 6265 §6.1's floor). */
const COOKIE_BYTES_MAX = 4096;

/** As @fastify/cookie writes it: the JSON %-encoded. */
const fits = (who: Commenter) =>
  COMMENTER.length + 1 + encodeURIComponent(JSON.stringify(who)).length <= COOKIE_BYTES_MAX;

/**
 * Sets the cookie only with the reader's consent, and removes it when consent is withdrawn. A
 * cookie past the browser's limit is dropped whole and silently: the website (500 accented
 * characters are 3,000 bytes once encoded) is left out when keeping it would pass it, and the
 * longest name and address the form takes always fit without it.
 */
export function applyRememberChoice(
  req: FastifyRequest,
  reply: FastifyReply,
  consent: boolean,
  who: Commenter,
): void {
  const kept = fits(who) ? who : { ...who, website: "" };
  if (consent && fits(kept))
    reply.setCookie(COMMENTER, JSON.stringify(kept), { ...base(req), maxAge: YEAR_S });
  else if (req.cookies[COMMENTER]) reply.clearCookie(COMMENTER, { path: "/" });
}
