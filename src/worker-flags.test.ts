import { describe, expect, it } from "vitest";
import { workerExecArgv } from "./worker-flags.js";

describe("workerExecArgv", () => {
  it("keeps this process's Node flags and exposes V8's collector once", () => {
    expect(workerExecArgv(["--max-semi-space-size=16"])).toEqual([
      "--max-semi-space-size=16",
      "--expose-gc",
    ]);
    expect(workerExecArgv(["--expose-gc", "--inspect"])).toEqual(["--expose-gc", "--inspect"]);
  });
});
