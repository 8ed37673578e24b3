import { pino, type Logger } from "pino";

/**
 * Paths whose last segment is a secret that opens something (an invitation link's token, a
 * preview link's, which shows an unpublished article for days without signing in: web/urls.ts):
 * the logs keep the path without it, so that reading a log never lets anyone in.
 */
const SECRET_SEGMENT = /^(\/admin\/invitation\/|\/apercu\/)[^/?#]+/;

/** A request's URL as the logs keep it. */
export const loggedUrl = (url: string | undefined): string | undefined =>
  url?.replace(SECRET_SEGMENT, "$1…");

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
