import { execFile } from "node:child_process";
import path from "node:path";
import { root } from "./paths.js";

export interface CliResult {
  code: number;
  out: string;
  err: string;
}

/** The real `kiosque` command (bin/kiosque.js → dist/cli.js), as an operator runs it. */
export function runKiosque(env: NodeJS.ProcessEnv, ...args: string[]): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(root, "bin/kiosque.js"), ...args],
      { env },
      (error, out, err) => resolve({ code: error ? Number(error.code ?? 1) : 0, out, err }),
    );
  });
}

/** The `kiosque` command with `input` on its standard input (a password piped in). */
export function runKiosqueWithInput(
  env: NodeJS.ProcessEnv,
  input: string,
  ...args: string[]
): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [path.join(root, "bin/kiosque.js"), ...args],
      { env },
      (error, out, err) => resolve({ code: error ? Number(error.code ?? 1) : 0, out, err }),
    );
    child.stdin?.end(input);
  });
}
