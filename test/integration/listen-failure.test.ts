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
 * A port held by this test: without reusePort, as another program holds it (the workers' own
 * reusePort cannot share it); or with it, as a running Kiosque's workers hold it, which the
 * kernel grants to every process of the same user that asks for it too.
 */
function holdPort(reusePort: boolean): Promise<net.Server> {
  return new Promise((resolve, reject) => {
    const holder = net.createServer();
    holder.on("error", reject);
    holder.listen({ port: 0, host: "127.0.0.1", reusePort }, () => resolve(holder));
  });
}

// A second site on a running one's port was let in beside it, and readers got either, in turn.
describe.each([
  ["another program", false],
  ["a running Kiosque", true],
])("a port %s holds", (_holder, reusePort) => {
  let dir: string;
  let holder: net.Server;
  let port: number;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "kiosque-listen-"));
    holder = await holdPort(reusePort);
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
