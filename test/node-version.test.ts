import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MINIMUM_NODE, nodeVersionProblem } from "../scripts/node-version.mjs";
import { root } from "./helpers/paths.js";

describe("the Node.js version check of every entry point", () => {
  it("names the version needed and the one found, below 22.14 only", () => {
    // 22.12 and 22.13 crashed on the first database opened (src/db/engines/sqlite-driver.ts).
    for (const old of ["20.20.2", "22.11.0", "22.12.0", "22.13.1", "18.0.0", "21.99.1"])
      expect(nodeVersionProblem(old)).toMatch(
        new RegExp(
          `needs Node\\.js 22\\.14 or later; this is Node\\.js ${old.replace(/\./g, "\\.")}`,
        ),
      );
    for (const fine of ["22.14.0", "22.20.1", "23.0.0", "24.22.3", "100.0.0"])
      expect(nodeVersionProblem(fine)).toBeUndefined();
    expect(nodeVersionProblem(process.versions.node)).toBeUndefined();
  });

  it("asks for the version package.json's engines field names", () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as {
      engines: { node: string };
    };
    expect(manifest.engines.node).toBe(`>=${MINIMUM_NODE.join(".")}`);
  });
});
