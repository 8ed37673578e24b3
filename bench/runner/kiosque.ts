import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import type { Cleanup } from "./cleanup.js";
import { freePort, startChild, waitForStatus, type Child } from "./processes.js";
import { distDir } from "./paths.js";

/** Where a bench database lives, told to Kiosque the way an operator would tell it. */
export type DatabaseLocation =
  { engine: "sqlite"; dataDir: string } | { engine: "postgres"; url: string };

/** Variables of ours that must not leak from the caller's shell into what we measure. */
const OURS = [
  "DATABASE_URL",
  "KIOSQUE_DATA_DIR",
  "KIOSQUE_DEMO",
  "KIOSQUE_SECRET",
  "KIOSQUE_TRUST_PROXY",
  "PORT",
  "HOST",
  "LOG_LEVEL",
];

export function kiosqueEnv(
  location: DatabaseLocation,
  extra: Record<string, string> = {},
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of OURS) delete env[key];
  return {
    ...env,
    NODE_ENV: "production",
    KIOSQUE_DEMO: "0",
    LOG_LEVEL: "warn",
    ...(location.engine === "sqlite"
      ? { KIOSQUE_DATA_DIR: location.dataDir }
      : { DATABASE_URL: location.url }),
    ...extra,
  };
}

const run = promisify(execFile);

/** `kiosque …` as an operator types it, on the bench database. */
export async function kiosqueCli(
  location: DatabaseLocation,
  args: readonly string[],
): Promise<string> {
  const { stdout } = await run(process.execPath, [path.join(distDir, "cli.js"), ...args], {
    env: kiosqueEnv(location),
  });
  return stdout.trim();
}

export interface Server {
  child: Child;
  baseUrl: string;
}

/**
 * Spawns the production server (`node dist/server.js`) on a free port of 127.0.0.1 and returns
 * at once, with the moment it spawned: the cold-start measurement starts its clock there.
 */
/**
 * The Node flags `npm start` runs the server with (package.json, README): measured as deployed.
 * V8 otherwise sizes its young generation for the machine: on one with memory to spare it grows
 * to 128 MB under load. (Capping the old generation too, at 128 MB, brought RSS under 200 MB but
 * cost the article page half its throughput in major collections: not worth it.)
 */
const SERVER_NODE_FLAGS = ["--max-semi-space-size=16"];

export async function spawnServer(
  location: DatabaseLocation,
  logFile: string,
  cleanup: Cleanup,
): Promise<Server & { spawnedAt: number }> {
  const port = await freePort();
  const spawnedAt = performance.now();
  const child = startChild(
    "kiosque server",
    process.execPath,
    [...SERVER_NODE_FLAGS, path.join(distDir, "server.js")],
    { env: kiosqueEnv(location, { HOST: "127.0.0.1", PORT: String(port) }), logFile },
    cleanup,
  );
  return { child, baseUrl: `http://127.0.0.1:${port}`, spawnedAt };
}

/** Spawns the server and waits until /readyz says its database answers. */
export async function startServer(
  location: DatabaseLocation,
  logFile: string,
  cleanup: Cleanup,
): Promise<Server> {
  const server = await spawnServer(location, logFile, cleanup);
  await waitForStatus(`${server.baseUrl}/readyz`, server.child);
  return server;
}
