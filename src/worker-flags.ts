/**
 * The Node flags a worker starts with: this process's (V8 sizes, --inspect…), with V8's collector
 * exposed so that a worker gone quiet can give its load-time heap back (idle-collect.ts).
 */
export function workerExecArgv(execArgv: readonly string[]): string[] {
  return execArgv.includes("--expose-gc") ? [...execArgv] : [...execArgv, "--expose-gc"];
}
