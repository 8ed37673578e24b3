import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  isPrivateAddress,
  outboundFetch,
  type OutboundRules,
} from "../../src/lib/outbound-fetch.js";
import {
  SMALL_IMAGE,
  startOutboundServer,
  type OutboundServer,
} from "../helpers/outbound-server.js";

describe("the outbound fetch's address rule", () => {
  it("refuses private, loopback, link-local, reserved and mapped addresses, and non-addresses", () => {
    for (const a of [
      "10.1.2.3",
      "127.0.0.1",
      "127.255.0.9",
      "169.254.169.254",
      "172.16.0.1",
      "172.31.255.255",
      "192.168.1.1",
      "100.64.0.1",
      "0.0.0.0",
      "192.0.2.10",
      "198.51.100.7",
      "203.0.113.9",
      "224.0.0.1",
      "255.255.255.255",
      "::1",
      "::",
      "fe80::1",
      "fd00::1",
      "ff02::1",
      "2001:db8::1",
      "64:ff9b::a00:1",
      "::ffff:10.0.0.1",
      "::ffff:127.0.0.1",
      "::ffff:a9fe:a9fe",
      // IPv4 inside IPv6 by the other ways: compatible, translated, 6to4, Teredo, local NAT64.
      "::127.0.0.1",
      "::ffff:0:7f00:1",
      "2002:7f00:1::",
      "2002:c0a8:101::1",
      "2001:0:4136:e378:8000:63bf:80ff:fffe",
      "64:ff9b:1::7f00:1",
      "fec0::1",
      "[::1]",
      "localhost",
      "",
    ])
      expect([a, isPrivateAddress(a)]).toEqual([a, true]);
    for (const a of ["93.184.216.34", "151.101.1.1", "8.8.8.8", "2606:4700::1111", "2a00:1450::1"])
      expect([a, isPrivateAddress(a)]).toEqual([a, false]);
  });
});

describe("outbound fetches against a server on this machine", () => {
  let server: OutboundServer;
  /** The test server's own origin is trusted, as a test's fake provider is: nothing else is. */
  let rules: OutboundRules;
  beforeAll(async () => {
    server = await startOutboundServer();
    rules = {
      maxBytes: 64 * 1024,
      timeoutMs: 3_000,
      trusted: (u) => u.origin === server.base,
      types: ["image/"],
    };
  });
  afterAll(() => server.close());

  it("takes an image whole, with its type, and one that declares no type", async () => {
    const got = await outboundFetch(`${server.base}/image.png`, rules);
    expect(got).toMatchObject({ ok: true, type: "image/png" });
    if (got.ok) expect(got.bytes.equals(SMALL_IMAGE)).toBe(true);
    expect(await outboundFetch(`${server.base}/untyped`, rules)).toMatchObject({ ok: true });
  });

  it("refuses a type it was not asked for", async () => {
    expect(await outboundFetch(`${server.base}/page.html`, rules)).toMatchObject({
      ok: false,
      why: "type",
      detail: "text/html; charset=utf-8",
    });
  });

  it("refuses the machine itself when it is not trusted, written or resolved", async () => {
    const strict = { ...rules, trusted: () => false };
    expect(await outboundFetch(`${server.base}/image.png`, strict)).toMatchObject({
      ok: false,
      why: "private-address",
    });
    const port = new URL(server.base).port;
    expect(await outboundFetch(`http://localhost:${port}/image.png`, strict)).toMatchObject({
      ok: false,
      why: "private-resolved",
      host: "localhost",
    });
  });

  it("refuses redirects to loopback, private and link-local addresses, before connecting", async () => {
    const port = new URL(server.base).port;
    for (const target of [
      `http://127.0.0.2:${port}/image.png`,
      `http://10.0.0.1/image.png`,
      `http://[::1]:${port}/image.png`,
      `http://169.254.169.254/latest/meta-data/`,
      `http://[::ffff:169.254.169.254]/latest/meta-data/`,
      `http://0.0.0.0:${port}/image.png`,
    ]) {
      const got = await outboundFetch(`${server.base}/to?url=${encodeURIComponent(target)}`, rules);
      expect([target, got]).toMatchObject([target, { ok: false, why: "private-address" }]);
    }
  });

  it("refuses a redirect to a name that resolves to a private address (rebinding)", async () => {
    const resolving = {
      ...rules,
      resolve: async (host: string) =>
        host === "images.example"
          ? [
              { address: "93.184.216.34", family: 4 },
              { address: "10.0.0.7", family: 4 },
            ]
          : [{ address: "169.254.169.254", family: 4 }],
    };
    for (const target of ["http://images.example/a.png", "http://metadata.example/"]) {
      const got = await outboundFetch(
        `${server.base}/to?url=${encodeURIComponent(target)}`,
        resolving,
      );
      expect([target, got]).toMatchObject([target, { ok: false, why: "private-resolved" }]);
    }
  });

  it("refuses other schemes and credentials, even after a redirect, and applies the caller's rule", async () => {
    expect(await outboundFetch("file:///etc/passwd", rules)).toMatchObject({ why: "scheme" });
    expect(await outboundFetch("gopher://example.org/", rules)).toMatchObject({ why: "scheme" });
    expect(await outboundFetch("not a url", rules)).toMatchObject({ why: "bad-url" });
    expect(
      await outboundFetch(
        `${server.base}/to?url=${encodeURIComponent("file:///etc/passwd")}`,
        rules,
      ),
    ).toMatchObject({ ok: false, why: "scheme" });
    expect(
      await outboundFetch(
        `${server.base}/to?url=${encodeURIComponent("https://u:p@example.org/")}`,
        rules,
      ),
    ).toMatchObject({ ok: false, why: "credentials" });
    const ownRule = { ...rules, refuse: (u: URL) => (u.pathname === "/to" ? undefined : "no") };
    expect(
      await outboundFetch(`${server.base}/to?url=${encodeURIComponent("/image.png")}`, ownRule),
    ).toEqual({ ok: false, why: "refused", detail: "no" });
  });

  it("follows a few redirects, not a loop", async () => {
    const once = await outboundFetch(`${server.base}/to?url=%2Fimage.png`, rules);
    expect(once).toMatchObject({ ok: true, url: `${server.base}/image.png` });
    server.asked.length = 0;
    expect(await outboundFetch(`${server.base}/loop`, rules)).toMatchObject({
      ok: false,
      why: "redirects",
    });
    // The first request and three redirects, no more.
    expect(server.asked).toEqual(["/loop", "/loop", "/loop", "/loop"]);
  });

  it("stops at the byte cap, declared or met while reading", async () => {
    for (const p of ["/declared-big", "/streamed-big"])
      expect([p, await outboundFetch(`${server.base}${p}`, rules)]).toMatchObject([
        p,
        { ok: false, why: "too-large" },
      ]);
  });

  it("gives up on a body that trickles and an answer that never comes", async () => {
    const quick = { ...rules, timeoutMs: 600, idleMs: 300 };
    expect(await outboundFetch(`${server.base}/trickle`, quick)).toMatchObject({
      ok: false,
      why: "timeout",
    });
    expect(await outboundFetch(`${server.base}/silent`, quick)).toMatchObject({
      ok: false,
      why: "timeout",
    });
  });

  it("says the status of an answer that is not the file", async () => {
    expect(await outboundFetch(`${server.base}/none`, rules)).toEqual({
      ok: false,
      why: "status",
      status: 404,
    });
  });
});
