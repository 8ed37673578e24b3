import path from "node:path";
import { ConfigError, loadConfig, type Config } from "../config/index.js";
import { codeOf } from "../lib/error-code-of.js";

/**
 * The database failures an operator meets by running the server or a command at the wrong time
 * or with the wrong settings, said in one line with what to do: a stack trace says none of it.
 * Anything else is undefined, for the caller to show whole (it is a bug, and the trace helps).
 */
export function storageFailure(error: unknown, database: Config["database"]): string | undefined {
  const code = codeOf(error);
  if (database.engine === "sqlite") {
    const file = database.file;
    // SQLite's extended codes (SQLITE_READONLY_DIRECTORY, SQLITE_CANTOPEN_ISDIR…) say the same
    // as their primary one, for an operator.
    switch (code?.replace(/^(SQLITE_[A-Z]+)_.*$/, "$1")) {
      case "EEXIST":
      case "ENOTDIR":
        return `${path.dirname(file)} is not a folder: KIOSQUE_DATA_DIR names the folder that holds the database.`;
      case "EACCES":
      case "EPERM":
        return `this user may not write ${file} or its folder: run as the user that owns them (KIOSQUE_DATA_DIR).`;
      case "SQLITE_BUSY":
        return `the database ${file} is busy: another process is writing to it (the server's first start, an import, a restore). Run this again once it is done.`;
      case "SQLITE_CANTOPEN":
        return `cannot open the database ${file}: does its folder exist, and may this user write there? (KIOSQUE_DATA_DIR)`;
      case "SQLITE_READONLY":
        return `the database ${file} is read-only for this user: run as the user that owns it.`;
      case "SQLITE_NOTADB":
      case "SQLITE_CORRUPT":
        return `${file} is not a readable Kiosque database (${code}): restore a backup (kiosque restore).`;
      case "SQLITE_FULL":
        return `the disk holding ${file} is full: make room, then run this again.`;
      default:
        return undefined;
    }
  }
  const where = serverOf(database.url);
  switch (code) {
    case "ECONNREFUSED":
      return `cannot reach PostgreSQL at ${where}: is it running, and is DATABASE_URL right?`;
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `cannot find the host of PostgreSQL (${where}): check DATABASE_URL.`;
    case "28P01":
    case "28000":
      return `PostgreSQL at ${where} refused the user or password of DATABASE_URL.`;
    case "3D000":
      return `PostgreSQL at ${where} has no such database: create it (createdb), or correct DATABASE_URL.`;
    case "57P03":
      return `PostgreSQL at ${where} is starting up or shutting down: run this again in a moment.`;
    default:
      return undefined;
  }
}

/**
 * What a command or the server says when it fails before doing its work: a wrong setting, or a
 * database failure `storageFailure` knows, each in one line. Undefined for anything else (a bug:
 * the caller shows it whole).
 */
export function startFailure(error: unknown): string | undefined {
  if (error instanceof ConfigError) return error.message;
  try {
    return storageFailure(error, loadConfig(process.env).database);
  } catch {
    // Settings that cannot be read say nothing of this error: it is shown whole.
    return undefined;
  }
}

/** Host and port only: the URL's user and password stay out of any message. */
function serverOf(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname || "localhost"}:${u.port || "5432"}`;
  } catch {
    return "the DATABASE_URL's server";
  }
}
