import { Type } from "@sinclair/typebox";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { showFormOnRefusal } from "../../http/form-page.js";
import type { NewsroomKit } from "../../http/newsroom.js";
import { FormBody } from "../../http/params.js";
import type { RouteKit } from "../../http/route-kit.js";
import type { Problem } from "../../lib/errors.js";
import { shownValue, type RawForm } from "../../lib/form-fields.js";
import { canManageSections } from "../accounts/index.js";
import { problemTexts } from "../../web/i18n/index.js";
import { paths } from "../../web/urls.js";
import * as editing from "./editing/service.js";
import { SectionsView, type RefusedDeletion, type SectionForm } from "./views/admin/sections.js";

const Id = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) });
const Done = Type.Object({ fait: Type.Optional(Type.String({ maxLength: 20 })) });

/** Sections, for the people who manage them: create and rename, as real forms. */
export function sectionRoutes(app: FastifyInstance, kit: RouteKit, newsroom: NewsroomKit): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = kit;

  async function page(
    req: FastifyRequest,
    extra: { notice?: string; refused?: SectionForm; refusedDeletion?: RefusedDeletion } = {},
  ) {
    const t = await newsroom.words(req);
    const [sections, articles] = await Promise.all([
      editing.sections(ctx),
      editing.articleCounts(ctx),
    ]);
    return newsroom.page(
      req,
      { title: t.newsroom.writing.sections.title },
      <SectionsView t={t} sections={sections} articles={articles} {...extra} />,
    );
  }

  /** The refused form again: what was typed, a message per field. */
  function refusal(req: FastifyRequest, body: RawForm, id?: number) {
    showFormOnRefusal(req, {
      mainField: "name",
      async render(problems: Readonly<Record<string, Problem>>) {
        const t = await newsroom.words(req);
        const errors = problemTexts(t, problems);
        const values = {
          name: shownValue(body, "name"),
          slug: shownValue(body, "slug"),
          description: shownValue(body, "description"),
          position: shownValue(body, "position"),
          inMenu: shownValue(body, "in_menu") !== "",
        };
        const summary = t.formErrors(Object.keys(errors).length);
        return page(req, { refused: { ...(id ? { id } : {}), values, errors, summary } });
      },
    });
  }

  /** The deletion form again, the section chosen kept. */
  function deletionRefusal(req: FastifyRequest, body: RawForm, id: number) {
    showFormOnRefusal(req, {
      mainField: "into",
      async render(problems: Readonly<Record<string, Problem>>) {
        const t = await newsroom.words(req);
        const errors = problemTexts(t, problems);
        const into = shownValue(body, "into");
        const summary = t.formErrors(Object.keys(errors).length);
        return page(req, { refusedDeletion: { id, into, error: errors.into, summary } });
      },
    });
  }

  r.get(paths.admin.sections, { schema: { querystring: Done } }, async (req, reply) => {
    newsroom.allow(req, canManageSections);
    const t = await newsroom.words(req);
    const notices = new Map([
      ["created", t.newsroom.writing.sections.created],
      ["renamed", t.newsroom.writing.sections.renamed],
      ["deleted", t.newsroom.writing.sections.deleted],
    ]);
    const notice = notices.get(req.query.fait ?? "");
    const rendered = await page(req, notice ? { notice } : {});
    return reply.type(rendered.type).send(rendered.body);
  });

  r.post(paths.admin.sections, { schema: { body: FormBody } }, async (req, reply) => {
    const user = newsroom.allow(req, canManageSections);
    refusal(req, req.body);
    await editing.createSection(ctx, user, req.body);
    return reply.redirect(`${paths.admin.sections}?fait=created`, 303);
  });

  r.post(
    paths.admin.section(":id"),
    { schema: { params: Id, body: FormBody } },
    async (req, reply) => {
      const user = newsroom.allow(req, canManageSections);
      refusal(req, req.body, req.params.id);
      await editing.renameSection(ctx, user, req.params.id, req.body);
      return reply.redirect(`${paths.admin.sections}?fait=renamed`, 303);
    },
  );

  r.post(
    paths.admin.sectionDelete(":id"),
    { schema: { params: Id, body: FormBody } },
    async (req, reply) => {
      const user = newsroom.allow(req, canManageSections);
      deletionRefusal(req, req.body, req.params.id);
      await editing.deleteSection(ctx, user, req.params.id, req.body);
      return reply.redirect(`${paths.admin.sections}?fait=deleted`, 303);
    },
  );
}
