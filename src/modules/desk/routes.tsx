import type { FastifyInstance, FastifyRequest } from "fastify";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { NewsroomKit } from "../../http/newsroom.js";
import { showFormOnRefusal } from "../../http/form-page.js";
import { FormBody } from "../../http/params.js";
import type { RouteKit } from "../../http/route-kit.js";
import type { Problem } from "../../lib/errors.js";
import { sentOnce, shownValue } from "../../lib/form-fields.js";
import { parseRowId } from "../../lib/row-id.js";
import { deskMenuLabel } from "../../web/desk-menu.js";
import { problemTexts } from "../../web/i18n/index.js";
import { paths } from "../../web/urls.js";
import { accounts, canModerate } from "../accounts/index.js";
import { articles } from "../articles/index.js";
import type { DeskComment } from "../comments/index.js";
import {
  Back,
  IdParam,
  QueueQuery,
  backWith,
  deskReturn,
  doneNotice,
  queueAt,
  wordsAndDates,
  type QueueAt,
} from "./routes/common.js";
import { banRoutes } from "./routes/bans.js";
import * as desk from "./service.js";
import { EditView } from "./views/edit.js";
import { QueueView, type QueueState } from "./views/queue.js";
import { ReplyView } from "./views/reply.js";

/** The people a page of the desk names: in its comments' logs and edits. */
function peopleNamed(list: readonly DeskComment[]): number[] {
  const ids: number[] = [];
  for (const c of list) {
    for (const l of c.log) {
      const m = /^user:(\d+)$/.exec(l.actor);
      if (m) ids.push(Number(m[1]));
    }
    for (const e of c.edits) ids.push(e.by);
  }
  return ids;
}

/**
 * The moderation desk (issue 11): its queues, actions on a comment or many, edits and replies
 * (bans in routes/bans.tsx). Every action is a real form answered with a 303 back to the queue
 * it came from; asked with `Accept: application/json` (the desk island), the same routes answer
 * JSON.
 */
export function deskRoutes(app: FastifyInstance, kit: RouteKit, newsroom: NewsroomKit): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = kit;

  async function queuePage(
    req: FastifyRequest,
    at: QueueAt,
    extra: Pick<QueueState, "notice" | "errors" | "summary"> = {},
    queryError = false,
  ) {
    const user = newsroom.allow(req, canModerate);
    const { t, fmt } = await wordsAndDates(ctx, req, newsroom);
    // A refused search shows the queue without it, the text kept in the box with its message.
    const filter = { status: at.status, articleId: at.article, q: queryError ? "" : at.q };
    const page = await desk.queue(ctx, user, filter, at.page);
    const [names, titles] = await Promise.all([
      accounts.namesOf(ctx, peopleNamed(page.comments)),
      at.article === undefined
        ? Promise.resolve(new Map<number, { title: string }>())
        : articles.slugsAndTitles(ctx, [at.article]),
    ]);
    const title = at.article === undefined ? undefined : titles.get(at.article)?.title;
    const back = paths.admin.deskQueue({
      status: at.status,
      article: at.article,
      q: at.q,
      page: at.page,
    });
    return newsroom.page(
      req,
      { title: t.desk.title, scripts: [kit.assets.deskIsland] },
      <QueueView
        t={t}
        fmt={fmt}
        state={{
          status: at.status,
          article: at.article === undefined ? undefined : { id: at.article, title: title ?? "" },
          q: at.q,
          page,
          names,
          back,
          ...extra,
        }}
      />,
    );
  }

  /** A desk page refused: the queue `back` names, with the messages. */
  function onRefusal(
    req: FastifyRequest,
    back: string,
    errorsOf: (
      e: Record<string, string>,
      t: Parameters<typeof doneNotice>[0],
    ) => QueueState["errors"],
  ) {
    showFormOnRefusal(req, {
      mainField: "ids",
      async render(problems: Readonly<Record<string, Problem>>) {
        const t = await newsroom.words(req);
        const errors = problemTexts(t, problems);
        return queuePage(req, queueAt(back), {
          errors: errorsOf(errors, t),
          summary: t.formErrors(Object.keys(errors).length),
        });
      },
    });
  }

  r.get(paths.admin.desk, { schema: { querystring: QueueQuery } }, async (req, reply) => {
    newsroom.allow(req, canModerate);
    const t = await newsroom.words(req);
    const at: QueueAt = {
      status: req.query.statut ?? "pending",
      article: req.query.article,
      q: req.query.q ?? "",
      page: req.query.page ?? 1,
    };
    showFormOnRefusal(req, {
      mainField: "q",
      async render(problems) {
        const errors = problemTexts(t, problems);
        return queuePage(
          req,
          at,
          { errors: { q: errors.q ?? "" }, summary: t.formErrors(1) },
          true,
        );
      },
    });
    const page = await queuePage(req, at, { notice: doneNotice(t, req.query.fait, req.query.n) });
    return reply.type(page.type).send(page.body);
  });

  r.post(
    paths.admin.deskAction(":id"),
    { schema: { params: IdParam, body: FormBody } },
    async (req, reply) => {
      const user = newsroom.allow(req, canModerate);
      const back = deskReturn(sentOnce(req.body, "retour"));
      const id = req.params.id;
      onRefusal(req, back, (errors) => ({
        comment: { id, text: Object.values(errors)[0] ?? "" },
      }));
      const action = sentOnce(req.body, "action");
      const t = await newsroom.words(req);
      let moved: { id: number; from: string; to: string }[] = [];
      let message: string | undefined;
      let done = action;
      if (action === "feature" || action === "unfeature") {
        await desk.feature(ctx, user, id, action === "feature");
        message = doneNotice(t, action, 1);
      } else if (action === "removeGif") {
        // A comment without a GIF (none, or another moderator's removal first) is said so.
        const removed = await desk.removeGif(ctx, user, id);
        done = removed ? action : "noGif";
        message = doneNotice(t, done, 1);
      } else {
        const chosen = desk.readAction(action);
        moved = (await desk.act(ctx, user, [id], chosen)).map((m) => ({
          id: m.id,
          from: m.from,
          to: m.to,
        }));
        message = doneNotice(t, chosen, moved.length);
      }
      if (kit.wantsJson(req)) return reply.send({ ok: true, id, action, moved, message });
      const next = parseRowId(sentOnce(req.body, "suivant"));
      const n = ["feature", "unfeature", "removeGif"].includes(action) ? undefined : moved.length;
      return reply.redirect(backWith(back, done, n, next ?? id), 303);
    },
  );

  r.post(paths.admin.deskBulk, { schema: { body: FormBody } }, async (req, reply) => {
    const user = newsroom.allow(req, canModerate);
    const back = deskReturn(sentOnce(req.body, "retour"));
    onRefusal(req, back, (errors, t) => ({
      ids: errors.ids ? t.desk.bulkNone : undefined,
      action: errors.action,
    }));
    const bulk = desk.readBulk(req.body);
    const filterAt = queueAt(back);
    let n: number;
    if (bulk.scope === "queue" && bulk.upTo !== undefined) {
      n = await desk.actOnQueue(
        ctx,
        user,
        {
          status: filterAt.status,
          articleId: filterAt.article,
          q: filterAt.q,
        },
        bulk.upTo,
        bulk.action,
      );
    } else {
      n = (await desk.act(ctx, user, bulk.ids, bulk.action)).length;
    }
    if (kit.wantsJson(req)) return reply.send({ ok: true, action: bulk.action, moved: n });
    return reply.redirect(backWith(back, bulk.action, n), 303);
  });

  // The menu's counts, for its island (web/islands/live-counts.ts): the label in the person's
  // words, as pages render it, and the numbers. Never cached (the newsroom scope's no-store).
  r.get(paths.admin.deskCounts, async (req, reply) => {
    const user = newsroom.allow(req, canModerate);
    const [t, counts] = await Promise.all([newsroom.words(req), desk.menuCounts(ctx, user)]);
    return reply.send({ ok: true, label: deskMenuLabel(t, counts), counts });
  });

  r.get(
    paths.admin.deskEdit(":id"),
    { schema: { params: IdParam, querystring: Back } },
    async (req, reply) => {
      const user = newsroom.allow(req, canModerate);
      const c = await desk.comment(ctx, user, req.params.id);
      const t = await newsroom.words(req);
      return newsroom.sendPage(
        req,
        reply,
        { title: t.desk.editTitle(c.id) },
        <EditView
          t={t}
          state={{
            id: c.id,
            values: { name: c.authorName, website: c.authorWebsite ?? "", body: c.body },
            back: deskReturn(req.query.retour),
            errors: {},
          }}
        />,
      );
    },
  );

  r.post(
    paths.admin.deskEdit(":id"),
    { schema: { params: IdParam, body: FormBody } },
    async (req, reply) => {
      const user = newsroom.allow(req, canModerate);
      const back = deskReturn(sentOnce(req.body, "retour"));
      const id = req.params.id;
      showFormOnRefusal(req, {
        mainField: "body",
        givesTextBack: true,
        async render(problems) {
          const t = await newsroom.words(req);
          const errors = problemTexts(t, problems);
          return newsroom.page(
            req,
            { title: t.desk.editTitle(id) },
            <EditView
              t={t}
              state={{
                id,
                values: {
                  name: shownValue(req.body, "name"),
                  website: shownValue(req.body, "website"),
                  body: shownValue(req.body, "body"),
                },
                back,
                errors,
                summary: t.formErrors(Object.keys(errors).length),
              }}
            />,
          );
        },
      });
      await desk.edit(ctx, user, id, req.body);
      return reply.redirect(backWith(back, "edit", undefined, id), 303);
    },
  );

  async function replyPage(
    req: FastifyRequest,
    id: number,
    back: string,
    body: string,
    problems: Readonly<Record<string, Problem>> = {},
  ) {
    const user = newsroom.allow(req, canModerate);
    const c = await desk.comment(ctx, user, id);
    const t = await newsroom.words(req);
    const errors = problemTexts(t, problems);
    return newsroom.page(
      req,
      { title: t.desk.replyTitle(c.authorName) },
      <ReplyView
        t={t}
        state={{
          parent: { id: c.id, authorName: c.authorName, body: c.body },
          staffName: user.name,
          body,
          back,
          errors,
          summary:
            Object.keys(errors).length > 0 ? t.formErrors(Object.keys(errors).length) : undefined,
        }}
      />,
    );
  }

  r.get(
    paths.admin.deskReply(":id"),
    { schema: { params: IdParam, querystring: Back } },
    async (req, reply) => {
      const page = await replyPage(req, req.params.id, deskReturn(req.query.retour), "");
      return reply.type(page.type).send(page.body);
    },
  );

  r.post(
    paths.admin.deskReply(":id"),
    { schema: { params: IdParam, body: FormBody } },
    async (req, reply) => {
      const user = newsroom.allow(req, canModerate);
      const back = deskReturn(sentOnce(req.body, "retour"));
      const id = req.params.id;
      showFormOnRefusal(req, {
        mainField: "body",
        givesTextBack: true,
        render: (problems) => replyPage(req, id, back, shownValue(req.body, "body"), problems),
      });
      const done = await desk.reply(ctx, user, id, req.body);
      if (kit.wantsJson(req)) {
        const t = await newsroom.words(req);
        return reply.send({
          ok: true,
          id: done.id,
          parent: id,
          approvedParent: done.approvedParent,
          message: doneNotice(t, "reply", 1),
        });
      }
      return reply.redirect(backWith(back, "reply", undefined, id), 303);
    },
  );

  banRoutes(app, kit, newsroom);
}
