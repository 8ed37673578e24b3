import { describedBy, Field } from "../../../../web/components/field.js";
import { autonyms, locales, type Messages } from "../../../../web/i18n/index.js";
import { paths } from "../../../../web/urls.js";
import { limits, type FormValues } from "../../editing/fields.js";
import { BodyField } from "./body-field.js";
import { FeaturedImageField } from "./featured-image-field.js";

/** What the form offers to choose from. */
export interface FormChoices {
  sections: readonly { id: number; name: string }[];
  /** `disabled`: an account disabled since it signed the article, offered so it stays. */
  people: readonly { id: number; name: string; disabled?: boolean }[];
}

const text = (values: FormValues, key: string): string => {
  const v = values[key];
  return typeof v === "string" ? v : "";
};

/** Every field of an article, as typed (or as stored), with one message per field in error. */
export function ArticleFields({
  t,
  values,
  errors,
  choices,
}: {
  t: Messages;
  values: FormValues;
  errors: Readonly<Record<string, string>>;
  choices: FormChoices;
}) {
  const authors = new Set([values.authors ?? []].flat());
  const one = (id: string, label: string, opts: { required?: boolean; hint?: string } = {}) => (
    <Field id={id} label={label} error={errors[id]} {...opts}>
      <input
        id={id}
        name={id}
        type="text"
        value={text(values, id)}
        {...(opts.required ? { required: true } : {})}
        {...describedBy(id, errors[id], opts.hint !== undefined)}
      />
    </Field>
  );
  const area = (id: string, label: string, rows: number) => (
    <Field id={id} label={label} error={errors[id]}>
      <textarea id={id} name={id} rows={rows} {...describedBy(id, errors[id])}>
        {text(values, id)}
      </textarea>
    </Field>
  );
  return (
    <>
      {one("title", t.newsroom.writing.form.headline, { required: true })}
      {area("standfirst", t.newsroom.writing.form.standfirst, 3)}
      <BodyField t={t} value={text(values, "body")} error={errors.body} />
      <div class="form-columns">
        <Field id="section" label={t.newsroom.writing.form.section} required error={errors.section}>
          <select id="section" name="section" required {...describedBy("section", errors.section)}>
            <option value="">{t.newsroom.writing.form.chooseSection}</option>
            {choices.sections.map((s) => (
              <option value={String(s.id)} selected={text(values, "section") === String(s.id)}>
                {s.name}
              </option>
            ))}
          </select>
        </Field>
        <Field
          id="authors"
          label={t.newsroom.writing.form.authors}
          required
          error={errors.authors}
          hint={t.newsroom.writing.form.authorsHint}
        >
          <select
            id="authors"
            name="authors"
            multiple
            size={Math.min(6, Math.max(2, choices.people.length))}
            {...describedBy("authors", errors.authors, true)}
          >
            {choices.people.map((p) => (
              <option value={String(p.id)} selected={authors.has(String(p.id))}>
                {p.disabled ? t.newsroom.writing.form.disabledAccount(p.name) : p.name}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Field
        id="tags"
        label={t.newsroom.writing.form.tags}
        error={errors.tags}
        hint={t.newsroom.writing.form.tagsHint}
      >
        {/* The tag island fills the list with existing tags as one types the last of them. */}
        <input
          id="tags"
          name="tags"
          type="text"
          value={text(values, "tags")}
          list="tag-suggestions"
          autocomplete="off"
          data-tag-suggest={paths.admin.tags}
          {...describedBy("tags", errors.tags, true)}
        />
        <datalist id="tag-suggestions" />
      </Field>
      {one("slug", t.newsroom.writing.form.slug, { hint: t.newsroom.writing.form.slugHint })}
      <Field id="language" label={t.newsroom.writing.form.language} error={errors.language}>
        <select id="language" name="language" {...describedBy("language", errors.language)}>
          <option value="">{t.newsroom.writing.form.languageDefault}</option>
          {locales.map((l) => (
            <option value={l} lang={l} selected={text(values, "language") === l}>
              {autonyms[l]}
            </option>
          ))}
        </select>
      </Field>
      <Field
        id="pinned"
        label={t.newsroom.writing.form.pinned}
        error={errors.pinned}
        hint={t.newsroom.writing.form.pinnedHint(limits.maxPins)}
      >
        <textarea
          id="pinned"
          name="pinned"
          rows={3}
          {...describedBy("pinned", errors.pinned, true)}
        >
          {text(values, "pinned")}
        </textarea>
      </Field>
      <p class="field field-check">
        <input
          id="comments_open"
          name="comments_open"
          type="checkbox"
          value="1"
          checked={text(values, "comments_open") !== ""}
        />{" "}
        <label for="comments_open">{t.newsroom.writing.form.commentsOpen}</label>
      </p>
      <FeaturedImageField t={t} values={values} errors={errors} />
      <fieldset class="seo">
        <legend>{t.newsroom.writing.form.seo}</legend>
        {one("seo_title", t.newsroom.writing.form.seoTitle)}
        {area("seo_description", t.newsroom.writing.form.seoDescription, 2)}
      </fieldset>
    </>
  );
}
