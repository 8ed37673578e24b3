import multipart from "@fastify/multipart";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { Type } from "@sinclair/typebox";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { showFormOnRefusal } from "../../http/form-page.js";
import type { NewsroomKit } from "../../http/newsroom.js";
import { FormBody, PageNumber, RowIdQuery } from "../../http/params.js";
import type { RouteKit } from "../../http/route-kit.js";
import { sendStored } from "../../http/stored-object.js";
import { shownValue, type RawForm } from "../../lib/form-fields.js";
import { Gate } from "../../lib/gate.js";
import { Invalid, NotFound, RateLimited, type Problem } from "../../lib/errors.js";
import type { LibraryAnswer, UploadAnswer } from "../../web/media-picker-contract.js";
import { problemTexts, type Messages } from "../../web/i18n/index.js";
import { paths } from "../../web/urls.js";
import { canWriteArticles } from "../accounts/index.js";
import { etagOf, isObjectKey } from "./keys.js";
import { toPickerItem } from "./picker.js";
import * as media from "./service.js";
import { formatTypes } from "./sniff.js";
import { readUploadForm } from "./upload-form.js";
import type { DetailValues } from "./views/detail-fields.js";
import { ItemView } from "./views/item.js";
import { LibraryView, type UploadFormState } from "./views/library.js";

/** Content-Type by a key's extension: only image types are ever served, whatever a bucket says. */
const TYPES = new Map(Object.values(formatTypes).map((f) => [f.extension, f.type]));

/**
 * `GET /media/<key>`: an image's master or a variant, from the shared store, so any instance
 * answers for any upload. Readers' browsers and any cache in between keep it for good.
 */
export function mediaRoutes(app: FastifyInstance, kit: RouteKit): void {
  app.get<{ Params: { "*": string } }>("/media/*", async (req, reply) => {
    const key = req.params["*"];
    if (!isObjectKey(key)) throw new NotFound("media", { key });
    return sendStored(kit.ctx, req, reply, {
      key,
      etag: etagOf(key),
      type: TYPES.get(key.slice(key.lastIndexOf(".") + 1)) ?? "application/octet-stream",
      missing: () => new NotFound("media", { key }),
    });
  });
}

/**
 * Uploads a process checks and decodes at once: decoding a 50-megapixel photo takes a few hundred
 * MB, so two at a time bound the memory uploads take whatever the number of people sending.
 */
const UPLOAD_SLOTS = 2;
/**
 * Uploads that wait for a slot, each holding its file (up to `media.maxUploadMB`) meanwhile;
 * past them an upload is told "busy" at once rather than held in memory.
 */
const UPLOAD_LINE = 4;
/** What a "busy" answer asks to wait: a few uploads' time. */
const BUSY_RETRY_S = 5;

const ItemParams = Type.Object({ id: RowIdQuery() });
/** What a page says after a post that went through (303 here): a notice, not a state. */
const Done = Type.Optional(Type.String({ maxLength: 20 }));
const LibraryQuery = Type.Object({
  // Longer than the search takes (200): a refusal on the search field, not a bare 400 page.
  q: Type.Optional(Type.String({ maxLength: 1000 })),
  page: Type.Optional(PageNumber()),
  done: Done,
});
const ItemQuery = Type.Object({ done: Done });

const EMPTY = { values: { alt: "", caption: "", credit: "" }, errors: {} } as const;

/** The words of a notice after a post, when `done` names one. */
function noticeOf(t: Messages, done: string | undefined): string | undefined {
  const notices: Record<string, string> = {
    uploaded: t.newsroom.media.uploaded,
    saved: t.newsroom.media.saved,
    deleted: t.newsroom.media.deleted,
  };
  return done === undefined ? undefined : notices[done];
}

/** The three texts of a posted form, as typed, to show again. */
function keptDetails(raw: RawForm): DetailValues {
  return {
    alt: shownValue(raw, "alt"),
    caption: shownValue(raw, "caption"),
    credit: shownValue(raw, "credit"),
  };
}

/**
 * The newsroom's media library under /admin (issue 10): the list with its search and upload form
 * (JSON for the picker island), each image's page to change its texts or delete it. Everyone who
 * writes articles may use it; moderators may not. Registered in the newsroom's scope.
 */
export async function mediaLibraryRoutes(
  app: FastifyInstance,
  kit: RouteKit,
  newsroom: NewsroomKit,
): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = kit;
  // One per process (each builds its app once): decodes never pile up past it.
  const uploads = new Gate(UPLOAD_SLOTS, UPLOAD_LINE);

  async function libraryPage(
    req: FastifyRequest,
    options: {
      q: string;
      page?: number;
      searchError?: string;
      upload?: UploadFormState;
      done?: string;
    },
  ) {
    const [t, settings] = await Promise.all([newsroom.words(req), ctx.settings()]);
    const library =
      options.searchError === undefined
        ? await media.library(ctx, { q: options.q, page: options.page ?? 1 })
        : undefined;
    return newsroom.page(
      req,
      { title: t.newsroom.media.title },
      <LibraryView
        t={t}
        library={library}
        q={options.q}
        searchError={options.searchError}
        upload={options.upload ?? EMPTY}
        maxUploadMB={settings["media.maxUploadMB"]}
        notice={noticeOf(t, options.done)}
      />,
    );
  }

  async function itemPage(
    req: FastifyRequest,
    id: number,
    options: {
      values?: DetailValues;
      problems?: Readonly<Record<string, Problem>>;
      done?: string;
    } = {},
  ) {
    const [t, item, usage, logo] = await Promise.all([
      newsroom.words(req),
      media.get(ctx, id),
      media.usage(ctx, id),
      media.isLogo(ctx, id),
    ]);
    const { media: deleteError, ...errors } = problemTexts(t, options.problems ?? {});
    const count = Object.keys(errors).length;
    return newsroom.page(
      req,
      { title: item.filename },
      <ItemView
        t={t}
        item={item}
        usage={usage}
        logo={logo}
        values={options.values ?? { alt: item.alt, caption: item.caption, credit: item.credit }}
        errors={errors}
        summary={count > 0 ? t.formErrors(count) : undefined}
        deleteError={deleteError}
        notice={noticeOf(t, options.done)}
      />,
    );
  }

  r.get(paths.admin.media, { schema: { querystring: LibraryQuery } }, async (req, reply) => {
    newsroom.allow(req, canWriteArticles);
    const q = req.query.q ?? "";
    const page = req.query.page ?? 1;
    // A search too long or with control characters: the page again, the message on its field.
    showFormOnRefusal(req, {
      mainField: "q",
      async render(problems) {
        const t = await newsroom.words(req);
        return libraryPage(req, { q, searchError: problemTexts(t, problems).q ?? "" });
      },
    });
    if (kit.wantsJson(req)) {
      const library = await media.library(ctx, { q, page });
      const answer: LibraryAnswer = {
        ok: true,
        q,
        page: library.page,
        totalPages: library.totalPages,
        total: library.total,
        items: library.items.map(toPickerItem),
      };
      return reply.send(answer);
    }
    const rendered = await libraryPage(req, { q, page, done: req.query.done });
    return reply.type(rendered.type).send(rendered.body);
  });

  // Uploads, in a scope of their own: the multipart parser (and its size limits) serves this
  // route alone; every other route keeps the app's 256 KB body limit.
  await app.register(async (scope) => {
    await scope.register(multipart, {
      // A file past its limit is cut, not thrown: readUploadForm keeps one byte too many, and the
      // service refuses it with the field's message (not a bare 413 page).
      throwFileSizeLimit: false,
    });
    scope.post(paths.admin.media, async (req, reply) => {
      // Before a byte of the body is read: a stranger's upload is never parsed.
      const user = newsroom.allow(req, canWriteArticles);
      const form = await readUploadForm(req, (await ctx.settings())["media.maxUploadMB"]);
      const values = keptDetails(form.fields);
      const sentFile = (form.file?.bytes.length ?? 0) > 0;
      showFormOnRefusal(req, {
        mainField: "file",
        async render(problems) {
          const t = await newsroom.words(req);
          const errors = problemTexts(t, problems);
          const summary = t.formErrors(Object.keys(errors).length);
          // A browser never fills a file input again: say so where the file goes.
          if (sentFile)
            errors.file = [errors.file, t.newsroom.media.upload.reselect].filter(Boolean).join(" ");
          return libraryPage(req, { q: "", upload: { values, errors, summary } });
        },
      });
      if (form.extraFiles > 0)
        throw new Invalid(
          "KIOSQUE_MEDIA_INVALID",
          { file: { problem: "oneFile" } },
          { files: form.extraFiles + 1 },
        );
      const done = await uploads.run(() =>
        media.upload(ctx, {
          bytes: form.file?.bytes ?? Buffer.alloc(0),
          filename: form.file?.filename ?? "",
          uploadedBy: user.id,
          // As posted: a list (a repeated field) or a file in a text's place is the service's to
          // refuse, field by field (notText).
          alt: form.fields.alt as string | undefined,
          caption: form.fields.caption as string | undefined,
          credit: form.fields.credit as string | undefined,
        }),
      );
      if (!done) {
        req.log.warn({ load: uploads.load }, "uploads turned away: every slot busy");
        throw new RateLimited("KIOSQUE_MEDIA_BUSY", BUSY_RETRY_S, { problem: "busy" });
      }
      const item = done.value;
      if (kit.wantsJson(req)) {
        const answer: UploadAnswer = { ok: true, item: toPickerItem(item) };
        return reply.status(201).send(answer);
      }
      return reply.redirect(`${paths.admin.mediaItem(item.id)}?done=uploaded`, 303);
    });
  });

  r.get(
    "/admin/medias/:id",
    { schema: { params: ItemParams, querystring: ItemQuery } },
    async (req, reply) => {
      newsroom.allow(req, canWriteArticles);
      const rendered = await itemPage(req, req.params.id, { done: req.query.done });
      return reply.type(rendered.type).send(rendered.body);
    },
  );

  r.post(
    "/admin/medias/:id",
    { schema: { params: ItemParams, body: FormBody } },
    async (req, reply) => {
      const user = newsroom.allow(req, canWriteArticles);
      const { id } = req.params;
      const values = keptDetails(req.body);
      showFormOnRefusal(req, {
        mainField: "alt",
        render: (problems) => itemPage(req, id, { values, problems }),
      });
      await media.update(
        ctx,
        id,
        {
          // As posted: a repeated field (a list) is the service's to refuse (notText).
          alt: req.body.alt as string | undefined,
          caption: req.body.caption as string | undefined,
          credit: req.body.credit as string | undefined,
        },
        user,
      );
      return reply.redirect(`${paths.admin.mediaItem(id)}?done=saved`, 303);
    },
  );

  r.post(
    "/admin/medias/:id/suppression",
    { schema: { params: ItemParams } },
    async (req, reply) => {
      const user = newsroom.allow(req, canWriteArticles);
      const { id } = req.params;
      // Still in use: the image's page again, saying so by the delete button.
      showFormOnRefusal(req, {
        mainField: "media",
        render: (problems) => itemPage(req, id, { problems }),
      });
      await media.remove(ctx, id, user);
      return reply.redirect(`${paths.admin.media}?done=deleted`, 303);
    },
  );
}
