/**
 * Every error code Kiosque answers with, in one list: its HTTP status and the key of its public
 * message (an entry of `errors` in web/i18n/fr.ts and en.ts, a title and a text). Codes are
 * stable and never reused; docs/errors.md documents each one (a test holds the two together).
 * An answer that lists a message per field is summarised like its form instead (web/i18n
 * `formErrors`): those codes keep `badRequest` for a page that has no form to show.
 */
export const errorCodes = {
  KIOSQUE_NOT_FOUND: { status: 404, messageKey: "notFound" },
  // Also answered with the framework's own 413, 414 or 415 (http/errors.tsx).
  KIOSQUE_BAD_REQUEST: { status: 400, messageKey: "badRequest" },
  KIOSQUE_CROSS_ORIGIN: { status: 403, messageKey: "forbidden" },
  KIOSQUE_COMMENT_INVALID: { status: 422, messageKey: "badRequest" },
  KIOSQUE_COMMENT_DUPLICATE: { status: 422, messageKey: "badRequest" },
  KIOSQUE_COMMENT_PARENT: { status: 422, messageKey: "badRequest" },
  KIOSQUE_COMMENTS_CLOSED: { status: 422, messageKey: "badRequest" },
  KIOSQUE_RATE_LIMITED: { status: 429, messageKey: "rateLimited" },
  KIOSQUE_USER_INVALID: { status: 422, messageKey: "badRequest" },
  KIOSQUE_SETTING_UNKNOWN: { status: 422, messageKey: "badRequest" },
  KIOSQUE_SETTING_INVALID: { status: 422, messageKey: "badRequest" },
  KIOSQUE_BACKUP_NOT_A_BACKUP: { status: 422, messageKey: "badRequest" },
  KIOSQUE_BACKUP_DAMAGED: { status: 422, messageKey: "badRequest" },
  KIOSQUE_BACKUP_SCHEMA_MISMATCH: { status: 422, messageKey: "badRequest" },
  KIOSQUE_RESTORE_NOT_EMPTY: { status: 422, messageKey: "badRequest" },
  KIOSQUE_BACKUP_UNWRITABLE: { status: 422, messageKey: "badRequest" },
  KIOSQUE_SIGN_IN_FAILED: { status: 422, messageKey: "badRequest" },
  KIOSQUE_SIGN_IN_LOCKED: { status: 429, messageKey: "rateLimited" },
  KIOSQUE_SIGN_IN_REQUIRED: { status: 401, messageKey: "signInRequired" },
  KIOSQUE_FORBIDDEN: { status: 403, messageKey: "forbidden" },
  KIOSQUE_MEDIA_INVALID: { status: 422, messageKey: "badRequest" },
  KIOSQUE_MEDIA_IN_USE: { status: 422, messageKey: "badRequest" },
  KIOSQUE_MEDIA_ALT_MISSING: { status: 422, messageKey: "badRequest" },
  KIOSQUE_SECOND_FACTOR_FAILED: { status: 422, messageKey: "badRequest" },
  KIOSQUE_VERIFICATION_LOCKED: { status: 429, messageKey: "rateLimited" },
  KIOSQUE_SECOND_FACTOR_REQUIRED: { status: 403, messageKey: "secondFactorRequired" },
  KIOSQUE_ACCOUNT_INVALID: { status: 422, messageKey: "badRequest" },
  KIOSQUE_LAST_ADMIN: { status: 422, messageKey: "badRequest" },
  KIOSQUE_INVITATION_INVALID: { status: 422, messageKey: "badRequest" },
  KIOSQUE_INVITATION_GONE: { status: 410, messageKey: "invitationGone" },
  KIOSQUE_INVITATION_TAKEN: { status: 410, messageKey: "invitationTaken" },
  KIOSQUE_ARTICLE_INVALID: { status: 422, messageKey: "badRequest" },
  KIOSQUE_ARTICLE_CONFLICT: { status: 409, messageKey: "conflict" },
  KIOSQUE_SECTION_INVALID: { status: 422, messageKey: "badRequest" },
  KIOSQUE_PAGE_INVALID: { status: 422, messageKey: "badRequest" },
  KIOSQUE_PREVIEW_EXPIRED: { status: 410, messageKey: "previewExpired" },
  KIOSQUE_MEDIA_BUSY: { status: 429, messageKey: "rateLimited" },
  KIOSQUE_COMMENT_REFUSED: { status: 422, messageKey: "badRequest" },
  KIOSQUE_DESK_INVALID: { status: 422, messageKey: "badRequest" },
  KIOSQUE_BAN_INVALID: { status: 422, messageKey: "badRequest" },
  KIOSQUE_JOURNAL_INVALID: { status: 422, messageKey: "badRequest" },
  KIOSQUE_RELATED_PIN_INVALID: { status: 422, messageKey: "badRequest" },
  KIOSQUE_IMPORT_MALFORMED: { status: 422, messageKey: "badRequest" },
  KIOSQUE_IMPORT_UNSUPPORTED: { status: 422, messageKey: "badRequest" },
  KIOSQUE_IMPORT_UNREADABLE: { status: 422, messageKey: "badRequest" },
  KIOSQUE_IMPORT_OTHER_SITE: { status: 422, messageKey: "badRequest" },
  KIOSQUE_EXPORT_UNWRITABLE: { status: 422, messageKey: "badRequest" },
  // The database's disk is full: nothing was saved, and trying again later will do (http/errors.tsx).
  KIOSQUE_STORAGE_FULL: { status: 503, messageKey: "storageFull" },
  // The database held by another writer past the wait (lib/database-busy.ts): nothing was saved.
  KIOSQUE_DATABASE_BUSY: { status: 503, messageKey: "databaseBusy" },
  KIOSQUE_INTERNAL: { status: 500, messageKey: "error" },
} as const satisfies Record<`KIOSQUE_${string}`, { status: number; messageKey: string }>;

export type ErrorCode = keyof typeof errorCodes;

/** The codes answered with one status: each error class takes its own and no other. */
export type CodeWithStatus<S extends number> = {
  [C in ErrorCode]: (typeof errorCodes)[C]["status"] extends S ? C : never;
}[ErrorCode];

/**
 * The one JSON shape of every refusal and failure (http/errors.tsx writes it; the comment island
 * reads it).
 */
export interface ErrorAnswer {
  ok: false;
  code: ErrorCode;
  /** In the site's language: the code's public message, or the summary of a form's problems. */
  message: string;
  /** One message per field, when what was sent is what must change. */
  errors?: Record<string, string>;
}
