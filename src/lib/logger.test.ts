import { describe, expect, it } from "vitest";
import { loggedUrl } from "./logger.js";

describe("loggedUrl", () => {
  it("keeps an invitation link's token out of the logs", () => {
    expect(loggedUrl("/admin/invitation/AbC-123_xyz")).toBe("/admin/invitation/…");
    expect(loggedUrl("/admin/invitation/AbC?x=1")).toBe("/admin/invitation/…?x=1");
    expect(loggedUrl("/article/un-titre?cpage=2")).toBe("/article/un-titre?cpage=2");
    expect(loggedUrl(undefined)).toBeUndefined();
  });

  it("keeps a preview link's token out of the logs", () => {
    // web/urls.ts `paths.preview`: lib may not import web, so the address is written out.
    expect(loggedUrl("/apercu/Zx9-_tok")).toBe("/apercu/…");
    expect(loggedUrl("/apercu/Zx9?utm=1")).toBe("/apercu/…?utm=1");
  });
});
