/**
 * The largest id a row can have: ids are `integer` columns, 32-bit on PostgreSQL (SQLite's are
 * 64-bit, but one site runs on both). A larger number taken from a request (a form's parent, a
 * query's replytocom, a cookie's ids) names no row; sent to PostgreSQL it would fail the query
 * ("out of range for type integer"), a 500.
 */
export const MAX_ROW_ID = 2_147_483_647;

/** A row id written in decimal (no sign, no leading zero, in range), or undefined. */
export function parseRowId(text: string): number | undefined {
  if (!/^[1-9][0-9]{0,9}$/.test(text)) return undefined;
  const id = Number(text);
  return id <= MAX_ROW_ID ? id : undefined;
}
