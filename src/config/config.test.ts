import os from "node:os";
import { describe, expect, it } from "vitest";
import { ConfigError, envVariables, loadConfig, localUrl } from "./index.js";

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
    expect(loadConfig({}, undefined, "linux").workers).toBe(
      Math.min(os.availableParallelism(), 64),
    );
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

describe("a variable set but empty", () => {
  it.each(envVariables)("%s= is refused, never read as unset", (name) => {
    // DATABASE_URL= once served a new, empty SQLite site to an operator who meant PostgreSQL.
    expect(() => loadConfig({ [name]: "" })).toThrow(
      `${name}: set but empty: give a value or unset it`,
    );
  });
});

describe("every refusal", () => {
  const said = (env: NodeJS.ProcessEnv) => {
    try {
      loadConfig(env, undefined, "linux");
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      return String(error);
    }
    throw new Error("expected the setting to be refused");
  };

  it.each([
    [
      { LOG_LEVEL: "verbose" },
      'LOG_LEVEL: expected one of fatal, error, warn, info, debug, trace, silent (got "verbose")',
    ],
    [{ KIOSQUE_DEMO: "yes" }, 'KIOSQUE_DEMO: expected one of 0, 1 (got "yes")'],
    [{ PORT: "abc" }, 'PORT: expected a port number from 1 to 65535 (got "abc")'],
    [{ PORT: "65536" }, 'PORT: expected a port number from 1 to 65535 (got "65536")'],
    [
      { KIOSQUE_PAGE_CACHE_MB: "lots" },
      'KIOSQUE_PAGE_CACHE_MB: expected a whole number of MB, 0 to 99999 (got "lots")',
    ],
    [
      { KIOSQUE_WORKERS: "500" },
      'KIOSQUE_WORKERS: expected a whole number of processes from 1 to 64 (got "500")',
    ],
    [
      { KIOSQUE_WORKERS: "0" },
      'KIOSQUE_WORKERS: expected a whole number of processes from 1 to 64 (got "0")',
    ],
  ])("names the variable, what it was given and what it accepts: %j", (env, message) => {
    expect(said(env)).toContain(message);
  });

  it('never says a schema\'s own words (a pattern, "Expected union value")', () => {
    // Every variable the schema itself constrains, given a value it refuses.
    for (const name of [
      "PORT",
      "DATABASE_URL",
      "KIOSQUE_DEMO",
      "KIOSQUE_SECRET",
      "KIOSQUE_PAGE_CACHE_MB",
      "KIOSQUE_WORKERS",
      "LOG_LEVEL",
    ]) {
      const message = said({ [name]: "x" });
      expect(message, name).toMatch(new RegExp(`\\n  ${name}: expected .+ \\(got .+\\)$`));
      expect(message, name).not.toMatch(/Expected|union|pattern|\^|\[0-9\]/);
    }
  });
});

describe("DATABASE_URL", () => {
  it.each([
    "postgres://kiosque:pass-word-secret@127.0.0.1:99999/site",
    "postgres://kiosque:pass-word-secret@127.0.0.1:port/site",
    "postgres://kiosque:pass-word-secret@[::1/site",
    "postgres://kiosque:pass-word-secret%e9@db/site",
  ])("refuses %s as the driver could not read it, without its password", (url) => {
    try {
      loadConfig({ DATABASE_URL: url });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect(String(error)).toMatch(/DATABASE_URL: expected a PostgreSQL URL/);
      expect(String(error)).toContain(`got ${url.length} characters, not shown`);
      expect(String(error)).not.toContain("pass-word-secret");
    }
  });

  it.each([
    "postgres://kiosque:secret@db.example:5432/site",
    "postgresql://kiosque:p%40ss@[::1]:5432/site",
    // A Unix socket, named by the query as the driver reads it.
    "postgres://kiosque@/site?host=/var/run/postgresql",
  ])("takes %s", (url) => {
    expect(loadConfig({ DATABASE_URL: url }).database).toEqual({ engine: "postgres", url });
  });
});

describe("localUrl", () => {
  it.each([
    ["127.0.0.1", "http://localhost:3922"],
    ["0.0.0.0", "http://localhost:3922"],
    ["::", "http://localhost:3922"],
    ["::1", "http://[::1]:3922"],
    ["2001:db8::5", "http://[2001:db8::5]:3922"],
    ["fe80::1%eth0", "http://[fe80::1%25eth0]:3922"],
    ["news.example", "http://news.example:3922"],
  ])("says HOST=%s as %s, an address a browser opens", (host, url) => {
    expect(localUrl({ host, port: 3922 })).toBe(url);
    // WHATWG URLs have no zone (RFC 6874's form is the one there is): browsers refuse any.
    if (!host.includes("%")) expect(URL.canParse(url)).toBe(true);
  });
});
