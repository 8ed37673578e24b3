import { InvalidArgumentError } from "commander";
import type { ErrorCode } from "../lib/error-codes.js";
import { Invalid, KiosqueError, type Problem } from "../lib/errors.js";
import { isStorageFull } from "../lib/storage-full.js";
import { isSettingKey } from "../modules/settings/index.js";
import { messages, problemTexts } from "../web/i18n/index.js";
import { settingProblem } from "./setting-words.js";

type Context = Readonly<Record<string, unknown>>;

/**
 * The command line's words for the refusals its commands meet: one sentence, what is wrong and
 * what to do. A service's context is for the logs (`{"what":"comment","id":99999}` told the
 * operator nothing they could act on); the code stays at the end, in brackets, to look up in
 * docs/errors.md. A code not named here gets a sentence that points there.
 */
const sentences: Partial<Record<ErrorCode, (c: Context) => string>> = {
  KIOSQUE_NOT_FOUND: notFound,
  KIOSQUE_SETTING_UNKNOWN: (c) =>
    `${c.key === undefined ? "this" : quoted(c.key)} is not a setting: \`kiosque settings list\` shows every setting with its value.`,
  KIOSQUE_RESTORE_NOT_EMPTY: () =>
    `this database already has articles or comments, so nothing was restored: restore into an empty database, or add --force to replace them with the backup's.`,
  KIOSQUE_BACKUP_NOT_A_BACKUP: (c) =>
    `${text(c.file)} is not a Kiosque backup (${text(c.reason)}): name a file written by \`kiosque backup\`.`,
  KIOSQUE_BACKUP_DAMAGED: (c) =>
    `${text(c.file)} is damaged${typeof c.line === "number" ? ` at line ${c.line}` : ""} (${text(c.reason)}), so nothing was restored: restore another backup.`,
  KIOSQUE_BACKUP_SCHEMA_MISMATCH: (c) =>
    `${text(c.file)} was written at another schema version than this database's, so nothing was restored: restore it with the Kiosque version that wrote it, then upgrade.`,
  KIOSQUE_BACKUP_UNWRITABLE: (c) =>
    /ENOSPC|EDQUOT/.test(text(c.reason))
      ? `cannot write the backup to ${text(c.file)}: its disk is full (${text(c.reason)}). Free space there, or name a file on another disk.`
      : `cannot write the backup to ${text(c.file)} (${text(c.reason)}): name a file in a folder that exists and that this user may write in.`,
  KIOSQUE_EXPORT_UNWRITABLE: (c) =>
    c.reason === "the file exists"
      ? `${text(c.file)} already exists, and an export never writes over a file: name another file, or move that one away.`
      : c.reason === "no file named"
        ? "no file named: give the name of the file to write."
        : `cannot write ${text(c.file)} (${text(c.reason)}): name a file in a folder that exists and that this user may write in.`,
};

/** What a service's NotFound names, and where the operator finds what exists. */
function notFound(c: Context): string {
  switch (c.what) {
    case "comment":
      return `there is no comment #${text(c.id)}: \`kiosque comments list\` shows the comments with their numbers.`;
    case "user":
      return c.email !== undefined
        ? `no account signs in with ${text(c.email)}: \`kiosque user list\` shows every account.`
        : `there is no account #${text(c.userId)}: \`kiosque user list\` shows every account.`;
    case "article":
      return `no article has the slug ${quoted(c.slug)}: check it (the last part of the article's address).`;
    default: {
      const named = ["id", "slug", "key", "ids"].map((k) => c[k]).find((v) => v !== undefined);
      return `there is no ${text(c.what)}${named === undefined ? "" : ` ${quoted(named)}`}: check what the command names.`;
    }
  }
}

/**
 * The lines to print for a refusal (exit code 2), or undefined for anything else, which is a
 * failure to show whole. English, as the help is, whatever the site's language: the words of a
 * form's field problems are web/i18n's English ones, or the setting's own (setting-words.ts).
 */
export function refusalLines(error: unknown): string[] | undefined {
  // An argument read inside the command (a list of ids), said as commander says its own.
  if (error instanceof InvalidArgumentError) return [`kiosque: ${error.message}`];
  // The database's disk full (lib/storage-full.ts) rolled the command's transaction back whole:
  // nothing is half-written, and there is nothing to do but make room and run it again.
  if (isStorageFull(error))
    return [
      "kiosque: the database's disk is full: free space, then run it again. [KIOSQUE_STORAGE_FULL]",
    ];
  if (!(error instanceof KiosqueError)) return undefined;
  const said = sentences[error.code];
  if (said) return [`kiosque: ${said(error.context)} [${error.code}]`];
  if (error instanceof Invalid)
    return Object.entries(error.fields).map(
      ([field, problem]) => `${field}: ${fieldWords(error.code, field, problem)} [${error.code}]`,
    );
  const reason = error.context.reason;
  return [
    `kiosque: refused${reason === undefined ? "" : ` (${text(reason)})`}: docs/errors.md says when ${error.code} is given and what to do.`,
  ];
}

function fieldWords(code: ErrorCode, field: string, problem: Problem): string {
  const setting =
    code === "KIOSQUE_SETTING_INVALID" && isSettingKey(field)
      ? settingProblem(field, problem)
      : undefined;
  return setting ?? problemTexts(messages("en"), { [field]: problem })[field] ?? "";
}

const text = (value: unknown): string =>
  typeof value === "string" ? value : value === undefined ? "?" : JSON.stringify(value);

const quoted = (value: unknown): string => JSON.stringify(value) ?? "?";
