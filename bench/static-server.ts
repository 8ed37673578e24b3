/**
 * The baseline: what a minimal static file server does, and nothing more. node:http, one stat
 * and one fs.createReadStream per request, the right content-type and content-length, no cache
 * in memory, no compression. The bench serves the article page's saved HTML with it, in a
 * process of its own, to show what "static-file speed" means on this machine.
 *   node dist/bench/static-server.js --root DIR --port N [--host 127.0.0.1]
 */
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { UsageError, parseOptions, wholeNumber } from "./data/args.js";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
};

function notFound(res: http.ServerResponse): void {
  res.writeHead(404, { "content-type": "text/plain; charset=utf-8", "content-length": "10" });
  res.end("not found\n");
}

export function serveStatic(root: string): http.Server {
  return http.createServer((req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET, HEAD", "content-length": "0" });
      res.end();
      return;
    }
    const pathname = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    const file = path.join(root, path.normalize(pathname));
    if (!file.startsWith(root + path.sep)) return notFound(res);
    fs.stat(file, (error, stat) => {
      if (error || !stat.isFile()) return notFound(res);
      res.writeHead(200, {
        "content-type": TYPES[path.extname(file)] ?? "application/octet-stream",
        "content-length": String(stat.size),
        "last-modified": stat.mtime.toUTCString(),
      });
      if (req.method === "HEAD") return res.end();
      fs.createReadStream(file)
        .on("error", () => res.destroy())
        .pipe(res);
    });
  });
}

function main(): void {
  const values = parseOptions({
    root: { type: "string" },
    port: { type: "string" },
    host: { type: "string" },
  });
  if (!values.root) throw new UsageError("--root DIR is required");
  const root = path.resolve(values.root);
  const server = serveStatic(root);
  server.listen(wholeNumber("port", values.port, 8080), values.host ?? "127.0.0.1");
  const stop = () => {
    server.close(() => process.exit(0));
    // Keep-alive connections from the load generator would otherwise hold close() open.
    server.closeAllConnections();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

try {
  main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(2);
}
