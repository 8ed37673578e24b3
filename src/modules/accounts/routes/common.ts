import { Type } from "@sinclair/typebox";
import type { FastifyRequest } from "fastify";
import type { NewsroomKit } from "../../../http/newsroom.js";
import { RowIdQuery } from "../../../http/params.js";
import { formatter, type Formatter } from "../../../web/i18n/format.js";
import type { Messages } from "../../../web/i18n/index.js";
import type { Ctx } from "../../../ctx.js";
import type { Asker } from "../verification.js";

/** A row id in a path (`/admin/personnes/:id/...`): past the column's range it names nothing. */
export const IdParam = Type.Object({ id: RowIdQuery() });

/** `?ok=…`: which change the page just made, to say it was. */
export const Done = Type.Object({ ok: Type.Optional(Type.String({ maxLength: 40 })) });

/** Who is proving who they are: their client and their browser's device cookie. */
export async function askerOf(req: FastifyRequest, newsroom: NewsroomKit): Promise<Asker> {
  return { client: await newsroom.client(req), knownDeviceOf: newsroom.knownDevice(req) };
}

/** The person's words and dates in their language, in the site's time zone. */
export async function wordsAndDates(
  ctx: Ctx,
  req: FastifyRequest,
  newsroom: NewsroomKit,
): Promise<{ t: Messages; fmt: Formatter }> {
  const [t, settings] = await Promise.all([newsroom.words(req), ctx.settings()]);
  return { t, fmt: formatter(t, settings["site.timezone"]) };
}
