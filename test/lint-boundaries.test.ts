import path from "node:path";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";
import { root } from "./helpers/paths.js";

/**
 * The layer rule of eslint.config.js, tried on deliberate reach-ins: each snippet is linted as if
 * it were the file named, importing real files of src/.
 */
let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

async function boundaryErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport {};\n`, {
    filePath: path.join(root, file),
  });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId?.startsWith("boundaries/"))
    .map((m) => m.message);
}

describe("module boundaries", () => {
  it.each([
    [
      "http reaching into a module's repo",
      "src/http/x.ts",
      `import "../modules/comments/repo.js";`,
    ],
    [
      "a job reaching into a module's repo",
      "src/jobs/x.ts",
      `import "../modules/privacy/repo.js";`,
    ],
    [
      "the CLI reaching into a module's service",
      "src/cli/x.ts",
      `import "../modules/comments/service.js";`,
    ],
    [
      "a module reaching into another's model",
      "src/modules/comments/x.ts",
      `import "../articles/model.js";`,
    ],
    [
      "a module reaching into another's internals",
      "src/modules/comments/x.ts",
      `import "../moderation/spam-check/index.js";`,
    ],
    [
      "a service reaching the HTTP layer",
      "src/modules/comments/x.ts",
      `import "../../http/origin.js";`,
    ],
    [
      "a module reaching up to the page layer",
      "src/modules/articles/x.ts",
      `import "../../pages/article-page.js";`,
    ],
    [
      "a module importing another module's routes",
      "src/modules/demo/x.ts",
      `import "../articles/routes.js";`,
    ],
    [
      "a module's service importing its routes folder",
      "src/modules/accounts/x.ts",
      `import "./routes/people.js";`,
    ],
    [
      "another module importing a module's routes folder",
      "src/modules/demo/x.ts",
      `import "../accounts/routes/people.js";`,
    ],
    ["lib importing the app", "src/lib/x.ts", `import "../modules/articles/index.js";`],
    [
      "a service querying the database by value",
      "src/modules/articles/x.ts",
      `import "../../db/database.js";`,
    ],
    [
      "a repo calling up into its service",
      "src/modules/comments/repo.ts",
      `import "./service.js";`,
    ],
    ["a view querying", "src/modules/comments/views/x.tsx", `import "../repo.js";`],
    ["an island importing server code", "src/web/islands/x.ts", `import "../site.js";`],
  ])("refuses %s", async (_what, file, code) => {
    expect(await boundaryErrors(file, code)).not.toEqual([]);
  });

  it.each([
    ["http using a module's door", "src/http/x.ts", `import "../modules/comments/index.js";`],
    [
      "a module using another's door",
      "src/modules/comments/x.ts",
      `import "../articles/index.js";`,
    ],
    [
      "a service taking the Database type",
      "src/modules/articles/x.ts",
      `import type { Database } from "../../db/schema.js";`,
    ],
    [
      "a module's routes using the HTTP kit",
      "src/modules/comments/routes.tsx",
      `import "../../http/origin.js";`,
    ],
    [
      "a file of a module's routes folder using the HTTP kit",
      "src/modules/accounts/routes/x.tsx",
      `import "../../../http/origin.js";`,
    ],
    [
      "a module's routes registering its routes folder",
      "src/modules/accounts/routes.tsx",
      `import "./routes/people.js";`,
    ],
    [
      "the page layer using modules and http",
      "src/pages/x.tsx",
      `import "../modules/comments/index.js";\nimport "../http/reader-cookies.js";`,
    ],
    ["an island using the URL helper", "src/web/islands/x.ts", `import "../urls.js";`],
  ])("allows %s", async (_what, file, code) => {
    expect(await boundaryErrors(file, code)).toEqual([]);
  });
});
