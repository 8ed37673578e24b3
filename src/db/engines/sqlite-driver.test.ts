import { describe, expect, it } from "vitest";
import { SQLITE_NODE_API, sqliteDriverProblem } from "./sqlite-driver.js";

describe("the Node.js the SQLite driver needs", () => {
  it("refuses, in a line naming both versions, a Node whose Node-API is older than the driver's", () => {
    // Node.js 22.12 and 22.13 have Node-API 9: there, opening a database crashed the process.
    for (const [node, napi] of [
      ["22.12.0", "9"],
      ["22.13.1", "9"],
      ["20.20.2", "9"],
    ] as const)
      expect(sqliteDriverProblem({ node, napi })).toBe(
        `the SQLite driver needs Node.js 22.14 or later (Node-API 10); this is Node.js ${node}. ` +
          "Install a current LTS release (https://nodejs.org/).",
      );
    expect(sqliteDriverProblem({ node: "22.0.0" })).toMatch(/needs Node\.js 22\.14 or later/);
  });

  it("lets a Node with Node-API 10 or later open databases, this one included", () => {
    expect(SQLITE_NODE_API).toBe(10);
    for (const [node, napi] of [
      ["22.14.0", "10"],
      ["24.22.3", "10"],
      ["26.0.0", "11"],
    ] as const)
      expect(sqliteDriverProblem({ node, napi })).toBeUndefined();
    expect(sqliteDriverProblem(process.versions)).toBeUndefined();
  });
});
