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

  it("keeps what people typed in a query out of the logs, and its keys and numbers in", () => {
    expect(loggedUrl("/admin/commentaires?q=alice.secret%40victim.example&page=2")).toBe(
      "/admin/commentaires?q=…&page=2",
    );
    expect(loggedUrl("/recherche?q=mon+voisin+Jean+Dupont&rubrique=monde")).toBe(
      "/recherche?q=…&rubrique=…",
    );
    expect(loggedUrl("/article/x?replytocom=12&cpage=3")).toBe("/article/x?replytocom=12&cpage=3");
    // A value without its key, a key that is no key, an empty value, a bare "?".
    expect(loggedUrl("/?alice@example.org")).toBe("/?…");
    expect(loggedUrl("/?a%40b.example=1&x=&")).toBe("/?…=1&x=&");
    expect(loggedUrl("/recherche?")).toBe("/recherche?");
    expect(loggedUrl("/admin/invitation/AbC?email=a%40b.example")).toBe(
      "/admin/invitation/…?email=…",
    );
  });
});
