/**
 * Typed errors that services return (throw) and `http/errors.ts` maps, in one place, to pages or
 * JSON. Each has a stable code (listed in docs/errors.md, never reused), an HTTP status, and
 * private context for the logs. Public wording lives in web/i18n, keyed by code or problem.
 */
export abstract class KiosqueError extends Error {
  abstract readonly status: number;
  constructor(
    readonly code: string,
    readonly context: Record<string, unknown> = {},
  ) {
    super(code);
    this.name = new.target.name;
  }
}

export class NotFound extends KiosqueError {
  readonly status = 404;
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
  | "notText"
  | "duplicate"
  | "closed"
  | "unknownParent"
  | "choice"
  | "number"
  /** Too many posts from this client; `limit` is the wait in seconds. */
  | "tooFast";

export interface Problem {
  readonly problem: ProblemCode;
  readonly limit?: number;
}

export class Invalid extends KiosqueError {
  readonly status = 422;
  constructor(
    code: string,
    readonly fields: Readonly<Record<string, Problem>>,
    context: Record<string, unknown> = {},
  ) {
    super(code, context);
  }
}

export class Forbidden extends KiosqueError {
  readonly status = 403;
}

export class RateLimited extends KiosqueError {
  readonly status = 429;
  constructor(
    code: string,
    readonly retryAfterSeconds: number,
  ) {
    super(code);
  }
}

export class Unavailable extends KiosqueError {
  readonly status = 503;
}
