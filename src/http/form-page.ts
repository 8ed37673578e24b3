import type { FastifyInstance, FastifyRequest } from "fastify";
import { Invalid, RateLimited, type KiosqueError, type Problem } from "../lib/errors.js";
import type { Rendered } from "./cacheable.js";

/**
 * How a form route shows its form again when a post is refused: the page with the form, every
 * value as posted and a message per field. The route names it before it calls its service and
 * throws what it is refused with; the error mapping (http/errors.tsx) sends the page, so that
 * refusals are answered in one place for every form.
 */
export interface FormPage {
  /** The field that carries a refusal of the whole post (too many posts): where readers look. */
  mainField: string;
  /**
   * The main field is prose its writer would hate to lose (a comment, a reply): when this page
   * cannot be shown (it needs the database that failed the post), the error page gives that
   * text back to copy. Never set on a field that holds a secret (a password, a code, a key).
   */
  givesTextBack?: true;
  /** `refusal`: what the post was refused with (a form may answer a limit's refusal apart). */
  render(
    problems: Readonly<Record<string, Problem>>,
    refusal: KiosqueError,
  ): Promise<Rendered | SeeOther>;
}

/**
 * The refused form kept for a GET page of its own, and that page's address (a 303): the reader
 * lands on a page whose fragment can take focus and whose reload posts nothing (decision 022).
 */
export interface SeeOther {
  seeOther: string;
}

declare module "fastify" {
  interface FastifyRequest {
    /** The form to show again if this request is refused; null outside form routes. */
    formPage: FormPage | null;
  }
}

/** MUST run before any route is registered: Fastify shapes requests once, at start. */
export function registerFormPages(app: FastifyInstance): void {
  app.decorateRequest("formPage", null);
}

export function showFormOnRefusal(req: FastifyRequest, page: FormPage): void {
  req.formPage = page;
}

/**
 * What is wrong with each field of a refused request: the rules' own words, or, for a client over
 * its limit on a form, the wait on the form's main field. Undefined for other refusals.
 */
export function fieldProblems(
  error: KiosqueError,
  form: FormPage | null,
): Readonly<Record<string, Problem>> | undefined {
  if (error instanceof Invalid) return error.fields;
  if (error instanceof RateLimited && form)
    return { [form.mainField]: { ...error.shown, limit: error.retryAfterSeconds } };
  return undefined;
}
