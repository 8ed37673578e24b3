import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Invalid } from "../../src/lib/errors.js";
import {
  defaults,
  ensureSecret,
  loadSettings,
  setSetting,
} from "../../src/modules/settings/index.js";
import { testEngines } from "../helpers/engines.js";
import { openTestRuntime, type TestRuntime } from "../helpers/runtime.js";

describe.each(testEngines())("settings on %s", (engine) => {
  let rt: TestRuntime;
  beforeAll(async () => {
    rt = await openTestRuntime(engine);
  });
  afterAll(() => rt.close());

  it("starts from documented defaults: French, Paris, first comments held, 2 links", () => {
    expect(defaults).toMatchObject({
      "site.locale": "fr",
      "site.timezone": "Europe/Paris",
      "comments.holdFirst": true,
      "comments.maxLinks": 2,
      "comments.maxDepth": 5,
      "comments.nameMax": 100,
      "comments.bodyMax": 5000,
      "comments.closeAfterDays": 0,
    });
  });

  it("stores typed values and reads them back", async () => {
    expect(await setSetting(rt.ctx, "comments.maxLinks", "4")).toBe(4);
    expect(await setSetting(rt.ctx, "site.timezone", "America/Montreal")).toBe("America/Montreal");
    expect(await setSetting(rt.ctx, "comments.blocklist", '["casino", "viagra"]')).toEqual([
      "casino",
      "viagra",
    ]);
    expect(await setSetting(rt.ctx, "site.name", "2026")).toBe("2026");
    // A text setting takes what JSON would read otherwise as typed: "true" was refused as no text.
    for (const typed of ["true", "null", "[1]", "{}"])
      expect(await setSetting(rt.ctx, "site.description", typed), typed).toBe(typed);
    expect(await setSetting(rt.ctx, "site.description", '"Le Journal"')).toBe("Le Journal");
    const s = await loadSettings(rt.ctx.db);
    expect(s).toMatchObject({
      "comments.maxLinks": 4,
      "site.timezone": "America/Montreal",
      "site.name": "2026",
    });
  });

  it("refuses unknown keys, wrong types, out-of-range numbers and unknown time zones", async () => {
    for (const [key, value] of [
      ["comments.unknown", "1"],
      ["comments.maxLinks", "beaucoup"],
      ["comments.maxDepth", "0"],
      ["site.locale", "de"],
      ["site.timezone", "Mars/Olympus"],
    ]) {
      await expect(setSetting(rt.ctx, key!, value!)).rejects.toBeInstanceOf(Invalid);
    }
  });

  it("keeps one secret for every instance sharing the database", async () => {
    const first = await ensureSecret(rt.ctx.db);
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(await ensureSecret(rt.ctx.db)).toBe(first);
  });
});
