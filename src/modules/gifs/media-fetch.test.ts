import { describe, expect, it } from "vitest";
import { fetchMedia, isPrivateAddress, refusal, trustedOrigin } from "./media-fetch.js";
import { GIPHY_MEDIA_HOSTS } from "./providers/giphy.js";

const giphy = { hosts: GIPHY_MEDIA_HOSTS, endpoint: "https://api.giphy.com" };
const limits = { maxBytes: 1024, timeoutMs: 2_000 };

describe("the media fetcher's rules", () => {
  it("knows private, loopback, link-local and reserved addresses, mapped ones included", () => {
    for (const a of [
      "10.1.2.3",
      "127.0.0.1",
      "169.254.169.254",
      "172.16.0.1",
      "192.168.1.1",
      "100.64.0.1",
      "0.0.0.0",
      "::1",
      "::",
      "fe80::1",
      "fd00::1",
      "::ffff:10.0.0.1",
      "::ffff:a00:1",
      "[::1]",
      "not an address",
    ])
      expect(isPrivateAddress(a), a).toBe(true);
    for (const a of ["151.101.1.1", "2606:4700::1111", "8.8.8.8"])
      expect(isPrivateAddress(a), a).toBe(false);
  });

  it("fetches only https URLs on the provider's media hosts, default port, no credentials", () => {
    const no = (url: string) => refusal(new URL(url), giphy);
    expect(no("https://media2.giphy.com/media/x/200w.webp")).toBeUndefined();
    expect(no("http://media2.giphy.com/x.webp")).toBe("not https");
    expect(no("https://media2.giphy.com:8443/x.webp")).toBe("not the default port");
    expect(no("https://user:pw@media2.giphy.com/x.webp")).toBe("credentials in URL");
    expect(no("https://evil.example/x.webp")).toBe("host not allowed");
    expect(no("https://media2.giphy.com.evil.example/x.webp")).toBe("host not allowed");
    expect(no("https://151.101.1.1/x.webp")).toBe("IP literal");
    expect(no("https://[::1]/x.webp")).toBe("IP literal");
  });

  it("trusts a loopback endpoint's exact origin, and nothing else on loopback", () => {
    const test = { hosts: GIPHY_MEDIA_HOSTS, endpoint: "http://127.0.0.1:5555" };
    expect(trustedOrigin("http://127.0.0.1:5555/v1")).toBe("http://127.0.0.1:5555");
    expect(trustedOrigin("https://api.giphy.com")).toBeUndefined();
    expect(trustedOrigin("http://10.0.0.2:5555")).toBeUndefined();
    expect(refusal(new URL("http://127.0.0.1:5555/media/a.webp"), test)).toBeUndefined();
    for (const other of [
      "http://127.0.0.1:5556/media/a.webp",
      "https://127.0.0.1:5555/media/a.webp",
      "http://localhost:5555/media/a.webp",
      "http://127.0.0.2:5555/media/a.webp",
    ])
      expect(refusal(new URL(other), test), other).toBeDefined();
    // A private endpoint that is not loopback earns no trust at all.
    const lan = { hosts: GIPHY_MEDIA_HOSTS, endpoint: "http://10.0.0.2:5555" };
    expect(refusal(new URL("http://10.0.0.2:5555/media/a.webp"), lan)).toBe("not https");
  });

  it("refuses an allowed host whose name resolves to a private address, before connecting", async () => {
    for (const address of ["10.0.0.7", "169.254.169.254", "::1", "::ffff:127.0.0.1"]) {
      const got = await fetchMedia(
        "https://media0.giphy.com/media/x/200w.webp",
        { ...giphy, resolve: async () => [{ address, family: address.includes(":") ? 6 : 4 }] },
        limits,
      );
      expect(got.ok, address).toBe(false);
      if (!got.ok) expect(got.reason, address).toContain("private address");
    }
  });

  it("refuses when any of a host's addresses is private (a rebinding answer)", async () => {
    const got = await fetchMedia(
      "https://media0.giphy.com/media/x/200w.webp",
      {
        ...giphy,
        resolve: async () => [
          { address: "151.101.1.1", family: 4 },
          { address: "127.0.0.1", family: 4 },
        ],
      },
      limits,
    );
    expect(got).toMatchObject({ ok: false });
  });
});
