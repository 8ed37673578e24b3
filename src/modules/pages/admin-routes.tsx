import { Type } from "@sinclair/typebox";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { showFormOnRefusal } from "../../http/form-page.js";
import { ARTICLE_FORM_LIMIT } from "../../http/limits.js";
import type { NewsroomKit } from "../../http/newsroom.js";
import { FormBody } from "../../http/params.js";
import type { RouteKit } from "../../http/route-kit.js";
import type { Problem } from "../../lib/errors.js";
import { shownValue, type RawForm } from "../../lib/form-fields.js";
import { imagesIn } from "../../lib/sanitize.js";
import { problemTexts } from "../../web/i18n/index.js";
import { paths } from "../../web/urls.js";
import { canManagePages, type Actor } from "../accounts/index.js";
import { media } from "../media/index.js";
import { pageForEdit, pageFormValues, pagesForStaff, savePage } from "./editing.js";
import { PageFormView, PagesListView } from "./views/admin.js";

const Id = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) });
const Done = Type.Object({ fait: Type.Optional(Type.String({ maxLength: 20 })) });
const FIELDS = ["title", "slug", "body", "status", "in_footer", "position", "version"] as const;

/** The site's pages in the newsroom: a list, a form per page with the article editor. */
export function sitePageAdminRoutes(
  app: FastifyInstance,
  kit: RouteKit,
  newsroom: NewsroomKit,
): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = kit;
  // The rich-text editor on the form's pages only, never on a reader's page.
  const editorAssets = { scripts: [kit.assets.editorIsland], styles: [kit.assets.editorCss] };
  // A page's text may be long (the legal notice): the article form's limit, the person checked
  // before the body is read.
  const bigForm = {
    bodyLimit: ARTICLE_FORM_LIMIT,
    onRequest: async (req: FastifyRequest) => void newsroom.allow(req, canManagePages),
  };

  /**
   * Tells the media library which uploaded images the page shows (its "used in" list, and the
   * refusal to delete an image a page still shows). After the save, in a transaction of its own:
   * the media module reads pages, so pages do not call it (the article editor does the same).
   */
  async function recordImages(user: Actor, id: number): Promise<void> {
    const page = await pageForEdit(ctx, user, id);
    const ids = await media.idsForUrls(
      ctx,
      imagesIn(page.bodyHtml).map((i) => i.src),
    );
    await ctx.write((tx) => media.recordPageUsage(tx, id, ids));
  }

  /**
   * The refused form again: what was typed, a message per field. Refused because someone saved
   * meanwhile, it carries the version now saved, so saving it again is a choice made knowing.
   */
  function refusal(req: FastifyRequest, user: Actor, body: RawForm, id: number | undefined) {
    showFormOnRefusal(req, {
      mainField: "title",
      async render(problems: Readonly<Record<string, Problem>>) {
        const t = await newsroom.words(req);
        const errors = problemTexts(t, problems);
        const values = Object.fromEntries(FIELDS.map((k) => [k, shownValue(body, k)]));
        if (problems.version && id !== undefined)
          values.version = String((await pageForEdit(ctx, user, id)).version);
        return newsroom.page(
          req,
          { title: t.newsroom.writing.pages.title, ...editorAssets },
          <PageFormView
            t={t}
            id={id}
            values={{ ...pageFormValues(), ...values }}
            errors={errors}
            summary={t.formErrors(Object.keys(errors).length)}
          />,
        );
      },
    });
  }

  r.get(paths.admin.pages, { schema: { querystring: Done } }, async (req, reply) => {
    const user = newsroom.allow(req, canManagePages);
    const t = await newsroom.words(req);
    const pages = await pagesForStaff(ctx, user);
    const notice = req.query.fait === "created" ? t.newsroom.writing.pages.created : undefined;
    return newsroom.sendPage(
      req,
      reply,
      { title: t.newsroom.writing.pages.title },
      <PagesListView t={t} pages={pages} {...(notice ? { notice } : {})} />,
    );
  });

  r.get(paths.admin.newPage, async (req, reply) => {
    newsroom.allow(req, canManagePages);
    const t = await newsroom.words(req);
    return newsroom.sendPage(
      req,
      reply,
      { title: t.newsroom.writing.pages.newPage, ...editorAssets },
      <PageFormView t={t} id={undefined} values={pageFormValues()} errors={{}} />,
    );
  });

  r.post(paths.admin.newPage, { ...bigForm, schema: { body: FormBody } }, async (req, reply) => {
    const user = newsroom.allow(req, canManagePages);
    refusal(req, user, req.body, undefined);
    const id = await savePage(ctx, user, undefined, req.body);
    await recordImages(user, id);
    return reply.redirect(`${paths.admin.page(id)}?fait=created`, 303);
  });

  r.get(
    paths.admin.page(":id"),
    { schema: { params: Id, querystring: Done } },
    async (req, reply) => {
      const user = newsroom.allow(req, canManagePages);
      const t = await newsroom.words(req);
      const page = await pageForEdit(ctx, user, req.params.id);
      const notice =
        req.query.fait === "created"
          ? t.newsroom.writing.pages.created
          : req.query.fait === "saved"
            ? t.newsroom.writing.pages.saved
            : undefined;
      return newsroom.sendPage(
        req,
        reply,
        { title: t.newsroom.writing.pages.edit(page.title), ...editorAssets },
        <PageFormView
          t={t}
          id={page.id}
          values={pageFormValues(page)}
          errors={{}}
          {...(notice ? { notice } : {})}
          {...(page.status === "published" ? { publicSlug: page.slug } : {})}
        />,
      );
    },
  );

  r.post(
    paths.admin.page(":id"),
    { ...bigForm, schema: { params: Id, body: FormBody } },
    async (req, reply) => {
      const user = newsroom.allow(req, canManagePages);
      refusal(req, user, req.body, req.params.id);
      await savePage(ctx, user, req.params.id, req.body);
      await recordImages(user, req.params.id);
      return reply.redirect(`${paths.admin.page(req.params.id)}?fait=saved`, 303);
    },
  );
}
