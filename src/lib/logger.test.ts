import { describe, expect, it } from "vitest";
import { paths } from "../web/urls.js";
import { loggedUrl } from "./logger.js";

describe("loggedUrl", () => {
  it("keeps an invitation link's token out of the logs", () => {
    expect(loggedUrl("/admin/invitation/AbC-123_xyz")).toBe("/admin/invitation/…");
    expect(loggedUrl("/admin/invitation/AbC?x=1")).toBe("/admin/invitation/…?x=1");
    expect(loggedUrl("/article/un-titre?cpage=2")).toBe("/article/un-titre?cpage=2");
    expect(loggedUrl(undefined)).toBeUndefined();
  });

  it("keeps a preview link's token out of the logs", () => {
    expect(loggedUrl(paths.preview("Zx9-_tok"))).toBe("/apercu/…");
    expect(loggedUrl(`${paths.preview("Zx9")}?utm=1`)).toBe("/apercu/…?utm=1");
    expect(loggedUrl(paths.admin.invitation("AbC"))).toBe("/admin/invitation/…");
  });
});
