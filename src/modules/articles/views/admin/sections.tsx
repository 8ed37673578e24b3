import { describedBy, Field, FormErrors } from "../../../../web/components/field.js";
import type { Messages } from "../../../../web/i18n/index.js";
import { paths } from "../../../../web/urls.js";
import type { Section } from "../../editing/sections.js";

/** One section's form (or the new one's), with what was typed and its messages. */
export interface SectionForm {
  /** Undefined: the form for a new section. */
  id?: number;
  values: { name: string; slug: string; description: string; position: string; inMenu: boolean };
  errors: Readonly<Record<string, string>>;
  summary?: string;
}

function SectionFields({ t, form }: { t: Messages; form: SectionForm }) {
  const p = form.id === undefined ? "new" : `s${form.id}`;
  const input = (
    key: "name" | "slug" | "position",
    label: string,
    { required = false, hint }: { required?: boolean; hint?: string } = {},
  ) => (
    <Field
      id={`${p}-${key}`}
      label={label}
      required={required}
      error={form.errors[key]}
      {...(hint ? { hint } : {})}
    >
      <input
        id={`${p}-${key}`}
        name={key}
        type="text"
        {...(key === "position" ? { inputMode: "numeric" as const } : {})}
        value={form.values[key]}
        {...(required ? { required: true } : {})}
        {...describedBy(`${p}-${key}`, form.errors[key], hint !== undefined)}
      />
    </Field>
  );
  return (
    <form
      method="post"
      action={form.id === undefined ? paths.admin.sections : paths.admin.section(form.id)}
      novalidate
    >
      <FormErrors summary={form.summary} />
      {input("name", t.newsroom.writing.sections.name, { required: true })}
      {input("slug", t.newsroom.writing.sections.slug)}
      <Field
        id={`${p}-description`}
        label={t.newsroom.writing.sections.description}
        error={form.errors.description}
      >
        <textarea
          id={`${p}-description`}
          name="description"
          rows={2}
          {...describedBy(`${p}-description`, form.errors.description)}
        >
          {form.values.description}
        </textarea>
      </Field>
      {input("position", t.newsroom.writing.sections.position, {
        hint: t.newsroom.writing.sections.positionHint,
      })}
      <p class="field">
        {/* Says the form asks: a post without the box (a page from before it) changes nothing. */}
        <input type="hidden" name="in_menu_asked" value="1" />
        <input
          id={`${p}-in_menu`}
          name="in_menu"
          type="checkbox"
          value="1"
          checked={form.values.inMenu}
          aria-describedby={`${p}-in_menu-hint`}
        />{" "}
        <label for={`${p}-in_menu`}>{t.newsroom.writing.sections.inMenu}</label>{" "}
        <span class="field-hint" id={`${p}-in_menu-hint`}>
          {t.newsroom.writing.sections.inMenuHint}
        </span>
      </p>
      <p class="form-submit">
        <button type="submit">
          {form.id === undefined
            ? t.newsroom.writing.sections.create
            : t.newsroom.writing.sections.rename}
        </button>
      </p>
    </form>
  );
}

/** A deletion form that came back refused: the section chosen, the message. */
export interface RefusedDeletion {
  id: number;
  into: string;
  error: string | undefined;
  summary: string;
}

/**
 * The form that deletes a section into another, folded away: a person opens it on purpose, and
 * must choose where the articles go (nothing is chosen beforehand).
 */
function DeleteSection({
  t,
  section,
  others,
  articles,
  refused,
}: {
  t: Messages;
  section: Section;
  others: readonly Section[];
  articles: number;
  refused: RefusedDeletion | undefined;
}) {
  const id = `s${section.id}-into`;
  return (
    <details class="section-delete" open={refused !== undefined}>
      <summary>{t.newsroom.writing.sections.deleteSection}</summary>
      {others.length === 0 ? (
        <p>{t.newsroom.writing.sections.lastSection}</p>
      ) : (
        <form method="post" action={paths.admin.sectionDelete(section.id)} novalidate>
          <FormErrors summary={refused?.summary} />
          <Field
            id={id}
            label={t.newsroom.writing.sections.into(articles)}
            required
            error={refused?.error}
            hint={t.newsroom.writing.sections.intoHint}
          >
            <select id={id} name="into" required {...describedBy(id, refused?.error, true)}>
              <option value="">{t.newsroom.writing.sections.chooseSection}</option>
              {others.map((o) => (
                <option value={String(o.id)} selected={refused?.into === String(o.id)}>
                  {o.name}
                </option>
              ))}
            </select>
          </Field>
          <p class="form-submit">
            <button type="submit">{t.newsroom.writing.sections.delete}</button>
          </p>
        </form>
      )}
    </details>
  );
}

/**
 * The sections: each one's form to change it and the one to delete it into another, then the
 * form for a new one.
 */
export function SectionsView({
  t,
  sections,
  articles,
  refused,
  refusedDeletion,
  notice,
}: {
  t: Messages;
  sections: readonly Section[];
  /** How many articles each section holds, by id. */
  articles: ReadonlyMap<number, number>;
  /** The form that came back refused, with its values and messages. */
  refused?: SectionForm;
  refusedDeletion?: RefusedDeletion;
  notice?: string;
}) {
  const formOf = (s?: Section): SectionForm =>
    refused && refused.id === s?.id
      ? refused
      : {
          ...(s ? { id: s.id } : {}),
          values: {
            name: s?.name ?? "",
            slug: s?.slug ?? "",
            description: s?.description ?? "",
            position: s ? String(s.position) : "",
            inMenu: s?.inMenu ?? true,
          },
          errors: {},
        };
  return (
    <>
      <h1>{t.newsroom.writing.sections.title}</h1>
      {notice ? (
        <p class="notice" role="status">
          {notice}
        </p>
      ) : null}
      {sections.map((s) => (
        <section class="section-item" aria-labelledby={`s${s.id}-heading`}>
          <h2 id={`s${s.id}-heading`}>
            <a href={paths.category(s.slug)}>{s.name}</a>
            {s.inMenu ? null : <small> ({t.newsroom.writing.sections.hidden})</small>}
          </h2>
          <SectionFields t={t} form={formOf(s)} />
          <DeleteSection
            t={t}
            section={s}
            others={sections.filter((o) => o.id !== s.id)}
            articles={articles.get(s.id) ?? 0}
            refused={refusedDeletion?.id === s.id ? refusedDeletion : undefined}
          />
        </section>
      ))}
      <section aria-labelledby="new-heading">
        <h2 id="new-heading">{t.newsroom.writing.sections.newSection}</h2>
        <SectionFields t={t} form={formOf(undefined)} />
      </section>
    </>
  );
}
