import { Type } from "@sinclair/typebox";
import type { FastifyInstance } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { showFormOnRefusal } from "../../http/form-page.js";
import type { NewsroomKit } from "../../http/newsroom.js";
import { PageNumber, TypedFilter } from "../../http/params.js";
import type { RouteKit } from "../../http/route-kit.js";
import type { Problem } from "../../lib/errors.js";
import { formatter } from "../../web/i18n/format.js";
import { problemTexts } from "../../web/i18n/index.js";
import { paths } from "../../web/urls.js";
import { accounts, canReadJournal } from "../accounts/index.js";
import { list, type JournalPage } from "./service.js";
import { JournalView } from "./views/journal.js";

const JournalQuery = Type.Object({
  // A person's id, or 0 for the operator (the command line); the service checks it.
  personne: TypedFilter(),
  action: TypedFilter(),
  du: TypedFilter(),
  au: TypedFilter(),
  page: Type.Optional(PageNumber()),
});

/** The journal of staff actions, for admins: `/admin/journal?personne=&action=&du=&au=&page=`. */
export function journalRoutes(app: FastifyInstance, kit: RouteKit, newsroom: NewsroomKit): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = kit;

  r.get(paths.admin.journal, { schema: { querystring: JournalQuery } }, async (req, reply) => {
    const user = newsroom.allow(req, canReadJournal);
    const [t, settings] = await Promise.all([newsroom.words(req), ctx.settings()]);
    const fmt = formatter(t, settings["site.timezone"]);
    const q = req.query;
    const filters = {
      person: q.personne ?? "",
      action: q.action ?? "",
      from: q.du ?? "",
      to: q.au ?? "",
    };
    const pageHref = (page: number) => {
      const query = new URLSearchParams();
      if (filters.person) query.set("personne", filters.person);
      if (filters.action) query.set("action", filters.action);
      if (filters.from) query.set("du", filters.from);
      if (filters.to) query.set("au", filters.to);
      if (page > 1) query.set("page", String(page));
      const text = query.toString();
      return text ? `${paths.admin.journal}?${text}` : paths.admin.journal;
    };
    const people = (await accounts.listPeople(ctx, user)).map((p) => ({ id: p.id, name: p.name }));
    const render = (journal: JournalPage, problems: Readonly<Record<string, Problem>> = {}) => {
      const errors = problemTexts(t, problems);
      const count = Object.keys(errors).length;
      return newsroom.page(
        req,
        { title: t.desk.journal.title },
        <JournalView
          t={t}
          fmt={fmt}
          state={{
            journal,
            people,
            filters,
            pageHref,
            errors,
            summary: count > 0 ? t.formErrors(count) : undefined,
          }}
        />,
      );
    };
    // Bad days come back as the journal's first page, unfiltered, with a message per field.
    showFormOnRefusal(req, {
      mainField: "from",
      render: (problems) => render({ entries: [], page: 1, hasNext: false }, problems),
    });
    const journal = await list(ctx, user, {
      person: filters.person || undefined,
      action: filters.action || undefined,
      from: filters.from || undefined,
      to: filters.to || undefined,
      page: q.page ?? 1,
    });
    const page = await render(journal);
    return reply.type(page.type).send(page.body);
  });
}
