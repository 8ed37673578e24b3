import net from "node:net";
import type { Config } from "./index.js";
import { ListenError } from "./listen-error.js";

/**
 * Whether this machine lets a process have the port to itself, asked once before the workers
 * listen. They share it with `reusePort`, which the kernel grants to any process of the same
 * user that asks for it too: a second Kiosque started on the port of a running one was let in,
 * and the two answered readers in turn from two sites. A listen without `reusePort` is refused
 * while any process holds the port, which is what "in use" must mean here. Port 0 (any free
 * port) is a port of each worker's own: nothing to ask.
 */
export function portIsFree(where: Pick<Config, "host" | "port">): Promise<void> {
  if (where.port === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", (error) => reject(new ListenError(where, error)));
    probe.listen({ port: where.port, host: where.host, exclusive: true }, () =>
      probe.close(() => resolve()),
    );
  });
}
