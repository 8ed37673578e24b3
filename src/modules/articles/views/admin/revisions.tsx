import type { Formatter } from "../../../../web/i18n/format.js";
import type { Messages } from "../../../../web/i18n/index.js";
import { paths } from "../../../../web/urls.js";
import type { FieldDiff, RevisionSummary } from "../../editing/revisions.js";
import type { EditableArticle } from "../../editing/state.js";
import { DiffView } from "./diff.js";

/**
 * An article's revisions, newest first: pick two to compare (a GET form), restore any one (a
 * POST made on the version shown, so a save meanwhile is caught as a conflict).
 */
export function RevisionsView({
  t,
  fmt,
  article,
  revisions,
  compared,
}: {
  t: Messages;
  fmt: Formatter;
  article: EditableArticle;
  revisions: readonly RevisionSummary[];
  compared?: { from: number; to: number; diffs: FieldDiff[] };
}) {
  const from = compared?.from ?? revisions[1]?.id;
  const to = compared?.to ?? revisions[0]?.id;
  return (
    <>
      <h1>{t.newsroom.writing.revisions.title(article.fields.title)}</h1>
      <p>
        <a href={paths.admin.article(article.id)}>{t.newsroom.writing.revisions.backToArticle}</a>
      </p>
      {compared ? (
        <section aria-labelledby="diff-heading">
          <h2 id="diff-heading">{t.newsroom.writing.revisions.compare}</h2>
          <DiffView t={t} diffs={compared.diffs} />
        </section>
      ) : null}
      <form method="get" action={paths.admin.revisions(article.id)} id="compare-form" />
      <table class="data-table">
        <thead>
          <tr>
            <th scope="col">{t.newsroom.writing.revisions.from}</th>
            <th scope="col">{t.newsroom.writing.revisions.to}</th>
            <th scope="col">{t.newsroom.writing.revisions.version}</th>
            <th scope="col" />
          </tr>
        </thead>
        <tbody>
          {revisions.map((r) => (
            <tr class={`revision revision-${r.kind}`}>
              <td>
                <input
                  type="radio"
                  name="from"
                  value={String(r.id)}
                  form="compare-form"
                  checked={r.id === from}
                  aria-label={`${t.newsroom.writing.revisions.from} ${r.version}`}
                />
              </td>
              <td>
                <input
                  type="radio"
                  name="to"
                  value={String(r.id)}
                  form="compare-form"
                  checked={r.id === to}
                  aria-label={`${t.newsroom.writing.revisions.to} ${r.version}`}
                />
              </td>
              <td>
                {t.newsroom.writing.edit.version(r.version)} ·{" "}
                {t.newsroom.writing.revisions.kinds[r.kind]} ·{" "}
                <time datetime={r.savedAt}>{fmt.dateTime(r.savedAt)}</time>{" "}
                {t.newsroom.writing.revisions.by(r.savedBy ?? t.newsroom.writing.revisions.nobody)}
              </td>
              <td>
                <form method="post" action={paths.admin.restoreRevision(article.id, r.id)}>
                  <input type="hidden" name="version" value={String(article.version)} />
                  <button type="submit" class="secondary">
                    {t.newsroom.writing.revisions.restore}
                  </button>
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <button type="submit" form="compare-form">
          {t.newsroom.writing.revisions.compare}
        </button>
      </p>
    </>
  );
}
