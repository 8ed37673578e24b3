import { pino, type Logger } from "pino";

/**
 * Paths whose last segment is a secret that opens something (an invitation link's token, a
 * preview link's, which shows an unpublished article for days without signing in: web/urls.ts):
 * the logs keep the path without it, so that reading a log never lets anyone in.
 */
const SECRET_SEGMENT = /^(\/admin\/invitation\/|\/apercu\/)[^/?#]+/;

/** A query key as forms and links write them: anything else in its place was typed. */
const KEY = /^[A-Za-z0-9_.[\]-]{1,40}$/;
/** A page, a comment's number: kept, so the logs still tell requests apart. */
const NUMBER = /^[0-9]{1,12}$/;

/**
 * What people type travels in query strings: a reader's search words, the e-mail a moderator
 * looks for on the desk, an address to come back to. The logs keep each key and the values
 * that are numbers; every other value is "…".
 */
function withoutTypedValues(query: string): string {
  return query
    .split("&")
    .map((pair) => {
      const eq = pair.indexOf("=");
      const [key, value] = eq < 0 ? ["", pair] : [pair.slice(0, eq), pair.slice(eq + 1)];
      const shownKey = key === "" || KEY.test(key) ? key : "…";
      const shownValue = value === "" || NUMBER.test(value) ? value : "…";
      return eq < 0 ? shownValue : `${shownKey}=${shownValue}`;
    })
    .join("&");
}

/** A request's URL as the logs keep it. */
export function loggedUrl(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  const q = url.indexOf("?");
  const path = (q < 0 ? url : url.slice(0, q)).replace(SECRET_SEGMENT, "$1…");
  return q < 0 ? path : `${path}?${withoutTypedValues(url.slice(q + 1))}`;
}

/**
 * Fastify's logger (pino), with request serializers that leave out the client's address and
 * headers: IPs never reach the logs at info level (principle 6), nor secrets in URLs.
 */
export function createLogger(options: { logLevel: string }): Logger {
  return pino({
    level: options.logLevel,
    serializers: {
      req: (req: { method?: string; url?: string; id?: string }) => ({
        id: req.id,
        method: req.method,
        url: loggedUrl(req.url),
      }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
    },
  });
}
