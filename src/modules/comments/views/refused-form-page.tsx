import type { Site } from "../../../web/site.js";
import { anchors, paths } from "../../../web/urls.js";
import type { RefusedForm } from "../refused-form.js";
import { CommentForm } from "./comment-form.js";

/** The comment form's fields in the order the form shows them, with their labels. */
function fieldLabels(site: Site): Record<string, string> {
  const c = site.t.comments;
  return { body: c.body, name: c.name, email: c.email, website: c.website };
}

/**
 * What is wrong, first thing in `<main>`: the count, then each message as a link to its field.
 * `tabindex="-1"` lets the page's fragment (paths.refusedComment) give it focus without a script.
 */
function ErrorSummary({ site, errors }: { site: Site; errors: Readonly<Record<string, string>> }) {
  const labels = fieldLabels(site);
  const fields = [
    ...Object.keys(labels).filter((f) => errors[f] !== undefined),
    ...Object.keys(errors).filter((f) => labels[f] === undefined),
  ];
  return (
    <div class="form-errors error-summary" id={anchors.formErrors} tabindex={-1}>
      <p id="form-errors-title">{site.t.formErrors(fields.length)}</p>
      <ul>
        {fields.map((f) => (
          <li>
            {labels[f] !== undefined ? (
              <a href={`#${f}`}>{site.t.fieldError(labels[f], errors[f] ?? "")}</a>
            ) : (
              errors[f]
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * A comment form refused without JavaScript, alone on its page (as WordPress does, but with the
 * form): the summary, the article it was for, then the form with every value as typed and a
 * message per field. The page is this reader's: never cached (routes.tsx).
 */
export function RefusedFormPage({
  site,
  refused,
  errors,
}: {
  site: Site;
  refused: RefusedForm;
  /** Field → message, in the site's language. */
  errors: Readonly<Record<string, string>>;
}) {
  const { t } = site;
  const { article } = refused;
  return (
    <>
      <ErrorSummary site={site} errors={errors} />
      <section class="refused-form">
        <h1>{t.comments.refusedTitle(article.title)}</h1>
        <p class="refused-context">
          {t.comments.refusedNote}{" "}
          <a href={paths.article(article.slug)}>{t.comments.backToArticle}</a>
        </p>
        <CommentForm
          site={site}
          summary={false}
          state={{
            action: paths.comments(article.slug),
            values: refused.values,
            errors,
            stamp: refused.stamp,
            ...(refused.replyTo ? { replyTo: refused.replyTo } : {}),
            cancelReplyHref: paths.respond(article.slug),
            // The GIF picked goes with the form (the field only the picker's form has).
            ...(refused.gifs ? { gifPicker: site.assets.gifPickerIsland } : {}),
          }}
        />
      </section>
    </>
  );
}
