import type { Config } from "./index.js";
import { ConfigError } from "./config-error.js";

/**
 * The server could not listen where PORT and HOST say: a setting wrong for this machine, said in
 * one line with what to do (`startFailure` shows a ConfigError's message alone). Starting the
 * process again changes nothing, so a supervisor stops rather than restarts.
 */
export class ListenError extends ConfigError {
  override name = "ListenError";
  constructor(where: Pick<Config, "host" | "port">, cause: unknown) {
    super(`cannot listen on ${where.host}:${where.port}: ${reason(where, cause)}`, { cause });
  }
}

function reason({ host }: Pick<Config, "host">, cause: unknown): string {
  const code =
    typeof cause === "object" && cause !== null ? (cause as { code?: unknown }).code : undefined;
  switch (code) {
    case "EADDRINUSE":
      return "the port is in use by another process: stop it, or choose another port (PORT).";
    case "EACCES":
      return "this user may not listen on that port: choose one above 1023 (PORT).";
    case "EADDRNOTAVAIL":
      return `this machine has no address ${host}: choose one of its own, or 0.0.0.0 (HOST).`;
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `HOST ${host} names no host this machine can find: give an address or a known name (HOST).`;
    default:
      return `${cause instanceof Error ? cause.message : String(cause)} (PORT, HOST).`;
  }
}
