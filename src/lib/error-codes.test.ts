import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { errorCodes, type ErrorCode } from "./error-codes.js";
import { Forbidden, Invalid } from "./errors.js";

/** The table of docs/errors.md: each documented code with the statuses it is answered with. */
function documented(): Map<string, number[]> {
  const text = readFileSync(join(import.meta.dirname, "../../docs/errors.md"), "utf8");
  const rows = new Map<string, number[]>();
  for (const match of text.matchAll(/^\|\s*`(KIOSQUE_[A-Z_]+)`\s*\|([^|]*)\|/gm)) {
    const [, code, statuses] = match as unknown as [string, string, string];
    rows.set(
      code,
      statuses.split(",").map((s) => Number(s.trim())),
    );
  }
  return rows;
}

describe("error codes", () => {
  const docs = documented();
  const registry = Object.keys(errorCodes) as ErrorCode[];

  it("are each documented in docs/errors.md, and nothing else is", () => {
    expect([...docs.keys()].sort()).toEqual([...registry].sort());
  });

  it("are documented with the status the registry gives them", () => {
    for (const code of registry) expect(docs.get(code), code).toContain(errorCodes[code].status);
  });
});

describe("error classes", () => {
  it("take their status from the registry", () => {
    expect(new Invalid("KIOSQUE_COMMENT_INVALID", {}).status).toBe(422);
    expect(new Forbidden("KIOSQUE_CROSS_ORIGIN").status).toBe(403);
  });

  it("refuse, when type-checked, a code not in the registry or not of their status", () => {
    // Never run: `npm run typecheck` fails if either line compiles.
    const wrong = () => [
      // @ts-expect-error: no such code
      new Invalid("KIOSQUE_NO_SUCH_CODE", {}),
      // @ts-expect-error: a 404 code, not a refusal of what was sent
      new Invalid("KIOSQUE_NOT_FOUND", {}),
    ];
    expect(wrong).toBeTypeOf("function");
  });
});
