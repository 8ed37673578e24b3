import { describedBy, Field } from "../../../../web/components/field.js";
import type { Messages } from "../../../../web/i18n/index.js";

/**
 * The article's body: a plain `<textarea id="body" name="body">` of HTML, which works without
 * JavaScript; the rich-text editor island enhances `textarea[data-editor=rich]` in place.
 */
export function BodyField({
  t,
  value,
  error,
}: {
  t: Messages;
  value: string;
  error: string | undefined;
}) {
  return (
    <Field id="body" label={t.newsroom.writing.form.body} error={error}>
      <textarea id="body" name="body" rows={24} data-editor="rich" {...describedBy("body", error)}>
        {value}
      </textarea>
    </Field>
  );
}
