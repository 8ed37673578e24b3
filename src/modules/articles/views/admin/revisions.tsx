import type { Problem } from "../../../../lib/errors.js";
import { FormErrors } from "../../../../web/components/field.js";
import type { Formatter } from "../../../../web/i18n/format.js";
import { problemTexts, type Messages } from "../../../../web/i18n/index.js";
import { paths } from "../../../../web/urls.js";
import { formNames } from "../../editing/fields.js";
import type { FieldDiff, RevisionSummary } from "../../editing/revisions.js";
import type { EditableArticle } from "../../editing/state.js";
import { DiffView } from "./diff.js";

/** A restore refused: the revision asked for, and the save's rules it broke, by form field. */
export interface RestoreRefusal {
  revision: number;
  problems: Readonly<Record<string, Problem>>;
}

/** Why a restore was refused, said of the version (a person restoring fills in no field). */
function refusalText(
  t: Messages,
  refused: RestoreRefusal,
  revisions: readonly RevisionSummary[],
): string {
  const version = revisions.find((r) => r.id === refused.revision)?.version;
  if (version === undefined || refused.problems.revision)
    return t.newsroom.writing.revisions.refused.unknown(refused.revision);
  if (refused.problems[formNames.authors]?.problem === "ownByline")
    return t.newsroom.writing.revisions.refused.notYourByline(version);
  const f = t.newsroom.writing.form;
  const labels: Record<string, string> = {
    [formNames.slug]: f.slug,
    [formNames.section]: f.section,
    [formNames.authors]: f.authors,
    [formNames.imageMediaId]: f.imageMediaId,
    // The publication rules' fields: an article that is out takes back no text they refuse.
    [formNames.body]: f.body,
    [formNames.imageUrl]: f.imageUrl,
    [formNames.imageAlt]: f.imageAlt,
  };
  const reasons = Object.entries(problemTexts(t, refused.problems)).map(([field, text]) =>
    t.fieldError(labels[field] ?? field, text),
  );
  return t.newsroom.writing.revisions.refused.other(version, reasons.join(" "));
}

/**
 * An article's revisions, newest first: pick two to compare (a GET form), restore any one (a
 * POST made on the version shown, so a save meanwhile is caught as a conflict; a refused one
 * comes back here, saying why).
 */
export function RevisionsView({
  t,
  fmt,
  article,
  revisions,
  compared,
  refused,
}: {
  t: Messages;
  fmt: Formatter;
  article: EditableArticle;
  revisions: readonly RevisionSummary[];
  compared?: { from: number; to: number; diffs: FieldDiff[] };
  refused?: RestoreRefusal;
}) {
  const from = compared?.from ?? revisions[1]?.id;
  const to = compared?.to ?? revisions[0]?.id;
  return (
    <>
      <h1>{t.newsroom.writing.revisions.title(article.fields.title)}</h1>
      <p>
        <a href={paths.admin.article(article.id)}>{t.newsroom.writing.revisions.backToArticle}</a>
      </p>
      <FormErrors summary={refused ? refusalText(t, refused, revisions) : undefined} />
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
