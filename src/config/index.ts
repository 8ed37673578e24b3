import os from "node:os";
import path from "node:path";
import { ConfigError } from "./config-error.js";
import { parseMediaStorage, type MediaStorage } from "./media-storage.js";
import { parsePublicUrl, parseTrustProxy, type TrustProxy } from "./proxy.js";
import { Type, type Static } from "@sinclair/typebox";
import { Value } from "@sinclair/typebox/value";

/**
 * Every setting the process reads from its environment. Each key has its variable, a default and
 * a doc line (docs/config.md repeats them for operators). Values are validated, never coerced
 * silently: "PORT=abc" stops the process with a message naming PORT.
 */
const EnvSchema = Type.Object({
  PORT: Type.Optional(Type.String({ pattern: "^[0-9]{1,5}$" })),
  HOST: Type.Optional(Type.String({ minLength: 1 })),
  KIOSQUE_DATA_DIR: Type.Optional(Type.String({ minLength: 1 })),
  DATABASE_URL: Type.Optional(Type.String({ pattern: "^postgres(ql)?://" })),
  KIOSQUE_DEMO: Type.Optional(Type.Union([Type.Literal("0"), Type.Literal("1")])),
  KIOSQUE_SECRET: Type.Optional(Type.String({ minLength: 32 })),
  // A hop count or a list of addresses/CIDRs: checked entry by entry in proxy.ts.
  KIOSQUE_TRUST_PROXY: Type.Optional(Type.String({ minLength: 1 })),
  KIOSQUE_PUBLIC_URL: Type.Optional(Type.String({ minLength: 1 })),
  NODE_ENV: Type.Optional(Type.String()),
  KIOSQUE_PAGE_CACHE_MB: Type.Optional(Type.String({ pattern: "^[0-9]{1,5}$" })),
  KIOSQUE_WORKERS: Type.Optional(Type.String({ pattern: "^[1-9][0-9]{0,2}$" })),
  // S3-compatible object storage for uploaded images (config/media-storage.ts checks them together).
  KIOSQUE_S3_ENDPOINT: Type.Optional(Type.String({ minLength: 1 })),
  KIOSQUE_S3_BUCKET: Type.Optional(Type.String({ minLength: 1 })),
  KIOSQUE_S3_REGION: Type.Optional(Type.String({ minLength: 1 })),
  KIOSQUE_S3_ACCESS_KEY_ID: Type.Optional(Type.String({ minLength: 1 })),
  KIOSQUE_S3_SECRET_ACCESS_KEY: Type.Optional(Type.String({ minLength: 1 })),
  LOG_LEVEL: Type.Optional(
    Type.Union(
      ["fatal", "error", "warn", "info", "debug", "trace", "silent"].map((l) => Type.Literal(l)),
    ),
  ),
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

/** The address to open in a browser, as the start line says it: a wildcard or loopback host is this machine. */
export function localUrl(config: Pick<Config, "host" | "port">): string {
  const shown =
    config.host === "0.0.0.0" || config.host === "127.0.0.1" ? "localhost" : config.host;
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
 * The systems where processes can share one port (`reusePort`, as Node's net documentation lists
 * them). Elsewhere (macOS, Windows) a listen with it fails, so one process serves there.
 */
const SHARED_PORT_PLATFORMS: readonly NodeJS.Platform[] = ["linux", "freebsd", "sunos", "aix"];

export function loadConfig(
  env: NodeJS.ProcessEnv,
  cwd = process.cwd(),
  platform: NodeJS.Platform = process.platform,
): Config {
  const raw = Object.fromEntries(
    envVariables.filter((k) => env[k] !== undefined && env[k] !== "").map((k) => [k, env[k]]),
  );
  const problems = [...Value.Errors(EnvSchema, raw)].map((e) => {
    const name = e.path.slice(1);
    return `${name || "environment"}: ${e.message} (got ${shownValue(name, e.value)})`;
  });
  if (problems.length > 0)
    throw new ConfigError(`Invalid configuration:\n  ${problems.join("\n  ")}`);
  const vars = raw as Static<typeof EnvSchema>;
  const port = Number(vars.PORT ?? "3000");
  // 0 would be a port of the system's choosing, which nobody could be told of in advance.
  if (port < 1 || port > 65535) problems.push(`PORT: must be from 1 to 65535 (got ${port})`);
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
      ? os.availableParallelism()
      : 1;
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
