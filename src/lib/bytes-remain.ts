/**
 * What `forgetDeleted` (db/engines) could not do yet: rows deleted and committed still have bytes
 * in the database's files, kept by another session reading an older state (a long transaction,
 * a backup's snapshot). What was asked is done and stays done; the message says what the
 * operator runs once that session ends, for a command to print after its own summary.
 */
export class BytesRemain extends Error {
  override readonly name = "BytesRemain";
}
