import os from "node:os";
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

describe("KIOSQUE_S3_*", () => {
  const s3 = {
    KIOSQUE_S3_ENDPOINT: "https://s3.eu-west-3.amazonaws.com/",
    KIOSQUE_S3_BUCKET: "journal-images",
    KIOSQUE_S3_ACCESS_KEY_ID: "AKIAEXAMPLE",
    KIOSQUE_S3_SECRET_ACCESS_KEY: "secret/key+value",
  };

  it("keeps images in the database when none is set", () => {
    expect(loadConfig({}).media).toEqual({ store: "database" });
  });

  it("names a bucket when they are, the region defaulting to us-east-1", () => {
    expect(loadConfig(s3).media).toEqual({
      store: "s3",
      endpoint: "https://s3.eu-west-3.amazonaws.com",
      bucket: "journal-images",
      region: "us-east-1",
      accessKeyId: "AKIAEXAMPLE",
      secretAccessKey: "secret/key+value",
    });
    expect(loadConfig({ ...s3, KIOSQUE_S3_REGION: "eu-west-3" }).media).toMatchObject({
      region: "eu-west-3",
    });
  });

  it("refuses a partial set, naming each variable missing, never falling back to the database", () => {
    const run = () => loadConfig({ KIOSQUE_S3_BUCKET: "journal-images" });
    expect(run).toThrow(ConfigError);
    expect(run).toThrow(/KIOSQUE_S3_ENDPOINT/);
    expect(run).toThrow(/KIOSQUE_S3_ACCESS_KEY_ID/);
    expect(run).toThrow(/KIOSQUE_S3_SECRET_ACCESS_KEY/);
  });

  it.each([
    ["KIOSQUE_S3_ENDPOINT", "s3.example.com"],
    ["KIOSQUE_S3_ENDPOINT", "https://s3.example.com/bucket"],
    ["KIOSQUE_S3_ENDPOINT", "https://key:secret@s3.example.com"],
    ["KIOSQUE_S3_BUCKET", "Journal_Images"],
    ["KIOSQUE_S3_BUCKET", "ab"],
    ["KIOSQUE_S3_REGION", "Europe Ouest"],
  ])("refuses %s=%j, naming it", (name, value) => {
    expect(() => loadConfig({ ...s3, [name]: value })).toThrow(new RegExp(name));
  });

  it("never repeats the secret key in its messages", () => {
    expect(() => loadConfig({ ...s3, KIOSQUE_S3_BUCKET: "x" })).toThrow(ConfigError);
    try {
      loadConfig({ ...s3, KIOSQUE_S3_BUCKET: "x" });
    } catch (error) {
      expect(String(error)).not.toContain("secret/key+value");
    }
  });
});

describe("a refused setting", () => {
  it("names its variable and never shows a key's or a password's value, nor takes port 0", () => {
    const said = (env: NodeJS.ProcessEnv) => {
      try {
        loadConfig(env);
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        return String(error);
      }
      throw new Error("expected the setting to be refused");
    };
    const short = said({ KIOSQUE_SECRET: "trop-court-mais-secret" });
    expect(short).toContain("KIOSQUE_SECRET");
    expect(short).toContain("22 characters, not shown");
    expect(short).not.toContain("trop-court-mais-secret");
    const url = said({ DATABASE_URL: "mysql://kiosque:motdepasse@db/site" });
    expect(url).toContain("DATABASE_URL");
    expect(url).not.toContain("motdepasse");
    // Other values are said as given, to be corrected.
    expect(said({ PORT: "abc" })).toContain('"abc"');
    // 0 would listen where the system picks, on a port nobody was told of.
    for (const port of ["0", "00000", "65536"]) expect(said({ PORT: port })).toContain("PORT");
    expect(loadConfig({ PORT: "1" }).port).toBe(1);
  });
});

describe("KIOSQUE_WORKERS", () => {
  it("is one per core where processes can share a port, else one", () => {
    expect(loadConfig({}, undefined, "linux").workers).toBe(os.availableParallelism());
    expect(loadConfig({ KIOSQUE_WORKERS: "3" }, undefined, "linux").workers).toBe(3);
    // macOS and Windows refuse a listen that shares its port: one process serves there.
    for (const platform of ["darwin", "win32"] as const) {
      expect(loadConfig({}, undefined, platform).workers).toBe(1);
      expect(loadConfig({ KIOSQUE_WORKERS: "1" }, undefined, platform).workers).toBe(1);
      expect(() => loadConfig({ KIOSQUE_WORKERS: "2" }, undefined, platform)).toThrow(
        `KIOSQUE_WORKERS: processes share a port on Linux and a few other systems, not on ${platform}: set 1 (got 2)`,
      );
    }
  });
});
