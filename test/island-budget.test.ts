import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TARGETS } from "../bench/runner/targets.js";
import { buildAssets } from "../scripts/assets.mjs";
import { preparePage } from "../src/http/page-cache.js";

/**
 * The byte budget for island JavaScript (STYLE 15), the same constant the bench checks on the
 * article page: here it fails the tests, before anyone runs the bench.
 */
describe("island JavaScript", () => {
  let dir: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "kiosque-islands-"));
    await buildAssets(dir);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it(`stays under ${TARGETS.jsKB} KB as served (brotli, as http/assets.ts compresses it)`, async () => {
    const islands = fs.readdirSync(dir).filter((f) => f.endsWith(".js"));
    expect(islands).not.toEqual([]);
    let bytes = 0;
    for (const file of islands) {
      const body = fs.readFileSync(path.join(dir, file));
      const served = await preparePage(
        body,
        "text/javascript",
        [],
        zlib.constants.BROTLI_MAX_QUALITY,
      );
      bytes += served.br.length;
    }
    expect(bytes).toBeLessThan(TARGETS.jsKB * 1000);
  });
});
