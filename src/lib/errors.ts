import { errorCodes, type CodeWithStatus, type ErrorCode } from "./error-codes.js";

/**
 * Typed errors that services return (throw) and `http/errors.tsx` maps, in one place, to pages or
 * JSON. Each has a stable code from the registry (lib/error-codes.ts), which gives its HTTP
 * status and its public message, and private context for the logs.
 */
export abstract class KiosqueError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly context: Record<string, unknown> = {},
  ) {
    super(code);
    this.name = new.target.name;
    this.status = errorCodes[code].status;
  }
}

export class NotFound extends KiosqueError {
  constructor(what: string, context: Record<string, unknown> = {}) {
    super("KIOSQUE_NOT_FOUND", { what, ...context });
  }
}

/** What is wrong with one field; the site's language words it (web/i18n `problems`). */
export type ProblemCode =
  | "required"
  | "tooShort"
  | "tooLong"
  | "email"
  | "url"
  /** A commenter's website: a whole address of a site on the web, its host a name with a dot. */
  | "website"
  | "notText"
  | "duplicate"
  | "closed"
  | "unknownParent"
  | "choice"
  /** A control character (NUL, C0, C1) or a lone surrogate: lib/text.ts `hasControlCharacters`. */
  | "control"
  /** A sign-in refused: the address and the password do not make an account (never which). */
  | "credentials"
  /** Too many posts from this client; `limit` is the wait in seconds. */
  | "tooFast"
  /** A file over its size limit; `limit` is the largest size in MB. */
  | "tooLarge"
  /** A file that is none of the image formats accepted (JPEG, PNG, WebP, GIF, AVIF). */
  | "notImage"
  /** An image with more pixels than allowed; `limit` is the most, in megapixels. */
  | "tooManyPixels"
  /** An image whose header reads but whose pixels do not: cut short or corrupt. */
  | "damagedImage"
  /** Something still used elsewhere (an image in an article) cannot be removed. */
  | "inUse"
  /** An image without alternative text, which an article must have before it is published. */
  | "altMissing"
  /** An image at another site's address, which readers' browsers do not load (the CSP). */
  | "imageElsewhere"
  /** An account already signs in with this e-mail address. */
  | "emailTaken"
  /** The password and its confirmation differ. */
  | "mismatch"
  /** A second-factor or recovery code that is wrong, expired or already used. */
  | "badCode"
  /** Not the person's current password (a change of password, turning the second factor off). */
  | "wrongPassword"
  /** The change would leave the newsroom without an active admin. */
  | "lastAdmin"
  /** Someone saved the thing since the form was opened (a site page): nothing was saved. */
  | "savedMeanwhile"
  /** The database could take no write now (full, or held by another): `limit` is the wait in s. */
  | "notSaved"
  /** HTML whose elements nest deeper than any browser reads (lib/html-depth.ts). */
  | "tooDeep"

  /** Already used by another (an article's slug, a section's). */
  | "taken"
  /** A name, title or typed address with no letter or digit: it makes no address (lib/slug.ts). */
  | "noAddress"
  /** A tag with no letter or digit, which would have no address; `limit` is its place in the list. */
  | "tagNoAddress"
  /** Not a date and time the form understands. */
  | "dateTime"
  /** A date that must be to come (a schedule) is past. */
  | "past"
  /** Several files sent where one is taken (the media library's upload). */
  | "oneFile"
  /** The server is busy with others' work of the kind (image uploads); `limit` is the wait in seconds. */
  | "busy"
  /** Not a whole number (a setting's number field). */
  | "notNumber"
  /** A number under its setting's least value; `limit` is that value. */
  | "belowMin"
  /** A number over its setting's greatest value; `limit` is that value. */
  | "aboveMax"
  /** A one-per-line list with too many lines; `limit` is the most. */
  | "tooManyLines"
  /** A line of such a list over its length; `limit` is the most characters. */
  | "lineTooLong"
  /** A key made of letters and digits only (Akismet's) with anything else in it. */
  | "lettersDigits"
  /** "Test this key" with no key saved. */
  | "noKey"
  /** A new secret typed in a form refused for another field: it is not shown back, type it again. */
  | "retypeSecret"
  /** A comment that cannot be published (a ban refuses it; the reader is never told why). */
  | "refused"
  /** The desk: featuring or answering a comment that is not published (spam, in the bin). */
  | "notPublished"
  /** The desk: a ban by client from a comment whose client is no longer known. */
  | "noClient"
  /** An image number that names no image of the media library (the logo, a featured image). */
  | "noImage"
  /** A pinned related article (one a line) that names no article; `limit` is the line. */
  | "pinUnknown"
  /** A pinned related article that readers do not see now; `limit` is the line. */
  | "pinNotLive"
  /** An article pinned into its own related list; `limit` is the line. */
  | "pinSelf"
  /** An article pinned twice; `limit` is the line of the second. */
  | "pinRepeated"
  /** Removing the image the site's header shows as its logo. */
  | "logoInUse"
  /** An author's own name taken off an article's bylines (they sign what they write). */
  | "ownByline"
  /** A disabled account named as a new byline (the bylines an article has stay). */
  | "bylineDisabled";

export interface Problem {
  readonly problem: ProblemCode;
  readonly limit?: number;
}

/** What the client sent must change: a message per field (`fields`). */
export class Invalid extends KiosqueError {
  constructor(
    code: CodeWithStatus<422>,
    readonly fields: Readonly<Record<string, Problem>>,
    context: Record<string, unknown> = {},
  ) {
    super(code, context);
  }
}

export class Forbidden extends KiosqueError {
  constructor(code: CodeWithStatus<403>, context: Record<string, unknown> = {}) {
    super(code, context);
  }
}

/**
 * What was sent was made on a state that has changed since (another person saved the article
 * first). The service keeps what was sent before it refuses: nothing typed is lost.
 */
export class Conflict extends KiosqueError {
  constructor(
    code: CodeWithStatus<409>,
    /** Where what was sent is kept (an article's conflict revision). */
    readonly keptAs: number,
    context: Record<string, unknown> = {},
  ) {
    super(code, context);
  }
}

/** What a link named existed and no longer answers (an expired preview, a used invitation). */
export class Gone extends KiosqueError {
  constructor(code: CodeWithStatus<410>, context: Record<string, unknown> = {}) {
    super(code, context);
  }
}

/** A newsroom route asked for without a signed-in person. */
export class SignInRequired extends KiosqueError {
  constructor(context: Record<string, unknown> = {}) {
    super("KIOSQUE_SIGN_IN_REQUIRED", context);
  }
}

/**
 * The newsroom requires a second factor of this person (`staff.require2fa`) and they have none
 * yet: pages send them to enrolment instead (http/errors.tsx).
 */
export class SecondFactorRequired extends KiosqueError {
  constructor(context: Record<string, unknown> = {}) {
    super("KIOSQUE_SECOND_FACTOR_REQUIRED", context);
  }
}

/** Refused for now, said with how long to wait: a client's pace (429), or the server's (503). */
export class RateLimited extends KiosqueError {
  constructor(
    code: CodeWithStatus<429 | 503>,
    readonly retryAfterSeconds: number,
    /**
     * What a form shows on its main field: this client's posts (`tooFast`), the server's load
     * (`busy`), or a database that could take no write now (`notSaved`: http/errors.tsx).
     */
    readonly shown: { problem: "tooFast" | "busy" | "notSaved" } = { problem: "tooFast" },
  ) {
    super(code);
  }
}
