import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestApp, type TestApp } from "../helpers/runtime.js";

/**
 * The stylesheets and islands are compressed by the build and read at start: what is served in
 * brotli and gzip is the very file served plain.
 */
describe("built assets", () => {
  let rt: TestApp;
  beforeAll(async () => {
    rt = await openTestApp("sqlite");
  });
  afterAll(() => rt.close());

  it("serves each asset's brotli and gzip as the same bytes as the plain file", async () => {
    for (const file of ["site.css", "newsroom.css", "comments.js", "editor.js", "desk.js"]) {
      const get = (encoding?: string) =>
        rt.app.inject({
          url: `/assets/${file}`,
          headers: encoding ? { "accept-encoding": encoding } : {},
        });
      const [plain, br, gz] = await Promise.all([get(), get("br"), get("gzip")]);
      expect(plain.statusCode, file).toBe(200);
      expect(br.headers["content-encoding"], file).toBe("br");
      expect(gz.headers["content-encoding"], file).toBe("gzip");
      expect(zlib.brotliDecompressSync(br.rawPayload).equals(plain.rawPayload), file).toBe(true);
      expect(zlib.gunzipSync(gz.rawPayload).equals(plain.rawPayload), file).toBe(true);
    }
  });
});
