import net from "node:net";
import os from "node:os";
import path from "node:path";
import { ConfigError } from "./config-error.js";
import { checkDatabaseUrl } from "./database-url.js";
import { parseMediaStorage, type MediaStorage } from "./media-storage.js";
import { parsePublicUrl, parseTrustProxy, type TrustProxy } from "./proxy.js";
import { Type, type Static } from "@sinclair/typebox";
import { Value } from "@sinclair/typebox/value";

/**
 * The most server processes KIOSQUE_WORKERS may ask for, and the default's bound. Each holds its
 * own V8 heap, page cache (64 MB by default) and database connections: past the cores they only
 * compete for them, and 500 on two cores exhausted the machine. 64 is more cores than the
 * machines Kiosque is meant for have.
 */
const MAX_WORKERS = 64;

/** A variable that takes one of a few words, each said in a refusal. */
const oneOf = (values: readonly string[]) =>
  Type.Union(
    values.map((v) => Type.Literal(v)),
    { description: `one of ${values.join(", ")}` },
  );

/**
 * Every setting the process reads from its environment. Each key has its variable, a default and
 * a doc line (docs/config.md repeats them for operators). Values are validated, never coerced
 * silently: "PORT=abc" stops the process with a message naming PORT. Each `description` is what
 * the variable accepts, said in every refusal of it in place of the schema's own message.
 */
const EnvSchema = Type.Object({
  // Checked for its range in loadConfig.
  PORT: Type.Optional(
    Type.String({ pattern: "^[0-9]{1,5}$", description: "a port number from 1 to 65535" }),
  ),
  HOST: Type.Optional(
    Type.String({ description: "an address or host name, like 127.0.0.1, ::1 or 0.0.0.0" }),
  ),
  KIOSQUE_DATA_DIR: Type.Optional(Type.String({ description: "a folder, like ./data" })),
  // Checked as the driver reads it in database-url.ts.
  DATABASE_URL: Type.Optional(
    Type.String({
      pattern: "^postgres(ql)?://",
      description: "a PostgreSQL URL, postgres://user:password@host:5432/database",
    }),
  ),
  KIOSQUE_DEMO: Type.Optional(oneOf(["0", "1"])),
  KIOSQUE_SECRET: Type.Optional(
    Type.String({ minLength: 32, description: "at least 32 characters" }),
  ),
  // A hop count or a list of addresses/CIDRs: checked entry by entry in proxy.ts.
  KIOSQUE_TRUST_PROXY: Type.Optional(
    Type.String({ description: "0, a hop count, or a list of addresses and CIDRs" }),
  ),
  KIOSQUE_PUBLIC_URL: Type.Optional(
    Type.String({ description: "the site's origin, like https://news.example" }),
  ),
  NODE_ENV: Type.Optional(Type.String({ description: "production, or another word" })),
  KIOSQUE_PAGE_CACHE_MB: Type.Optional(
    Type.String({ pattern: "^[0-9]{1,5}$", description: "a whole number of MB, 0 to 99999" }),
  ),
  // Checked for its range in loadConfig.
  KIOSQUE_WORKERS: Type.Optional(
    Type.String({
      pattern: "^[0-9]{1,5}$",
      description: `a whole number of processes from 1 to ${MAX_WORKERS}`,
    }),
  ),
  // S3-compatible object storage for uploaded images (config/media-storage.ts checks them together).
  KIOSQUE_S3_ENDPOINT: Type.Optional(
    Type.String({ description: "the service's origin, like https://s3.eu-west-3.amazonaws.com" }),
  ),
  KIOSQUE_S3_BUCKET: Type.Optional(Type.String({ description: "a bucket name" })),
  KIOSQUE_S3_REGION: Type.Optional(Type.String({ description: "a region name like eu-west-3" })),
  KIOSQUE_S3_ACCESS_KEY_ID: Type.Optional(Type.String({ description: "an access key" })),
  KIOSQUE_S3_SECRET_ACCESS_KEY: Type.Optional(Type.String({ description: "its secret" })),
  LOG_LEVEL: Type.Optional(oneOf(["fatal", "error", "warn", "info", "debug", "trace", "silent"])),
});

/** The variables `loadConfig` reads: docs/config.md documents each (test/docs-drift.test.ts). */
export const envVariables: readonly string[] = Object.keys(EnvSchema.properties);

export interface Config {
  /** TCP port to listen on. PORT, default 3000. */
  readonly port: number;
  /** Interface to listen on. HOST, default 127.0.0.1 (put a reverse proxy in front, or set 0.0.0.0). */
  readonly host: string;
  /** Where the SQLite file and other state live. KIOSQUE_DATA_DIR, default ./data. */
  readonly dataDir: string;
  /** Which database: a PostgreSQL URL from DATABASE_URL, else the SQLite file in dataDir. */
  readonly database:
    | { readonly engine: "sqlite"; readonly file: string }
    | { readonly engine: "postgres"; readonly url: string };
  /** Seed demo content into an empty database. KIOSQUE_DEMO, default 1. */
  readonly demo: boolean;
  /**
   * Key for signed cookies and salted hashes. KIOSQUE_SECRET (≥ 32 characters); when unset, one is
   * generated once and kept in the database so that every instance shares it.
   */
  readonly secret: string | undefined;
  /**
   * Which reverse proxies' X-Forwarded-For/-Proto/-Host to believe. KIOSQUE_TRUST_PROXY: `0`
   * (default) none; a hop count `N`, the N proxies nearest to us; or a comma-separated list of
   * addresses and CIDRs. Handed to Fastify's `trustProxy` as is.
   */
  readonly trustProxy: TrustProxy;
  /**
   * The site's public origin (`https://news.example`), for every absolute link (feeds, sitemap,
   * canonical, links sent out). KIOSQUE_PUBLIC_URL; unset, the request's Host decides.
   */
  readonly publicUrl: string | undefined;
  /** NODE_ENV=production: the server warns about settings a production site should have. */
  readonly production: boolean;
  /** pino level. LOG_LEVEL, default info. */
  readonly logLevel: string;
  /**
   * Memory for rendered pages (all encodings), in bytes. KIOSQUE_PAGE_CACHE_MB, default 64;
   * 0 turns the page cache off.
   */
  readonly pageCacheBytes: number;
  /**
   * Server processes sharing the port (src/supervisor.ts). KIOSQUE_WORKERS, default the number of
   * cores where processes can share a port (Linux), else 1; 1 serves from the one process started.
   */
  readonly workers: number;
  /**
   * Where uploaded images live, shared by every instance: the database (default), or an
   * S3-compatible bucket when KIOSQUE_S3_BUCKET is set (with KIOSQUE_S3_ENDPOINT,
   * KIOSQUE_S3_ACCESS_KEY_ID, KIOSQUE_S3_SECRET_ACCESS_KEY; KIOSQUE_S3_REGION, default us-east-1).
   */
  readonly media: MediaStorage;
}

export type { MediaStorage } from "./media-storage.js";

export { ConfigError } from "./config-error.js";
export { ListenError } from "./listen-error.js";
export { portIsFree } from "./port-probe.js";
export { exitOnOldNode } from "./node-version.js";

/**
 * The address to open in a browser, as the start line says it: a wildcard or loopback host is
 * this machine; an IPv6 address goes in brackets, as a URL must write it (its zone's "%" escaped).
 */
export function localUrl(config: Pick<Config, "host" | "port">): string {
  const { host } = config;
  const shown = ["0.0.0.0", "127.0.0.1", "::"].includes(host)
    ? "localhost"
    : net.isIPv6(host)
      ? `[${host.replace("%", "%25")}]`
      : host;
  return `http://${shown}:${config.port}`;
}

/**
 * Variables whose value is a key or holds a password: a refusal names the variable and says how
 * long the value is, never the value itself (start-up errors go to logs and terminals).
 */
const SECRET_VARIABLES = new Set([
  "KIOSQUE_SECRET",
  "DATABASE_URL",
  "KIOSQUE_S3_SECRET_ACCESS_KEY",
]);

const shownValue = (name: string, value: unknown) =>
  SECRET_VARIABLES.has(name) && typeof value === "string"
    ? `${value.length} characters, not shown`
    : JSON.stringify(value);

/**
 * A variable's refusal: its name, what it accepts (its schema's description) and what it was
 * given. Every refusal of the schema's is said here, never in the schema's own words ("Expected
 * union value", a pattern) which tell an operator neither the choices nor the range.
 */
function refusal(name: string, value: unknown): string {
  const schema: { description?: string } | undefined =
    EnvSchema.properties[name as keyof typeof EnvSchema.properties];
  return `${name}: expected ${schema?.description ?? "another value"} (got ${shownValue(name, value)})`;
}

/**
 * The systems where processes can share one port (`reusePort`, as Node's net documentation lists
 * them). Elsewhere (macOS, Windows) a listen with it fails, so one process serves there.
 */
const SHARED_PORT_PLATFORMS: readonly NodeJS.Platform[] = ["linux", "freebsd", "sunos", "aix"];

export function loadConfig(
  env: NodeJS.ProcessEnv,
  cwd = process.cwd(),
  platform: NodeJS.Platform = process.platform,
): Config {
  // Set but empty is refused, never read as unset: `DATABASE_URL=` would otherwise serve a new,
  // empty SQLite site to an operator who meant PostgreSQL. No variable documents empty as a value.
  const empty = envVariables.filter((k) => env[k] === "");
  const raw = Object.fromEntries(
    envVariables.filter((k) => env[k] !== undefined && env[k] !== "").map((k) => [k, env[k]]),
  );
  const refused = new Set([...Value.Errors(EnvSchema, raw)].map((e) => e.path.slice(1)));
  const problems = [
    ...empty.map((name) => `${name}: set but empty: give a value or unset it`),
    ...[...refused].map((name) => refusal(name, raw[name])),
  ];
  if (problems.length > 0)
    throw new ConfigError(`Invalid configuration:\n  ${problems.join("\n  ")}`);
  const vars = raw as Static<typeof EnvSchema>;
  const port = Number(vars.PORT ?? "3000");
  // 0 would be a port of the system's choosing, which nobody could be told of in advance.
  if (port < 1 || port > 65535) problems.push(refusal("PORT", vars.PORT));
  if (vars.DATABASE_URL !== undefined) checkDatabaseUrl(vars.DATABASE_URL, problems);
  const trustProxy = parseTrustProxy(vars.KIOSQUE_TRUST_PROXY ?? "0", problems);
  const publicUrl =
    vars.KIOSQUE_PUBLIC_URL === undefined
      ? undefined
      : parsePublicUrl(vars.KIOSQUE_PUBLIC_URL, problems);
  const media = parseMediaStorage(vars, problems);
  const sharedPort = SHARED_PORT_PLATFORMS.includes(platform);
  const workers = vars.KIOSQUE_WORKERS
    ? Number(vars.KIOSQUE_WORKERS)
    : sharedPort
      ? Math.min(os.availableParallelism(), MAX_WORKERS)
      : 1;
  if (workers < 1 || workers > MAX_WORKERS)
    problems.push(refusal("KIOSQUE_WORKERS", vars.KIOSQUE_WORKERS));
  if (workers > 1 && !sharedPort)
    problems.push(
      `KIOSQUE_WORKERS: processes share a port on Linux and a few other systems, not on ${platform}: set 1 (got ${workers})`,
    );
  if (problems.length > 0)
    throw new ConfigError(`Invalid configuration:\n  ${problems.join("\n  ")}`);
  const dataDir = path.resolve(cwd, vars.KIOSQUE_DATA_DIR ?? "data");
  const database: Config["database"] = vars.DATABASE_URL
    ? { engine: "postgres", url: vars.DATABASE_URL }
    : { engine: "sqlite", file: path.join(dataDir, "kiosque.sqlite") };
  return Object.freeze({
    port,
    host: vars.HOST ?? "127.0.0.1",
    dataDir,
    database,
    demo: vars.KIOSQUE_DEMO !== "0",
    secret: vars.KIOSQUE_SECRET,
    trustProxy,
    publicUrl,
    production: vars.NODE_ENV === "production",
    logLevel: vars.LOG_LEVEL ?? "info",
    pageCacheBytes: Number(vars.KIOSQUE_PAGE_CACHE_MB ?? "64") * 1024 * 1024,
    workers,
    media,
  });
}
