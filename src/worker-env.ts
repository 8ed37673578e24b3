/**
 * glibc's malloc serves a block under its mmap threshold from an arena, and keeps the arena's
 * freed memory for later instead of giving it back; the threshold starts at 128 KiB and rises to
 * the largest block freed. V8 compiles optimised code on background threads, in zones of such
 * blocks: after a crawl at 100k articles a worker's arenas held 44 MB for 17 MB in use. At
 * 32 KiB, the larger blocks are mapped on their own and returned when freed: 27 MB for the same
 * 17 MB, about 20 MB less per worker, at the same throughput (decision 025). Other C libraries
 * ignore the variable.
 */
const MMAP_THRESHOLD = "32768";

/**
 * The environment a worker starts with: this process's, with the threshold above unless the
 * operator tuned malloc themselves.
 */
export function workerEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  if (env.MALLOC_MMAP_THRESHOLD_ !== undefined || /mmap_threshold/.test(env.GLIBC_TUNABLES ?? ""))
    return env;
  return { ...env, MALLOC_MMAP_THRESHOLD_: MMAP_THRESHOLD };
}

/**
 * The Node flags a worker starts with: this process's (V8 sizes, --inspect…), with V8's collector
 * exposed so that a worker gone quiet can give its load-time heap back (idle-collect.ts).
 */
export function workerExecArgv(execArgv: readonly string[]): string[] {
  return execArgv.includes("--expose-gc") ? [...execArgv] : [...execArgv, "--expose-gc"];
}
