import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Readable, pipeline } from "node:stream";
import { pipeline as pipelineAsync } from "node:stream/promises";
import { StringDecoder } from "node:string_decoder";
import { createGunzip, createGzip } from "node:zlib";
import { KiosqueError } from "../lib/errors.js";
import type { Engine } from "./engines/adapter.js";

/**
 * The one backup format of both engines, so that a SQLite site's backup restores into PostgreSQL
 * (and back): gzip-compressed NDJSON, one JSON value a line.
 *
 *   {"format":"kiosque-backup","version":1,"createdAt",…,"migrations":[…],"tables":[…]}  header
 *   {"table":"categories","columns":["id","slug",…]}     then each table in `tables` order, which
 *   [1,"politique",…]                                    satisfies foreign keys: one array a row
 *   {"end":true,"rows":{"categories":8,…}}               trailer: without it the file was cut
 */
export const FORMAT = "kiosque-backup";
export const VERSION = 1;

export interface BackupHeader {
  format: typeof FORMAT;
  version: number;
  createdAt: string;
  engine: Engine;
  /** The schema the rows fit: restore refuses a database whose migrations differ. */
  migrations: string[];
  tables: string[];
  /**
   * The largest id each table ever handed out, deleted rows' included (absent from backups made
   * before it was recorded): a restore never hands them out again, since readers' cookies may
   * hold them.
   */
  identities?: Record<string, number>;
}

export type BackupPart =
  { kind: "table"; table: string; columns: string[] } | { kind: "row"; values: unknown[] };

/**
 * A backup or restore refused before anything was written: a file it cannot write or use. Its
 * status comes with its code (lib/error-codes.ts).
 */
export class BackupRefused extends KiosqueError {}

export const headerLine = (header: BackupHeader) => `${JSON.stringify(header)}\n`;
export const tableLine = (table: string, columns: readonly string[]) =>
  `${JSON.stringify({ table, columns })}\n`;
export const endLine = (rows: Record<string, number>) => `${JSON.stringify({ end: true, rows })}\n`;

/** Bytes (a BLOB, a bytea) travel as base64; every other column value is already JSON. */
export function rowLine(values: readonly unknown[]): string {
  const portable = values.map((v) =>
    v instanceof Uint8Array ? { $bytes: Buffer.from(v).toString("base64") } : v,
  );
  return `${JSON.stringify(portable)}\n`;
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * A cell back from what rowLine wrote: null, text, a finite number, or bytes as base64 — every
 * column of both engines holds one of these (no boolean column: SQLite has none). Anything else
 * is undefined: a damaged file, which neither driver may see. better-sqlite3 throws on an object
 * mid-restore, node-postgres would store it in a text column as JSON.
 */
function fromPortable(value: unknown): unknown {
  if (value === null || typeof value === "string") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (isObject(value) && Object.keys(value).join() === "$bytes") {
    const bytes = value.$bytes;
    if (typeof bytes === "string" && BASE64.test(bytes)) return Buffer.from(bytes, "base64");
  }
  return undefined;
}

const unwritable = (file: string, reason: string) =>
  new BackupRefused("KIOSQUE_BACKUP_UNWRITABLE", { file, reason });

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** A step that makes or moves FILE: its failure is FILE's place refusing the backup. */
async function placing<T>(file: string, step: Promise<T>): Promise<T> {
  return step.catch((error: unknown) => {
    throw unwritable(file, reasonOf(error));
  });
}

/**
 * Writes `chunks` gzipped to a hidden temporary file beside `file`, flushes it to disk, then
 * renames it: FILE is either the whole backup or absent (or its previous version), never a part.
 * Owner-only permissions: a backup holds commenters' e-mails and the site's secret.
 */
export async function writeAtomically(
  file: string,
  chunks: AsyncIterable<string>,
): Promise<number> {
  const temp = path.join(
    path.dirname(file),
    `.${path.basename(file)}.${randomBytes(4).toString("hex")}.partial`,
  );
  await placing(file, fs.promises.access(path.dirname(file), fs.constants.W_OK));
  // The rename below replaces whatever FILE names: a device (`/dev/full`), a named pipe, a
  // symbolic link (`/dev/stdout`) would become a regular file, a folder fails halfway. Only a
  // regular file, or nothing yet, is a backup's place.
  const there = await fs.promises.lstat(file).catch(() => undefined);
  if (path.basename(file) === "" || (there !== undefined && !there.isFile()))
    throw unwritable(file, "not a regular file: give the name of a new file, or of an old backup");
  // Made before any row is read, apart from the writing: the check above passes where no file
  // can be made (root in `/proc`), and a failure while the rows are read is the backup's own.
  const out = await placing(file, fs.promises.open(temp, "wx", 0o600));
  try {
    // The file's own failures (a full disk: ENOSPC, a quota: EDQUOT) are its place refusing the
    // backup, said as such; a failure of the rows' reading (the database) goes on as it is. The
    // pipeline hands either one on to every stream: the first to fail is the one that failed.
    const rows = Readable.from(chunks);
    const sink = out.createWriteStream();
    let first: { file: boolean; error: unknown } | undefined;
    rows.once("error", (error) => (first ??= { file: false, error }));
    sink.once("error", (error) => (first ??= { file: true, error }));
    await pipelineAsync(rows, createGzip(), sink).catch((error: unknown) => {
      throw first?.file && first.error === error ? unwritable(file, reasonOf(error)) : error;
    });
    const handle = await fs.promises.open(temp, "r");
    // Some file systems (NFS, a quota) say that the disk is full only when the data is flushed.
    await placing(
      file,
      handle.sync().finally(() => handle.close()),
    );
    await placing(file, fs.promises.rename(temp, file));
    return (await fs.promises.stat(file)).size;
  } catch (error) {
    await fs.promises.rm(temp, { force: true });
    throw error;
  }
}

async function* lines(file: string): AsyncGenerator<string> {
  // pipeline() tears the file stream down too when the reader stops early or gunzip fails.
  const text = pipeline(fs.createReadStream(file), createGunzip(), () => {});
  const decoder = new StringDecoder("utf8");
  let rest = "";
  for await (const chunk of text as AsyncIterable<Buffer>) {
    const parts = (rest + decoder.write(chunk)).split("\n");
    rest = parts.pop() ?? "";
    yield* parts;
  }
  rest += decoder.end();
  if (rest !== "") yield rest;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === "object" && !Array.isArray(v);
const isStrings = (v: unknown): v is string[] =>
  Array.isArray(v) && v.every((s) => typeof s === "string");

/**
 * Reads a backup, checking its shape as it goes: the header first, then each announced table in
 * order, rows as wide as their table, and a trailer whose counts match what was read. Anything
 * else throws BackupRefused: KIOSQUE_BACKUP_NOT_A_BACKUP when the start is not a kiosque backup
 * this version reads, KIOSQUE_BACKUP_DAMAGED when it is cut short or corrupt further on. Only
 * the trailer proves the file whole, so read it to the end before writing anything from it.
 */
export async function* readBackup(
  file: string,
  onHeader: (header: BackupHeader) => void,
): AsyncGenerator<BackupPart> {
  let header: BackupHeader | undefined;
  let line = 0;
  let current: { table: string; columns: string[] } | undefined;
  let ended = false;
  const counted: Record<string, number> = {};
  const damaged = (reason: string) =>
    new BackupRefused("KIOSQUE_BACKUP_DAMAGED", { file, line, reason });
  try {
    for await (const text of lines(file)) {
      line++;
      const value: unknown = JSON.parse(text);
      if (!header) {
        header = checkHeader(file, value);
        onHeader(header);
      } else if (ended) {
        throw damaged("data after the trailer");
      } else if (Array.isArray(value)) {
        if (value.length !== current?.columns.length) throw damaged("a row that fits no table");
        const values = value.map(fromPortable);
        const odd = values.indexOf(undefined);
        if (odd >= 0)
          throw damaged(`${current.table}.${current.columns[odd]}: a value no column holds`);
        counted[current.table] = (counted[current.table] ?? 0) + 1;
        yield { kind: "row", values };
      } else if (isObject(value) && typeof value.table === "string" && isStrings(value.columns)) {
        if (value.table !== header.tables[Object.keys(counted).length] || value.table in counted)
          throw damaged(`table ${value.table} out of place`);
        current = { table: value.table, columns: value.columns };
        counted[current.table] = 0;
        yield { kind: "table", ...current };
      } else if (isObject(value) && value.end === true && isObject(value.rows)) {
        const rows = value.rows;
        if (header.tables.some((t) => rows[t] !== counted[t]))
          throw damaged(
            `row counts ${JSON.stringify(counted)}, trailer says ${JSON.stringify(rows)}`,
          );
        ended = true;
      } else {
        throw damaged("a line that is neither a table, a row nor the trailer");
      }
    }
  } catch (error) {
    if (error instanceof BackupRefused) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    if (!header) throw new BackupRefused("KIOSQUE_BACKUP_NOT_A_BACKUP", { file, reason });
    throw damaged(reason);
  }
  if (!header) throw new BackupRefused("KIOSQUE_BACKUP_NOT_A_BACKUP", { file, reason: "empty" });
  if (!ended) throw damaged("the file ends before its trailer: it was cut short");
}

/** Reads the whole file once, writing nothing: its header and rows per table, or BackupRefused. */
export async function checkBackup(
  file: string,
): Promise<{ header: BackupHeader; rows: Record<string, number> }> {
  let header: BackupHeader | undefined;
  const rows: Record<string, number> = {};
  let table = "";
  for await (const part of readBackup(file, (h) => (header = h))) {
    if (part.kind === "table") rows[(table = part.table)] = 0;
    else rows[table] = (rows[table] ?? 0) + 1;
  }
  if (!header) throw new BackupRefused("KIOSQUE_BACKUP_NOT_A_BACKUP", { file, reason: "empty" });
  return { header, rows };
}

function checkHeader(file: string, value: unknown): BackupHeader {
  const refuse = (reason: string) =>
    new BackupRefused("KIOSQUE_BACKUP_NOT_A_BACKUP", { file, reason });
  if (!isObject(value) || value.format !== FORMAT) throw refuse(`no "${FORMAT}" header`);
  if (value.version !== VERSION)
    throw refuse(`format version ${String(value.version)}; this kiosque reads version ${VERSION}`);
  if (!isStrings(value.migrations) || !isStrings(value.tables)) throw refuse("incomplete header");
  return value as unknown as BackupHeader;
}
