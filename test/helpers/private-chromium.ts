import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { root } from "./paths.js";

/**
 * The Chromium the browser tests drive: `KIOSQUE_CHROMIUM=/path` when given (a system's own
 * Chromium, say), otherwise the build shipped inside the npm package
 * `@sparticuz/chromium`, so that a machine with only Node and the npm registry runs every test.
 */
export interface TestBrowser {
  executablePath: string;
  /** What the browser process needs in its environment (libraries, fonts); empty for a system one. */
  env: Record<string, string>;
  /** For the run's opening lines. */
  description: string;
}

/**
 * Unpacks the packaged Chromium once, before any test file starts (test files unpacking in
 * parallel race each other: ETXTBSY), into the checkout's own .tmp, so that root and an ordinary
 * user never share, or fight over, one copy in /tmp.
 */
export async function prepareBrowser(): Promise<TestBrowser> {
  const own = process.env.KIOSQUE_CHROMIUM;
  if (own) {
    if (!fs.existsSync(own)) throw new Error(`KIOSQUE_CHROMIUM=${own}: no such file`);
    return { executablePath: own, env: {}, description: `${own} (KIOSQUE_CHROMIUM)` };
  }
  const version = packageVersion();
  const dir = path.join(root, ".tmp", `chromium-${version}`);
  if (!fs.existsSync(path.join(dir, "ready"))) await unpack(dir);
  return {
    executablePath: path.join(dir, "chromium"),
    env: {
      // The package's own NSS, NSPR and expat: the machine may have none. The package sets this
      // only when it believes it runs on AWS.
      LD_LIBRARY_PATH: [path.join(dir, "al2023", "lib"), process.env.LD_LIBRARY_PATH]
        .filter(Boolean)
        .join(":"),
      // Without a font Chromium aborts at start; the package's own fonts.conf names Lambda paths.
      FONTCONFIG_FILE: path.join(dir, "fonts.conf"),
    },
    description: `@sparticuz/chromium ${version} (set KIOSQUE_CHROMIUM=/path to use another)`,
  };
}

const require = createRequire(import.meta.url);
/** The package's folder: its exports hide package.json, so from its entry, build/index.js. */
const packageDir = () => path.resolve(path.dirname(require.resolve("@sparticuz/chromium")), "..");
const packageVersion = () =>
  (
    JSON.parse(fs.readFileSync(path.join(packageDir(), "package.json"), "utf8")) as {
      version: string;
    }
  ).version;

/**
 * Into a fresh folder renamed into place at the end, so that a run killed half-way leaves
 * nothing that looks ready. The package unpacks into `os.tmpdir()`, read from TMPDIR at each
 * call: pointed at our folder for the time of the call.
 */
async function unpack(dir: string): Promise<void> {
  const work = `${dir}.${process.pid}`;
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(work, { recursive: true });
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = work;
  try {
    const { default: Chromium, inflate } = await import("@sparticuz/chromium");
    await Chromium.executablePath();
    await inflate(path.join(packageDir(), "bin", "al2023.tar.br"));
  } finally {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
  }
  fs.writeFileSync(
    path.join(work, "fonts.conf"),
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n` +
      `  <dir>${path.join(dir, "fonts")}</dir>\n` +
      `  <cachedir>${path.join(dir, "fonts-cache")}</cachedir>\n</fontconfig>\n`,
  );
  fs.writeFileSync(path.join(work, "ready"), "");
  fs.rmSync(dir, { recursive: true, force: true });
  fs.renameSync(work, dir);
}
