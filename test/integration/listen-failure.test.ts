import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { root } from "../helpers/paths.js";

/**
 * A server that cannot listen says so in a line and exits 1, alone or as the supervisor of
 * several: its workers once died with a trace and were started again forever.
 */

/** A start with an empty database takes a few seconds; a restart loop never ends. */
const EXIT_WITHIN_MS = 30_000;

/** Held by this test, without reusePort: the workers' own reusePort cannot share it. */
function takePort(): Promise<net.Server> {
  return new Promise((resolve, reject) => {
    const holder = net.createServer();
    holder.on("error", reject);
    holder.listen(0, "127.0.0.1", () => resolve(holder));
  });
}

function runServer(env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(root, "dist/server.js")], {
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    // By its PID: this very process, never anything found by name.
    const timer = setTimeout(() => child.kill("SIGKILL"), EXIT_WITHIN_MS);
    child.once("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

/**
 * Held as a running Kiosque's workers hold it: with reusePort, which the kernel grants to every
 * process of the same user that asks for it too, as another Kiosque's workers do.
 */
function shareablePort(): Promise<net.Server> {
  return new Promise((resolve, reject) => {
    const holder = net.createServer();
    holder.on("error", reject);
    holder.listen({ port: 0, host: "127.0.0.1", reusePort: true }, () => resolve(holder));
  });
}

describe("a port already taken", () => {
  let dir: string;
  let holder: net.Server;
  let port: number;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "kiosque-listen-"));
    holder = await takePort();
    const address = holder.address();
    port = typeof address === "object" && address ? address.port : 0;
  });
  afterAll(async () => {
    await new Promise((resolve) => holder.close(resolve));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it.each(["1", "2"])("is said in a line, and exit 1, with KIOSQUE_WORKERS=%s", async (workers) => {
    const env: NodeJS.ProcessEnv = { ...process.env };
    delete env.DATABASE_URL;
    const started = performance.now();
    const server = await runServer({
      ...env,
      KIOSQUE_DATA_DIR: path.join(dir, workers),
      KIOSQUE_WORKERS: workers,
      HOST: "127.0.0.1",
      PORT: String(port),
      LOG_LEVEL: "info",
    });
    expect(performance.now() - started, server.output).toBeLessThan(EXIT_WITHIN_MS);
    expect(server.code, server.output).toBe(1);
    const said = server.output.split("\n").filter((line) => line.includes(`:${port}`));
    expect(said).toEqual([
      `kiosque: cannot listen on 127.0.0.1:${port}: the port is in use by another process: stop it, or choose another port (PORT).`,
    ]);
    expect(server.output).not.toMatch(/^\s+at /m);
    expect(server.output).not.toContain("starting another");
    expect(server.output).not.toContain("failed to stop");
  });
});

describe("a port a running Kiosque holds", () => {
  let dir: string;
  let holder: net.Server;
  let port: number;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "kiosque-listen-"));
    holder = await shareablePort();
    const address = holder.address();
    port = typeof address === "object" && address ? address.port : 0;
  });
  afterAll(async () => {
    await new Promise((resolve) => holder.close(resolve));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  // A second site started on it was let in beside the first, and readers got either, in turn.
  it.each(["1", "2"])("is in use, said in a line, with KIOSQUE_WORKERS=%s", async (workers) => {
    const env: NodeJS.ProcessEnv = { ...process.env };
    delete env.DATABASE_URL;
    const server = await runServer({
      ...env,
      KIOSQUE_DATA_DIR: path.join(dir, workers),
      KIOSQUE_WORKERS: workers,
      HOST: "127.0.0.1",
      PORT: String(port),
      LOG_LEVEL: "info",
    });
    expect(server.code, server.output).toBe(1);
    expect(server.output).toContain(
      `kiosque: cannot listen on 127.0.0.1:${port}: the port is in use by another process`,
    );
    expect(server.output).not.toContain("Kiosque is serving");
  });
});
