import { defineConfig } from "vitest/config";

export default defineConfig({
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
  test: {
    globalSetup: ["test/helpers/global-setup.ts"],
    include: ["src/**/*.test.{ts,tsx}", "test/**/*.test.{ts,tsx}"],
    // Browser and two-engine integration tests start real servers and databases.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Two cores: more workers than that only thrash Chromium and PostgreSQL.
    maxWorkers: 2,
  },
});
