import { Type } from "@sinclair/typebox";
import { MAX_ROW_ID } from "../lib/row-id.js";

/**
 * A whole number from the query string. Ajv coerces "1e400" or "-Infinity" to ±Infinity, then
 * skips minimum and maximum, which only look at finite numbers (ajv-validator/ajv#2661,
 * fastify/fastify#6718); such a page number reached the handlers (a 404, a 200, a 500 from the
 * database). The `allOf` checks the type again after coercion, and refuses them: a 400.
 */
export const QueryInt = (range: { minimum: number; maximum?: number }) =>
  Type.Integer({ ...range, allOf: [Type.Integer()] });

/** A page number of a listing or of comments: past this, no newsroom has pages. */
export const PageNumber = () => QueryInt({ minimum: 1, maximum: 100_000 });

/** A row id from the query string (`replytocom`): past the column's range, it names no row. */
export const RowIdQuery = () => QueryInt({ minimum: 1, maximum: MAX_ROW_ID });

/**
 * A value typed into a listing's filter or search box: the service words what is wrong with it,
 * and the form comes back with it, whatever its length. The cap only bounds what is read.
 */
export const TypedFilter = () => Type.Optional(Type.String({ maxLength: 2_000 }));

/**
 * A form post: every field arrives as text, or as a list when a field is repeated. The service
 * checks each field and words each problem; the schema only fixes the shape.
 */
export const FormBody = Type.Record(
  Type.String(),
  Type.Union([Type.String(), Type.Array(Type.String())]),
);

/**
 * A slug in a reader URL; longer ones name nothing, and are refused before any query. Control
 * characters too: slugs never hold one, and PostgreSQL refuses a NUL in any text (a 500).
 */
export const Slug = Type.Object({
  slug: Type.String({ minLength: 1, maxLength: 200, pattern: "^[^\\u0000-\\u001f\\u007f]+$" }),
});
