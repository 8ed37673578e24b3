/**
 * The oldest Node.js Kiosque runs on (package.json's `engines`, decision 031). The build and the
 * `kiosque` command check it with scripts/node-version.mjs; the server checks it here, because
 * src/ may not import scripts/ (test/node-version.test.ts keeps the two and `engines` equal).
 */
export const MINIMUM_NODE: readonly [number, number] = [22, 14];

/** What is wrong with this Node.js version for Kiosque, or undefined when nothing is. */
export function nodeVersionProblem(version: string): string | undefined {
  const [major = 0, minor = 0] = version.split(".").map(Number);
  const [wantMajor, wantMinor] = MINIMUM_NODE;
  if (major > wantMajor || (major === wantMajor && minor >= wantMinor)) return undefined;
  return (
    `Kiosque needs Node.js ${wantMajor}.${wantMinor} or later; this is Node.js ${version}. ` +
    "Install a current LTS release (https://nodejs.org/) and run the command again."
  );
}

/**
 * Stops the process in one line when its Node.js is too old. An older Node otherwise fails deep
 * in the start ("module.enableCompileCache is not a function") or crashes with nothing said.
 */
export function exitOnOldNode(): void {
  const problem = nodeVersionProblem(process.versions.node);
  if (problem === undefined) return;
  console.error(problem);
  process.exit(1);
}
