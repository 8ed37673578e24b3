import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BUILD_STAMP, needsBuild } from "../scripts/freshness.mjs";

/** `npx kiosque` (bin/kiosque.js) rebuilds exactly when this says so. */
describe("needsBuild", () => {
  let dir: string;
  const at = (file: string, seconds: number) => {
    const when = new Date(1_700_000_000_000 + seconds * 1000);
    fs.utimesSync(path.join(dir, file), when, when);
  };

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "kiosque-freshness-"));
    for (const file of ["src/modules/a.ts", "scripts/build.mjs", BUILD_STAMP]) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), "");
    }
    for (const folder of ["src", "src/modules", "scripts"]) at(folder, 0);
    at("src/modules/a.ts", 0);
    at("scripts/build.mjs", 0);
    at(BUILD_STAMP, 10);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("keeps a build newer than every source", () => {
    expect(needsBuild(dir)).toBe(false);
  });

  it("rebuilds when a source was edited after the build", () => {
    at("src/modules/a.ts", 20);
    expect(needsBuild(dir)).toBe(true);
  });

  it("rebuilds when a build script was edited after the build", () => {
    at("scripts/build.mjs", 20);
    expect(needsBuild(dir)).toBe(true);
  });

  it("rebuilds when a source was deleted after the build", () => {
    fs.rmSync(path.join(dir, "src/modules/a.ts"));
    expect(needsBuild(dir)).toBe(true);
  });

  it("builds a fresh clone", () => {
    fs.rmSync(path.join(dir, BUILD_STAMP));
    expect(needsBuild(dir)).toBe(true);
  });
});
