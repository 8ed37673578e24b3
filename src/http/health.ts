import type { FastifyInstance } from "fastify";
import type { EngineAdapter } from "../db/storage.js";

/** /healthz: the process answers. /readyz: and its database does too (for load balancers). */
export function registerHealth(app: FastifyInstance, engine: Pick<EngineAdapter, "ping">): void {
  app.get("/healthz", async (_req, reply) =>
    reply.header("cache-control", "no-store").send({ status: "ok" }),
  );
  app.get("/readyz", async (_req, reply) => {
    const ok = await engine.ping();
    return reply
      .status(ok ? 200 : 503)
      .header("cache-control", "no-store")
      .send({ status: ok ? "ready" : "database unreachable" });
  });
}
