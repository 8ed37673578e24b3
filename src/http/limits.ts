import type { ServerOptions } from "node:http";

/**
 * How much, and how long, the server listens to one client, each with its reason. Past them a
 * request is refused before any route runs: Node answers 431 or 408 itself, or closes the
 * connection; Fastify's 413 and 414 come through our error page. In one place, so that a reverse
 * proxy in front can be tuned to match.
 */

/** Largest request body: a 5,000-character comment in any script, form-encoded, fits with room. */
export const BODY_LIMIT = 256 * 1024;

/**
 * Largest article form (the newsroom's): a 500,000-character body (editing/fields.ts) of accented
 * text, form-encoded at up to 9 bytes a character, with its other fields. Past the general limit
 * a long read would be answered 413 and its text lost; staff are signed in before it is read.
 */
export const ARTICLE_FORM_LIMIT = 5 * 1024 * 1024;

/**
 * Largest request head (request line and every header), Node's `maxHeaderSize`; beyond it Node
 * answers 431. Node's own default, written out so that it cannot move under us: our two cookies
 * (kq_mine, a signed list of at most 20 ids, and kq_commenter, a name, e-mail and website) take
 * well under 2 KB, reader URLs carry a slug of at most 200 characters and a page number, and
 * proxies add a few headers. It also bounds the query string: 100 KB of it is refused here.
 */
export const MAX_HEADER_SIZE = 16 * 1024;

/**
 * Longest path parameter the router takes, once decoded, in UTF-16 units (Fastify answers 414
 * beyond). Slugs are letters and digits of any script (lib/slug.ts), at most 200 characters by
 * the route schemas, two units each at most: 500 leaves room, and the schema refuses a longer one
 * with a page of its own. Measured decoded, a slug of Chinese letters, nine characters each
 * when percent-encoded, fits as well as a Latin one.
 */
export const MAX_PARAM_LENGTH = 500;

/**
 * A client has this long to send its whole head: browsers send it in one packet. This is the
 * slowloris defence: a client trickling header bytes no longer holds a socket for minutes.
 */
export const HEADERS_TIMEOUT_MS = 10_000;

/**
 * A client has this long to send its whole request, body included: the largest body (above)
 * over a poor mobile link (~100 kbit/s) takes about 20 s. Fastify's default is no limit at all,
 * which its documentation warns against for a server without a proxy in front.
 */
export const REQUEST_TIMEOUT_MS = 30_000;

/**
 * An idle kept-alive connection is closed after this. Fastify's default, kept on purpose: it is
 * longer than the usual reverse-proxy upstream idle timeouts (60 s), so that the proxy closes
 * idle connections first and never sends a request on one we are closing (a 502 for a reader).
 */
export const KEEP_ALIVE_TIMEOUT_MS = 72_000;

/**
 * A connection that moves no byte either way for this long, mid-request, is closed: a client
 * that stops reading its answer would otherwise hold the socket and the answer's memory forever.
 */
export const IDLE_TIMEOUT_MS = 60_000;

/**
 * How often Node looks for requests past the two timeouts above. Its default (30 s) would let a
 * 10 s headers timeout run to 40 s.
 */
export const TIMEOUT_CHECK_INTERVAL_MS = 2_000;

/**
 * The limits as Fastify server options. `http` goes to Node's http.createServer unchanged
 * (Fastify 5 passes `options.http` through), which is the only place maxHeaderSize,
 * headersTimeout and the checking interval can be set without a serverFactory; Fastify then sets
 * requestTimeout, keepAliveTimeout and the idle timeout on the server itself, so those three go
 * through its own options (a value under `http` would be overwritten by Fastify's defaults).
 */
export const serverLimits = {
  bodyLimit: BODY_LIMIT,
  requestTimeout: REQUEST_TIMEOUT_MS,
  keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS,
  connectionTimeout: IDLE_TIMEOUT_MS,
  http: {
    maxHeaderSize: MAX_HEADER_SIZE,
    headersTimeout: HEADERS_TIMEOUT_MS,
    connectionsCheckingInterval: TIMEOUT_CHECK_INTERVAL_MS,
  } satisfies ServerOptions,
} as const;
