import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Cleanup } from "./cleanup.js";
import { get } from "./http.js";
import { freePort, startChild, waitForStatus } from "./processes.js";
import { distDir } from "./paths.js";

export const NGINX = "/usr/sbin/nginx";
export const STATIC_FILE = "article.html";

/** A server of the baseline, serving the saved page at `url`. */
export interface Baseline {
  url: string;
  stop(): Promise<void>;
}

/**
 * A folder for the saved page, outside the run's private (0700) work folder: nginx's workers
 * may run as another user and must be able to reach it.
 */
export function makeStaticDir(cleanup: Cleanup): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kiosque-bench-static-"));
  fs.chmodSync(dir, 0o755);
  cleanup.defer(`remove ${dir}`, () => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * Saves the article page's HTML exactly as Kiosque serves it to a reader without cookies (no
 * Accept-Encoding: the load generator asks for none either), so both sides send the same bytes.
 */
export async function saveArticleHtml(pageUrl: string, dir: string): Promise<number> {
  const res = await get(pageUrl);
  if (res.status !== 200) throw new Error(`GET ${pageUrl}: status ${res.status}`);
  if (res.headers["content-encoding"])
    throw new Error(`GET ${pageUrl}: compressed (${res.headers["content-encoding"]}) unasked`);
  fs.writeFileSync(path.join(dir, STATIC_FILE), res.body, { mode: 0o644 });
  return res.body.length;
}

/** bench/static-server.ts in a process of its own, like any server being measured. */
export async function startStaticServer(
  dir: string,
  logFile: string,
  cleanup: Cleanup,
): Promise<Baseline> {
  const port = await freePort();
  const child = startChild(
    "static file server",
    process.execPath,
    [path.join(distDir, "bench", "static-server.js"), "--root", dir, "--port", String(port)],
    { env: { PATH: process.env.PATH ?? "" }, logFile },
    cleanup,
  );
  const url = `http://127.0.0.1:${port}/${STATIC_FILE}`;
  await waitForStatus(url, child);
  return { url, stop: child.stop };
}

/**
 * The smallest nginx.conf that serves a folder well: one worker per core, no access log,
 * sendfile. keepalive_requests is raised because Node never closes a keep-alive connection
 * after N requests and nginx's default (1,000) would make it reconnect: a cost the other side
 * does not pay.
 */
export function nginxConf(options: { prefix: string; root: string; port: number }): string {
  return `daemon off;
master_process on;
worker_processes ${os.availableParallelism()};
pid ${options.prefix}/nginx.pid;
error_log ${options.prefix}/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  types { text/html html; text/css css; text/javascript js; }
  default_type application/octet-stream;
  server {
    listen 127.0.0.1:${options.port};
    root ${options.root};
  }
}
`;
}

/** nginx on the same folder, when it is installed; started and stopped by its PID. */
export async function startNginx(
  dir: string,
  workDir: string,
  cleanup: Cleanup,
): Promise<Baseline | undefined> {
  if (!fs.existsSync(NGINX)) return undefined;
  const prefix = path.join(workDir, "nginx");
  fs.mkdirSync(prefix, { recursive: true });
  const port = await freePort();
  const conf = path.join(prefix, "nginx.conf");
  fs.writeFileSync(conf, nginxConf({ prefix, root: dir, port }));
  const child = startChild(
    "nginx",
    NGINX,
    // -e: errors before the configuration is read go to our folder, not /var/log/nginx.
    ["-p", prefix, "-c", conf, "-e", path.join(prefix, "error.log")],
    { env: { PATH: process.env.PATH ?? "" }, logFile: path.join(prefix, "stdout.log") },
    cleanup,
  );
  const url = `http://127.0.0.1:${port}/${STATIC_FILE}`;
  await waitForStatus(url, child, { timeoutMs: 10_000 });
  return { url, stop: child.stop };
}
