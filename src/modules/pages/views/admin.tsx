import { describedBy, Field, FormErrors } from "../../../web/components/field.js";
import { RichTextField } from "../../../web/components/rich-text-field.js";
import { editorLabels } from "../../../web/i18n/editor.js";
import type { Locale, Messages } from "../../../web/i18n/index.js";
import { paths } from "../../../web/urls.js";
import type { PageFormValues } from "../editing.js";
import type { SitePage } from "../service.js";

/** The newsroom's list of the site's pages, in footer order, and the way to a new one. */
export function PagesListView({
  t,
  pages,
  notice,
}: {
  t: Messages;
  pages: readonly SitePage[];
  notice?: string;
}) {
  return (
    <>
      <h1>{t.newsroom.writing.pages.title}</h1>
      {notice ? (
        <p class="notice" role="status">
          {notice}
        </p>
      ) : null}
      <p>{t.newsroom.writing.pages.intro}</p>
      <p>
        <a class="button" href={paths.admin.newPage}>
          {t.newsroom.writing.pages.newPage}
        </a>
      </p>
      {pages.length === 0 ? (
        <p>{t.newsroom.writing.pages.none}</p>
      ) : (
        <table class="staff-table">
          <thead>
            <tr>
              <th scope="col">{t.newsroom.writing.pages.pageTitle}</th>
              <th scope="col">{t.newsroom.writing.pages.status}</th>
              <th scope="col">{t.newsroom.writing.pages.inFooter}</th>
              <th scope="col">{t.newsroom.writing.pages.position}</th>
            </tr>
          </thead>
          <tbody>
            {pages.map((p) => (
              <tr>
                <td>
                  <a href={paths.admin.page(p.id)}>{p.title}</a>
                </td>
                <td>
                  {p.status === "published"
                    ? t.newsroom.writing.pages.published
                    : t.newsroom.writing.pages.draft}
                </td>
                <td>{p.inFooter ? "✓" : ""}</td>
                <td>{p.position}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

/** A page's form (a new one's when `id` is undefined), with what was typed and its messages. */
export function PageFormView({
  t,
  id,
  values,
  errors,
  summary,
  notice,
  publicSlug,
}: {
  t: Messages;
  id: number | undefined;
  values: PageFormValues;
  errors: Readonly<Record<string, string>>;
  summary?: string;
  notice?: string;
  /** The page's address while it is published. */
  publicSlug?: string;
}) {
  const text = (key: "title" | "slug" | "position", label: string, required = false) => (
    <Field id={`page-${key}`} label={label} required={required} error={errors[key]}>
      <input
        id={`page-${key}`}
        name={key}
        type="text"
        {...(key === "position" ? { inputMode: "numeric" as const } : {})}
        value={values[key]}
        {...(required ? { required: true } : {})}
        {...describedBy(`page-${key}`, errors[key])}
      />
    </Field>
  );
  return (
    <>
      <p>
        <a href={paths.admin.pages}>{t.newsroom.writing.pages.back}</a>
      </p>
      <h1>
        {id === undefined
          ? t.newsroom.writing.pages.newPage
          : t.newsroom.writing.pages.edit(values.title)}
      </h1>
      {notice ? (
        <p class="notice" role="status">
          {notice}
        </p>
      ) : null}
      {publicSlug ? (
        <p>
          <a href={paths.page(publicSlug)}>{t.newsroom.writing.pages.view}</a>
        </p>
      ) : null}
      <form
        method="post"
        action={id === undefined ? paths.admin.newPage : paths.admin.page(id)}
        novalidate
      >
        {/* Said above the form: no field shows the version. */}
        <FormErrors summary={summary} unseen={[errors.version]} />
        {values.version ? (
          <input type="hidden" id="page-version" name="version" value={values.version} />
        ) : null}
        {text("title", t.newsroom.writing.pages.pageTitle, true)}
        {text("slug", t.newsroom.writing.pages.slug)}
        <RichTextField
          id="body"
          name="body"
          label={t.newsroom.writing.pages.body}
          value={values.body}
          labels={editorLabels[t.lang as Locale]}
          {...(errors.body ? { error: errors.body } : {})}
        />
        <div class="form-columns">
          <Field id="page-status" label={t.newsroom.writing.pages.status} error={errors.status}>
            <select id="page-status" name="status" {...describedBy("page-status", errors.status)}>
              <option value="draft" selected={values.status !== "published"}>
                {t.newsroom.writing.pages.draft}
              </option>
              <option value="published" selected={values.status === "published"}>
                {t.newsroom.writing.pages.published}
              </option>
            </select>
          </Field>
          {text("position", t.newsroom.writing.pages.position)}
        </div>
        <p class="field">
          <input
            id="page-in_footer"
            name="in_footer"
            type="checkbox"
            value="1"
            checked={values.in_footer !== ""}
          />{" "}
          <label for="page-in_footer">{t.newsroom.writing.pages.inFooter}</label>
        </p>
        <p class="form-submit">
          <button type="submit">
            {id === undefined ? t.newsroom.writing.pages.create : t.newsroom.writing.pages.save}
          </button>
        </p>
      </form>
    </>
  );
}
