import { describedBy, Field } from "../../../web/components/field.js";
import type { Messages } from "../../../web/i18n/index.js";

/** Alternative text, caption and credit, as typed (a refused form shows them again). */
export interface DetailValues {
  alt: string;
  caption: string;
  credit: string;
}

/**
 * The three texts an image goes with, in the upload form and on the image's page. Ids are
 * prefixed (`upload-alt`, `edit-alt`) so that both forms could sit on one page.
 */
export function DetailFields({
  t,
  prefix,
  values,
  errors,
}: {
  t: Messages;
  prefix: string;
  values: DetailValues;
  errors: Readonly<Record<string, string>>;
}) {
  const id = (field: string) => `${prefix}-${field}`;
  return (
    <>
      <Field
        id={id("alt")}
        label={t.newsroom.media.alt}
        hint={t.newsroom.media.altHint}
        error={errors.alt}
      >
        <textarea
          id={id("alt")}
          name="alt"
          rows={2}
          class="short"
          {...describedBy(id("alt"), errors.alt, true)}
        >
          {/* HTML drops one newline right after <textarea>: this one, not the text's. */}
          {`\n${values.alt}`}
        </textarea>
      </Field>
      <Field id={id("caption")} label={t.newsroom.media.caption} error={errors.caption}>
        <textarea
          id={id("caption")}
          name="caption"
          rows={2}
          class="short"
          {...describedBy(id("caption"), errors.caption)}
        >
          {`\n${values.caption}`}
        </textarea>
      </Field>
      <Field
        id={id("credit")}
        label={t.newsroom.media.credit}
        hint={t.newsroom.media.creditHint}
        error={errors.credit}
      >
        <input
          id={id("credit")}
          name="credit"
          type="text"
          value={values.credit}
          {...describedBy(id("credit"), errors.credit, true)}
        />
      </Field>
    </>
  );
}
