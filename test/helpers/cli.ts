import { execFile } from "node:child_process";
import path from "node:path";
import { root } from "./paths.js";
import type { TestDatabase } from "./runtime.js";

/**
 * How long a test that runs the command a dozen times may take before it is called hung. Each
 * run starts a Node process (~0.5 s alone, several times that on a 2-core CI machine running
 * other files beside it): this guards against a hang and measures nothing.
 */
export const CLI_TEST_TIMEOUT_MS = 150_000;

export interface CliResult {
  code: number;
  out: string;
  err: string;
}

/** What the command needs to reach a test database, as an operator's environment would hold it. */
export function cliEnv(database: Pick<TestDatabase, "dataDir" | "url">): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    KIOSQUE_DATA_DIR: database.dataDir,
    LOG_LEVEL: "warn",
  };
  // Unset for SQLite, never empty: an empty variable is refused (docs/config.md).
  if (database.url === undefined) delete env.DATABASE_URL;
  else env.DATABASE_URL = database.url;
  return env;
}

function run(env: NodeJS.ProcessEnv, input: string | undefined, args: string[]) {
  return new Promise<CliResult>((resolve) => {
    const child = execFile(
      process.execPath,
      [path.join(root, "bin/kiosque.js"), ...args],
      { env },
      (error, out, err) => resolve({ code: error ? Number(error.code ?? 1) : 0, out, err }),
    );
    // Ended even with nothing to say: a command that reads standard input (a password) then
    // reads an empty one, as under cron, instead of waiting for ever.
    child.stdin?.end(input ?? "");
  });
}

/** The real `kiosque` command (bin/kiosque.js → dist/cli.js), as an operator runs it. */
export function runKiosque(env: NodeJS.ProcessEnv, ...args: string[]): Promise<CliResult> {
  return run(env, undefined, args);
}

/** The `kiosque` command with `input` on its standard input (a password piped in). */
export function runKiosqueWithInput(
  env: NodeJS.ProcessEnv,
  input: string,
  ...args: string[]
): Promise<CliResult> {
  return run(env, input, args);
}
