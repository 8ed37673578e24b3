import { Type } from "@sinclair/typebox";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import { showFormOnRefusal } from "../../http/form-page.js";
import type { NewsroomKit } from "../../http/newsroom.js";
import { ARTICLE_FORM_LIMIT } from "../../http/limits.js";
import { requestOrigin } from "../../http/origin.js";
import { FormBody, PageNumber, TypedFilter } from "../../http/params.js";
import type { RouteKit } from "../../http/route-kit.js";
import { Conflict, type Problem } from "../../lib/errors.js";
import { parseRowId } from "../../lib/row-id.js";
import { instantToZoned } from "../../lib/zoned-time.js";
import { canPublish, canWriteArticles, type StaffUser } from "../accounts/index.js";
import { formatter } from "../../web/i18n/format.js";
import { problemTexts } from "../../web/i18n/index.js";
import { shownValue, type RawForm } from "../../lib/form-fields.js";
import { paths } from "../../web/urls.js";
import * as editing from "./editing/service.js";
import type { EditableArticle } from "./editing/state.js";
import type { StaffFilter } from "./editing/staff-list.js";
import type { ArticleStatus } from "./table.js";
import { ArticleEditView, type EditPageState } from "./views/admin/article-edit.js";
import { ArticleListView, type ListQuery } from "./views/admin/article-list.js";
import { ConflictView } from "./views/admin/conflict.js";
import { RevisionsView, type RestoreRefusal } from "./views/admin/revisions.js";
import { media } from "../media/index.js";

const Id = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) });
const RevisionParams = Type.Object({
  id: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }),
  revision: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }),
});
const short = Type.Optional(Type.String({ maxLength: 200 }));
const ListQuerySchema = Type.Object({
  status: short,
  section: short,
  author: short,
  // A long search finds what its first words find (title-words.ts QUERY_WORDS_MAX).
  q: TypedFilter(),
  page: Type.Optional(PageNumber()),
});
const EditQuery = Type.Object({ fait: short });
const CompareQuery = Type.Object({ from: short, to: short });
const TagQuery = Type.Object({ q: short });

/** The notices a redirect after a post may ask the edit page to show (`?fait=`). */
const done = [
  "created",
  "saved",
  "submitted",
  "published",
  "scheduled",
  "unpublished",
  "restored",
] as const;
type Done = (typeof done)[number];
const doneOf: Record<editing.Action, Done> = {
  save: "saved",
  submit: "submitted",
  publish: "published",
  schedule: "scheduled",
  unpublish: "unpublished",
};

/** The button a save was posted with, and a schedule's date: what a conflict page carries on. */
interface Asked {
  action: editing.Action;
  publishAt: string;
}
const askedOf = (body: RawForm): Asked => ({
  action: editing.actions.find((a) => a === body[editing.formNames.action]) ?? "save",
  publishAt: shownValue(body, editing.formNames.publishAt).slice(0, 30),
});

/** Writing and publishing: the newsroom's article list, form, revisions and conflicts. */
export function articleAdminRoutes(
  app: FastifyInstance,
  kit: RouteKit,
  newsroom: NewsroomKit,
): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = kit;
  /**
   * Tells the media library which uploaded images the article now shows (its "used in" list, and
   * what is dropped from the cache when an image's variants are ready). After the save, in a
   * transaction of its own: the media module reads articles, so articles do not call it.
   */
  async function recordImages(articleId: number): Promise<void> {
    const used = await editing.imagesUsed(ctx, articleId);
    const ids = [
      ...(used.featured === null ? [] : [used.featured]),
      ...(await media.idsForUrls(ctx, used.bodySources)),
    ];
    const existing = [...(await media.getMany(ctx, ids)).keys()];
    await ctx.write((tx) => media.recordUsage(tx, articleId, existing));
  }
  // The rich-text editor: on the pages with the article form only, never on a reader's page.
  const editorAssets = {
    scripts: [kit.assets.editorIsland, kit.assets.mediaPickerIsland, kit.assets.tagSuggestIsland],
    styles: [kit.assets.editorCss],
  };

  /**
   * The article forms take more than other posts (a long read); the person is checked before
   * the body is read, so nobody signed out gets to send that much.
   */
  const bigForm = {
    bodyLimit: ARTICLE_FORM_LIMIT,
    onRequest: async (req: FastifyRequest) => void newsroom.allow(req, canWriteArticles),
  };

  async function words(req: FastifyRequest) {
    const [t, settings] = await Promise.all([newsroom.words(req), ctx.settings()]);
    const timeZone = settings["site.timezone"];
    return { t, timeZone, fmt: formatter(t, timeZone) };
  }

  /** `articleId`: the article edited, whose bylines stay offered (a disabled account's too). */
  async function choices(articleId?: number) {
    const [sections, people] = await Promise.all([
      editing.sections(ctx),
      editing.bylineCandidates(ctx, articleId),
    ]);
    return { sections, people };
  }

  /** The pinned field as the form shows it: the pinned articles' addresses, one a line. */
  async function pinnedField(user: StaffUser, articleId: number): Promise<string> {
    const slugs = await editing.pinnedSlugs(ctx, user, articleId);
    return slugs.map((slug) => paths.article(slug)).join("\n");
  }

  /** The edit page of `article` for `user`: stored values unless a form's are given. */
  async function editPage(
    req: FastifyRequest,
    user: StaffUser,
    article: EditableArticle,
    shown: Partial<EditPageState> & { problems?: Readonly<Record<string, Problem>> } = {},
  ) {
    const { t, fmt, timeZone } = await words(req);
    const [offered, token, pinned] = await Promise.all([
      shown.values ? undefined : editing.autosaveOf(ctx, user, article.id),
      editing.previewToken(ctx, user, article.id),
      shown.values ? "" : pinnedField(user, article.id),
    ]);
    const errors = problemTexts(t, shown.problems ?? {});
    const origin = requestOrigin(req, ctx.config) ?? "";
    const live =
      article.status === "published" &&
      (article.publishedAt ?? "") <= ctx.clock.now().toISOString();
    const state: EditPageState = {
      article,
      values: shown.values ?? {
        ...editing.formValuesOf(article.fields),
        [editing.formNames.pinned]: pinned,
      },
      errors,
      ...(Object.keys(errors).length > 0
        ? { summary: t.formErrors(Object.keys(errors).length) }
        : {}),
      ...(shown.notice ? { notice: shown.notice } : {}),
      ...(shown.baseVersion !== undefined ? { baseVersion: shown.baseVersion } : {}),
      ...(offered ? { autosavedAt: offered.savedAt, autosaveOvertaken: offered.overtaken } : {}),
      publishAt:
        shown.publishAt ??
        (article.status === "scheduled" && article.publishedAt
          ? instantToZoned(new Date(article.publishedAt), timeZone)
          : ""),
      timeZone,
      canPublish: canPublish(user),
      previewUrl: `${origin}${paths.preview(token)}`,
      ...(live ? { readerUrl: paths.article(article.fields.slug) } : {}),
    };
    return newsroom.page(
      req,
      {
        title: t.newsroom.writing.edit.title(article.fields.title),
        ...editorAssets,
        scripts: [...editorAssets.scripts, kit.assets.autosaveIsland],
      },
      <ArticleEditView t={t} fmt={fmt} state={state} choices={await choices(article.id)} />,
    );
  }

  async function conflictPage(
    req: FastifyRequest,
    user: StaffUser,
    articleId: number,
    keptAs: number,
    asked: Asked,
  ) {
    const { t } = await words(req);
    const [article, mine] = await Promise.all([
      editing.editable(ctx, user, articleId),
      editing.revisionOf(ctx, user, articleId, keptAs),
    ]);
    const diffs = await editing.compareFields(ctx, article.fields, mine.fields);
    return newsroom.page(
      req,
      { title: t.newsroom.writing.conflict.title },
      <ConflictView t={t} article={article} mine={mine} diffs={diffs} asked={asked} />,
    );
  }

  /**
   * A conflict's version refused when applied (the rules of the action it carries, or of an
   * article that is out): it comes back in the edit form, every field of it and a message per
   * field, on the version the person compared it with, as a refused save does.
   */
  async function refusedVersionPage(
    req: FastifyRequest,
    user: StaffUser,
    articleId: number,
    shown: { revision: number; version: number; asked: Asked; problems: Record<string, Problem> },
  ) {
    const { t } = await words(req);
    const [article, mine, pinned] = await Promise.all([
      editing.editable(ctx, user, articleId),
      editing.revisionOf(ctx, user, articleId, shown.revision),
      pinnedField(user, articleId),
    ]);
    return editPage(req, user, article, {
      values: { ...editing.formValuesOf(mine.fields), [editing.formNames.pinned]: pinned },
      problems: shown.problems,
      baseVersion: shown.version,
      publishAt: shown.asked.publishAt,
      notice: t.newsroom.writing.conflict.refused,
    });
  }

  r.get(paths.admin.articles, { schema: { querystring: ListQuerySchema } }, async (req, reply) => {
    const user = newsroom.allow(req, canWriteArticles);
    const { t, fmt } = await words(req);
    const q = req.query;
    // Authors start from their own articles; anyone may look wider.
    const query: ListQuery = {
      status: q.status ?? "",
      section: q.section ?? "",
      author: q.author ?? (user.role === "author" ? String(user.id) : "all"),
      q: (q.q ?? "").trim(),
    };
    const statuses: readonly string[] = ["draft", "review", "scheduled", "published"];
    const filter: StaffFilter = {
      ...(statuses.includes(query.status) ? { status: query.status as ArticleStatus } : {}),
      ...(parseRowId(query.section) !== undefined ? { categoryId: parseRowId(query.section) } : {}),
      ...(parseRowId(query.author) !== undefined ? { authorId: parseRowId(query.author) } : {}),
      ...(query.q ? { q: query.q } : {}),
    };
    const page = await editing.staffList(ctx, user, filter, q.page ?? 1);
    const href = (n: number) => {
      const params = new URLSearchParams({ ...query, ...(n > 1 ? { page: String(n) } : {}) });
      return `${paths.admin.articles}?${params.toString()}`;
    };
    return newsroom.sendPage(
      req,
      reply,
      { title: t.newsroom.writing.list.title },
      <ArticleListView
        t={t}
        fmt={fmt}
        query={query}
        page={page}
        choices={await choices()}
        href={href}
      />,
    );
  });

  async function newPage(
    req: FastifyRequest,
    values: editing.FormValues,
    problems: Readonly<Record<string, Problem>> = {},
  ) {
    const { t, fmt, timeZone } = await words(req);
    const errors = problemTexts(t, problems);
    const state: EditPageState = {
      values,
      errors,
      ...(Object.keys(errors).length > 0
        ? { summary: t.formErrors(Object.keys(errors).length) }
        : {}),
      publishAt: "",
      timeZone,
      canPublish: false,
    };
    return newsroom.page(
      req,
      { title: t.newsroom.writing.edit.newTitle, ...editorAssets },
      <ArticleEditView t={t} fmt={fmt} state={state} choices={await choices()} />,
    );
  }

  r.get(paths.admin.newArticle, async (req, reply) => {
    const user = newsroom.allow(req, canWriteArticles);
    const page = await newPage(req, { authors: [String(user.id)], comments_open: "1" });
    return reply.type(page.type).send(page.body);
  });

  r.post(paths.admin.newArticle, { ...bigForm, schema: { body: FormBody } }, async (req, reply) => {
    const user = newsroom.allow(req, canWriteArticles);
    showFormOnRefusal(req, {
      mainField: "title",
      render: (problems) => newPage(req, editing.postedValues(req.body), problems),
    });
    const id = await editing.createDraft(ctx, user, req.body);
    await recordImages(id);
    return reply.redirect(`${paths.admin.article(id)}?fait=created`, 303);
  });

  r.get(
    paths.admin.article(":id"),
    { schema: { params: Id, querystring: EditQuery } },
    async (req, reply) => {
      const user = newsroom.allow(req, canWriteArticles);
      const article = await editing.editable(ctx, user, req.params.id);
      const { t } = await words(req);
      const fait = done.find((d) => d === req.query.fait);
      const page = await editPage(
        req,
        user,
        article,
        fait ? { notice: t.newsroom.writing.edit.done[fait] } : {},
      );
      return reply.type(page.type).send(page.body);
    },
  );

  r.post(
    paths.admin.article(":id"),
    { ...bigForm, schema: { params: Id, body: FormBody } },
    async (req, reply) => {
      const user = newsroom.allow(req, canWriteArticles);
      const id = req.params.id;
      const version = parseRowId(typeof req.body.version === "string" ? req.body.version : "");
      showFormOnRefusal(req, {
        mainField: "title",
        render: async (problems) =>
          editPage(req, user, await editing.editable(ctx, user, id), {
            values: editing.postedValues(req.body),
            problems,
            ...(version !== undefined ? { baseVersion: version } : {}),
            publishAt: shownValue(req.body, "publish_at").slice(0, 30),
          }),
      });
      try {
        const saved = await editing.saveArticle(ctx, user, id, req.body);
        await recordImages(id);
        return reply.redirect(`${paths.admin.article(id)}?fait=${doneOf[saved.action]}`, 303);
      } catch (error) {
        if (!(error instanceof Conflict) || kit.wantsJson(req)) throw error;
        const page = await conflictPage(req, user, id, error.keptAs, askedOf(req.body));
        return reply.status(409).type(page.type).send(page.body);
      }
    },
  );

  // The island's autosave: the form as typed, kept for this person only (JSON answer).
  r.post(
    paths.admin.autosave(":id"),
    { ...bigForm, schema: { params: Id, body: FormBody } },
    async (req) => {
      const user = newsroom.allow(req, canWriteArticles);
      const savedAt = await editing.autosave(ctx, user, req.params.id, req.body);
      return { ok: true, savedAt };
    },
  );

  r.post(paths.admin.restoreAutosave(":id"), { schema: { params: Id } }, async (req, reply) => {
    const user = newsroom.allow(req, canWriteArticles);
    const article = await editing.editable(ctx, user, req.params.id);
    const kept = await editing.autosaveOf(ctx, user, article.id);
    if (!kept) return reply.redirect(paths.admin.article(article.id), 303);
    const { t } = await words(req);
    const page = await editPage(req, user, article, {
      values: kept.values,
      baseVersion: kept.baseVersion,
      notice: t.newsroom.writing.autosave.restored,
    });
    return reply.type(page.type).send(page.body);
  });

  r.post(paths.admin.discardAutosave(":id"), { schema: { params: Id } }, async (req, reply) => {
    const user = newsroom.allow(req, canWriteArticles);
    await editing.editable(ctx, user, req.params.id);
    await editing.discardAutosave(ctx, user, req.params.id);
    return reply.redirect(paths.admin.article(req.params.id), 303);
  });

  /**
   * The revisions page of article `id`: two of them compared (`from`, `to`: revision ids), or a
   * restore refused and why (`refused`).
   */
  async function revisionsPage(
    req: FastifyRequest,
    user: StaffUser,
    id: number,
    shown: { from?: number | undefined; to?: number | undefined; refused?: RestoreRefusal },
  ) {
    const { t, fmt } = await words(req);
    const { article, revisions } = await editing.revisionsOf(ctx, user, id);
    const { from, to, refused } = shown;
    let compared;
    if (from !== undefined && to !== undefined) {
      const [a, b] = await Promise.all([
        editing.revisionOf(ctx, user, article.id, from),
        editing.revisionOf(ctx, user, article.id, to),
      ]);
      compared = { from, to, diffs: await editing.compareFields(ctx, a.fields, b.fields) };
    }
    return newsroom.page(
      req,
      { title: t.newsroom.writing.revisions.title(article.fields.title) },
      <RevisionsView
        t={t}
        fmt={fmt}
        article={article}
        revisions={revisions}
        {...(compared ? { compared } : {})}
        {...(refused ? { refused } : {})}
      />,
    );
  }

  r.get(
    paths.admin.revisions(":id"),
    { schema: { params: Id, querystring: CompareQuery } },
    async (req, reply) => {
      const user = newsroom.allow(req, canWriteArticles);
      const page = await revisionsPage(req, user, req.params.id, {
        from: parseRowId(req.query.from ?? ""),
        to: parseRowId(req.query.to ?? ""),
      });
      return reply.type(page.type).send(page.body);
    },
  );

  r.post(
    paths.admin.restoreRevision(":id", ":revision"),
    { schema: { params: RevisionParams, body: FormBody } },
    async (req, reply) => {
      const user = newsroom.allow(req, canWriteArticles);
      const { id, revision } = req.params;
      const version = parseRowId(typeof req.body.version === "string" ? req.body.version : "") ?? 0;
      // Only the conflict page's button carries an action: its version, refused, comes back in
      // the edit form to be put right. Any other refusal (another article's revision, an old
      // version today's rules refuse) is said on the revisions page, with why: not a bare "bad
      // request".
      const fromConflict = req.body[editing.formNames.action] !== undefined;
      const asked = askedOf(req.body);
      showFormOnRefusal(req, {
        mainField: "revision",
        render: (problems) =>
          fromConflict && !problems.revision
            ? refusedVersionPage(req, user, id, { revision, version, asked, problems })
            : revisionsPage(req, user, id, { refused: { revision, problems } }),
      });
      try {
        const saved = await editing.restoreRevision(ctx, user, id, revision, version, req.body);
        await recordImages(id);
        const fait = saved.action === "save" ? "restored" : doneOf[saved.action];
        return reply.redirect(`${paths.admin.article(id)}?fait=${fait}`, 303);
      } catch (error) {
        if (!(error instanceof Conflict) || kit.wantsJson(req)) throw error;
        const page = await conflictPage(req, user, id, error.keptAs, asked);
        return reply.status(409).type(page.type).send(page.body);
      }
    },
  );

  // Tag suggestions for the tag field, as JSON: staff only, like every /admin route.
  r.get(paths.admin.tags, { schema: { querystring: TagQuery } }, async (req) => {
    const user = newsroom.allow(req, canWriteArticles);
    return { tags: await editing.suggestTags(ctx, user, req.query.q ?? "") };
  });
}
