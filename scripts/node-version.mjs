// Kiosque needs Node.js 22.14 or later (package.json's `engines`): sockets shared by the workers
// (reusePort), the compile cache, require() of ES modules (22.12), and Node-API 10, which the
// SQLite driver's binary is built for (22.14; on 22.12 and 22.13 opening a database crashed the
// process, with nothing printed). An older Node fails somewhere deep, with a message that says
// nothing of the cause ("module.enableCompileCache is not a function"), or none at all.
// The build (which `npm start`, `npm run build` and the tests run first) and the `kiosque`
// command say it first, plainly; `node dist/server.js` too, through src/config/node-version.ts
// (src/ may not import scripts/: a test holds the two copies and `engines` equal).
// Plain JavaScript with no syntax newer than Node 12's, so that an old Node can run it.

/** The oldest Node.js Kiosque runs on, as in package.json's `engines`. */
export const MINIMUM_NODE = [22, 14];

/** What is wrong with this Node.js version for Kiosque, or undefined when nothing is. */
export function nodeVersionProblem(version) {
  const [major, minor] = version.split(".").map(Number);
  const [wantMajor, wantMinor] = MINIMUM_NODE;
  if (major > wantMajor || (major === wantMajor && minor >= wantMinor)) return undefined;
  return (
    `Kiosque needs Node.js ${wantMajor}.${wantMinor} or later; this is Node.js ${version}. ` +
    "Install a current LTS release (https://nodejs.org/) and run the command again."
  );
}

/** Stops this process with the message above when its Node.js is too old. */
export function exitOnOldNode() {
  const problem = nodeVersionProblem(process.versions.node);
  if (!problem) return;
  console.error(problem);
  process.exit(1);
}
