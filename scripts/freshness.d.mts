/** What scripts/build.mjs reads, relative to the project root. */
export const BUILD_INPUTS: readonly string[];
/** Written by scripts/build.mjs, dated when that build started. */
export const BUILD_STAMP: string;
/** True when `root` has no build yet, or a build input changed after the last build started. */
export function needsBuild(root: string): boolean;
