import { pino, type Logger } from "pino";

/**
 * Fastify's logger (pino), with request serializers that leave out the client's address and
 * headers: IPs never reach the logs at info level (principle 6).
 */
export function createLogger(options: { logLevel: string }): Logger {
  return pino({
    level: options.logLevel,
    serializers: {
      req: (req: { method?: string; url?: string; id?: string }) => ({
        id: req.id,
        method: req.method,
        url: req.url,
      }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
    },
  });
}
