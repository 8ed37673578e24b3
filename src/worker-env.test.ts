import { describe, expect, it } from "vitest";
import { workerEnv, workerExecArgv } from "./worker-env.js";

describe("workerEnv", () => {
  it("gives workers malloc's 32 KiB mmap threshold, and keeps everything else", () => {
    expect(workerEnv({ PORT: "3000" })).toEqual({ PORT: "3000", MALLOC_MMAP_THRESHOLD_: "32768" });
  });

  it("leaves the operator's own malloc tuning alone", () => {
    for (const env of [
      { MALLOC_MMAP_THRESHOLD_: "131072" },
      { GLIBC_TUNABLES: "glibc.malloc.mmap_threshold=65536" },
    ])
      expect(workerEnv(env)).toEqual(env);
  });
});

describe("workerExecArgv", () => {
  it("keeps this process's Node flags and exposes V8's collector once", () => {
    expect(workerExecArgv(["--max-semi-space-size=16"])).toEqual([
      "--max-semi-space-size=16",
      "--expose-gc",
    ]);
    expect(workerExecArgv(["--expose-gc", "--inspect"])).toEqual(["--expose-gc", "--inspect"]);
  });
});
