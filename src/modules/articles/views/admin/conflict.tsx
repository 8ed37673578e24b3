import type { Messages } from "../../../../web/i18n/index.js";
import { paths } from "../../../../web/urls.js";
import { formNames, type ArticleFields } from "../../editing/fields.js";
import type { FieldDiff } from "../../editing/revisions.js";
import type { EditableArticle } from "../../editing/state.js";
import type { Action } from "../../editing/workflow.js";
import { DiffView } from "./diff.js";

function Version({ id, title, fields }: { id: string; title: string; fields: ArticleFields }) {
  return (
    <section class="conflict-version" aria-labelledby={`${id}-heading`} id={id}>
      <h2 id={`${id}-heading`}>{title}</h2>
      <h3>{fields.title}</h3>
      {fields.standfirst ? <p class="standfirst">{fields.standfirst}</p> : null}
      {/* Sanitised like every stored body (lib/sanitize.ts): the conflict revision went through it. */}
      <div class="article-body" dangerouslySetInnerHTML={{ __html: fields.bodyHtml }} />
    </section>
  );
}

/**
 * A save refused because another landed first: both versions side by side, what differs, and
 * the choice: apply mine over the current one, or keep the current one. Mine stays in the
 * revisions either way. The button the person pressed (`asked`) was not taken either: the page
 * says so, and applying mine takes it, by the same rules as pressing it.
 */
export function ConflictView({
  t,
  article,
  mine,
  diffs,
  asked,
}: {
  t: Messages;
  article: EditableArticle;
  mine: { id: number; fields: ArticleFields };
  diffs: readonly FieldDiff[];
  asked: { action: Action; publishAt: string };
}) {
  const { action } = asked;
  const apply: Record<Action, string> = {
    save: t.newsroom.writing.conflict.keepMine,
    submit: t.newsroom.writing.conflict.keepMineAnd.submit,
    publish: t.newsroom.writing.conflict.keepMineAnd.publish,
    schedule: t.newsroom.writing.conflict.keepMineAnd.schedule,
    unpublish: t.newsroom.writing.conflict.keepMineAnd.unpublish,
  };
  return (
    <>
      <h1>{t.newsroom.writing.conflict.title}</h1>
      <p class="notice" role="alert">
        {t.newsroom.writing.conflict.intro}
        {action === "save"
          ? null
          : ` ${t.newsroom.writing.conflict.notDone(t.newsroom.writing.actions[action])}`}
      </p>
      <div class="conflict">
        <Version id="mine" title={t.newsroom.writing.conflict.yours} fields={mine.fields} />
        <Version id="current" title={t.newsroom.writing.conflict.current} fields={article.fields} />
      </div>
      <DiffView t={t} diffs={diffs} />
      <div class="form-submit">
        <form
          method="post"
          action={paths.admin.restoreRevision(article.id, mine.id)}
          class="inline"
        >
          <input type="hidden" name={formNames.version} value={String(article.version)} />
          <input type="hidden" name={formNames.action} value={action} />
          {action === "schedule" ? (
            <input type="hidden" name={formNames.publishAt} value={asked.publishAt} />
          ) : null}
          <button type="submit">{apply[action]}</button>
        </form>{" "}
        <a class="button secondary" href={paths.admin.article(article.id)}>
          {t.newsroom.writing.conflict.keepCurrent}
        </a>
      </div>
    </>
  );
}
