import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { envVariables } from "../src/config/index.js";
import { root } from "./helpers/paths.js";

/** Documents an operator reads, checked against the code so that neither drifts from the other. */
const read = (file: string) => fs.readFileSync(path.join(root, file), "utf8");

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(path.join(root, dir), { recursive: true, encoding: "utf8" })
    .filter((f) => /\.(ts|tsx|js|mjs)$/.test(f))
    .map((f) => path.join(dir, f));
}

/** The operating system's own variables, documented by it. */
const SYSTEM = new Set(["PATH", "TMPDIR", "LD_LIBRARY_PATH", "NODE_OPTIONS"]);

describe("docs/config.md", () => {
  it("names every environment variable the code reads", () => {
    const wanted = new Set(envVariables);
    for (const file of ["src", "bin", "scripts", "test", "bench"].flatMap(sourceFiles)) {
      const text = read(file);
      for (const m of text.matchAll(
        /process\.env(?:\.([A-Z][A-Z0-9_]*)|\[\s*["']([A-Z][A-Z0-9_]*)["']\s*\])/g,
      ))
        wanted.add((m[1] ?? m[2]) as string);
    }
    const documented = new Set(
      [...read("docs/config.md").matchAll(/`([A-Z][A-Z0-9_]+)`/g)].map((m) => m[1]),
    );
    const missing = [...wanted].filter((v) => !SYSTEM.has(v) && !documented.has(v));
    expect(missing, "variables read but not documented in docs/config.md").toEqual([]);
  });
});

describe("docs/decisions/002-dependencies.md", () => {
  /** The packages named in the first column of each table row of `section`. */
  function recorded(section: string): Set<string> {
    const names = section
      .split("\n")
      .filter((line) => line.startsWith("|") && !/^\|\s*-/.test(line))
      .slice(1) // the header row
      .flatMap((line) => (line.split("|")[1] ?? "").split(","))
      .map((cell) => cell.replace(/\(exact\)/, "").trim())
      .filter(Boolean);
    return new Set(names);
  }

  const pkg = JSON.parse(read("package.json")) as {
    dependencies: Record<string, string>;
    devDependencies: Record<string, string>;
  };
  const [runtime = "", development = ""] = read("docs/decisions/002-dependencies.md").split(
    /^## /m,
  );

  /** The same packages in package.json and in the record, each way named when it fails. */
  function expectSame(inPackage: Set<string>, inRecord: Set<string>): void {
    expect(
      [...inPackage].filter((p) => !inRecord.has(p)),
      "missing from the record",
    ).toEqual([]);
    expect(
      [...inRecord].filter((p) => !inPackage.has(p)),
      "not in package.json",
    ).toEqual([]);
  }

  it("records every development dependency but type packages, and none package.json lacks", () => {
    const inRecord = recorded(development);
    const inPackage = new Set(
      Object.keys(pkg.devDependencies).filter((p) => !p.startsWith("@types/")),
    );
    expectSame(inPackage, inRecord);
  });

  it("records every runtime dependency, and no runtime dependency package.json lacks", () => {
    const inRecord = recorded(runtime);
    const inPackage = new Set(Object.keys(pkg.dependencies));
    expectSame(inPackage, inRecord);
  });
});
