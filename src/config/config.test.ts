import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./index.js";

describe("KIOSQUE_TRUST_PROXY", () => {
  const trust = (value: string) => loadConfig({ KIOSQUE_TRUST_PROXY: value }).trustProxy;

  it("is off by default and with 0; a hop count otherwise (1: the one proxy in front)", () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(trust("0")).toBe(false);
    expect(trust("1")).toBe(1);
    expect(trust("2")).toBe(2);
  });

  it("takes a list of addresses, CIDRs and proxy-addr's range names", () => {
    expect(trust("10.0.0.1, 192.168.0.0/16,::1,fd00::/8,loopback")).toEqual([
      "10.0.0.1",
      "192.168.0.0/16",
      "::1",
      "fd00::/8",
      "loopback",
    ]);
  });

  it.each([
    "true",
    "yes",
    "10.0.0.300",
    "10.0.0.0/33",
    "::1/129",
    "10.0.0.1,",
    "example.com",
    "99",
  ])("refuses %j, naming the variable", (value) => {
    expect(() => trust(value)).toThrow(ConfigError);
    expect(() => trust(value)).toThrow(/KIOSQUE_TRUST_PROXY/);
  });
});

describe("KIOSQUE_PUBLIC_URL", () => {
  it("is an origin, normalised", () => {
    expect(loadConfig({}).publicUrl).toBeUndefined();
    expect(loadConfig({ KIOSQUE_PUBLIC_URL: "HTTPS://News.Example:443/" }).publicUrl).toBe(
      "https://news.example",
    );
    expect(loadConfig({ KIOSQUE_PUBLIC_URL: "http://localhost:3000" }).publicUrl).toBe(
      "http://localhost:3000",
    );
  });

  it.each([
    "news.example",
    "ftp://news.example",
    "https://news.example/blog",
    "https://a@b.example",
    "https://news.example/?x=1",
  ])("refuses %j, naming the variable", (value) => {
    expect(() => loadConfig({ KIOSQUE_PUBLIC_URL: value })).toThrow(/KIOSQUE_PUBLIC_URL/);
  });
});
