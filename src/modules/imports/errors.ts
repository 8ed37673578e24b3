import { KiosqueError } from "../../lib/errors.js";

/**
 * An export or an uploads folder the import will not read: KIOSQUE_IMPORT_MALFORMED (not
 * well-formed XML, or bytes not in its encoding: `line`, `column`, `reason`),
 * KIOSQUE_IMPORT_UNSUPPORTED (not a WordPress export, an unknown WXR version, a DOCTYPE, an
 * encoding not read), KIOSQUE_IMPORT_UNREADABLE (a file or folder that cannot be opened).
 * Refused before anything is written.
 */
export class ImportRefused extends KiosqueError {}

/** "line 12, column 4: unexpected close tag" — the words an operator reads. */
export function describeRefusal(error: ImportRefused): string {
  const c = error.context;
  const where = typeof c.line === "number" ? `line ${c.line}, column ${String(c.column)}: ` : "";
  return `${String(c.file ?? "")}: ${where}${String(c.reason ?? error.code)}`;
}
