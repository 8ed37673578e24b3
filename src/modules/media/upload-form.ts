import type { FastifyRequest } from "fastify";
import type { Multipart } from "@fastify/multipart";

const MB = 1024 * 1024;

/**
 * Most bytes read of one text field; past it the rest is dropped. Still over every field's own
 * limit (1,000 characters at most, validation.ts), so a cut text is refused as too long, never
 * stored cut.
 */
const FIELD_BYTES = 64 * 1024;
/** The form has a file and three texts: room for a browser's extras, not for a flood of parts. */
const MAX_FIELDS = 12;
/**
 * Files read past the first, each only to say "one at a time" (and dropped); past this many the
 * parser refuses the request itself (413, a page without the form).
 */
const MAX_FILES = 4;

/** The upload form as posted. */
export interface UploadForm {
  /** The first file, its bytes cut one byte past the limit (which the service then refuses). */
  file: { bytes: Buffer; filename: string } | undefined;
  /** Files after the first: read to their end and dropped. */
  extraFiles: number;
  /**
   * Every other field, by name, as a form route reads them (lib/form-fields.ts): a text, a list
   * when repeated, or something else (a file where a text belongs), which the service refuses.
   */
  fields: Record<string, unknown>;
}

/** A request whose multipart body cannot be read: a 400 like any malformed request. */
class MalformedUpload extends Error {
  readonly statusCode = 400;
}

/** A field's value; a repeated field becomes the list of its values. */
function keep(fields: Record<string, unknown>, name: string, value: unknown) {
  const had = fields[name];
  fields[name] = had === undefined ? value : Array.isArray(had) ? [...had, value] : [had, value];
}

/**
 * Reads the upload form of `req`: multipart (the form's `enctype`, and the picker's fetch) or, from
 * a client that sent none, a plain form without a file. At most `maxUploadMB` (+1 byte) of the
 * file is held in memory: the parser drops the rest as it arrives.
 */
export async function readUploadForm(
  req: FastifyRequest,
  maxUploadMB: number,
): Promise<UploadForm> {
  const form: UploadForm = { file: undefined, extraFiles: 0, fields: {} };
  if (!req.isMultipart()) {
    const body = req.body;
    // Parsed by the app's form parser, within its body limit: texts and lists of texts.
    if (body && typeof body === "object") form.fields = { ...(body as Record<string, unknown>) };
    return form;
  }
  let parts: AsyncIterableIterator<Multipart>;
  try {
    parts = req.parts({
      limits: {
        // One byte past the limit: enough for the service to see the file is too large.
        fileSize: maxUploadMB * MB + 1,
        files: MAX_FILES,
        fields: MAX_FIELDS,
        fieldSize: FIELD_BYTES,
        parts: MAX_FILES + MAX_FIELDS,
      },
    });
    for await (const part of parts) {
      if (part.type === "field") {
        keep(form.fields, part.fieldname, part.value);
        continue;
      }
      if (part.fieldname !== "file") {
        // A file where a text belongs: the service says "one text" for that field.
        await drain(part.file);
        keep(form.fields, part.fieldname, { file: part.filename });
      } else if (form.file) {
        await drain(part.file);
        form.extraFiles++;
      } else {
        const chunks: Buffer[] = [];
        for await (const chunk of part.file) chunks.push(chunk as Buffer);
        form.file = { bytes: Buffer.concat(chunks), filename: part.filename };
      }
    }
  } catch (error) {
    // The parser's own refusals (too many parts: 413; a forbidden field name: 400) keep their
    // status; anything else it throws is a body it could not read.
    if (typeof (error as { statusCode?: unknown }).statusCode === "number") throw error;
    throw new MalformedUpload(error instanceof Error ? error.message : String(error));
  }
  return form;
}

async function drain(stream: AsyncIterable<unknown>): Promise<void> {
  for await (const _chunk of stream) {
    // Read and dropped: the parser moves on to the next part only once this one is read.
  }
}
