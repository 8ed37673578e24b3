import http from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A web server on 127.0.0.1 answering as the far ends of Kiosque's outbound fetches may: a small
 * image, a body larger than declared or undeclared, one that trickles or never comes, a page of
 * HTML where an image was expected, redirects anywhere (`/to?url=…`), a redirect loop.
 */
export interface OutboundServer {
  /** `http://127.0.0.1:<port>` */
  base: string;
  /** Paths asked for, in order. */
  asked: string[];
  close(): Promise<void>;
}

/** The bytes `/image.png` serves (a PNG signature and padding). */
export const SMALL_IMAGE = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(92, 7),
]);

export async function startOutboundServer(): Promise<OutboundServer> {
  const asked: string[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    asked.push(url.pathname);
    switch (url.pathname) {
      case "/image.png":
        res.writeHead(200, { "content-type": "image/png", "content-length": SMALL_IMAGE.length });
        return res.end(SMALL_IMAGE);
      case "/untyped":
        return res.end(SMALL_IMAGE);
      case "/declared-big":
        // Says it is large before sending anything: refused on the header alone.
        res.writeHead(200, { "content-type": "image/png", "content-length": 10_000_000 });
        return res.end(Buffer.alloc(10));
      case "/streamed-big": {
        // No length said: the cap is met while reading.
        res.writeHead(200, { "content-type": "image/png" });
        for (let i = 0; i < 64; i++) res.write(Buffer.alloc(16 * 1024, 1));
        return res.end();
      }
      case "/trickle": {
        // A byte every 50 ms, for ever: only the fetch's own limits stop it.
        res.writeHead(200, { "content-type": "image/png" });
        const timer = setInterval(() => res.write(Buffer.alloc(1)), 50);
        timers.add(timer);
        res.on("close", () => {
          clearInterval(timer);
          timers.delete(timer);
        });
        return;
      }
      case "/silent":
        // Headers never come.
        return;
      case "/page.html":
        res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
        return res.end("<!doctype html><p>Not found, but 200</p>");
      case "/to":
        res.writeHead(302, { location: url.searchParams.get("url") ?? "/" });
        return res.end();
      case "/loop":
        res.writeHead(301, { location: "/loop" });
        return res.end();
      default:
        res.writeHead(404);
        return res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    asked,
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of timers) clearInterval(t);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
