import { MediaPickerButton } from "../../../../web/components/media-picker-button.js";
import { RichTextField } from "../../../../web/components/rich-text-field.js";
import { editorLabels } from "../../../../web/i18n/editor.js";
import type { Locale, Messages } from "../../../../web/i18n/index.js";

/**
 * The article's body: without JavaScript a `<textarea id="body" name="body">` of HTML; the
 * rich-text editor island enhances it in place, in the person's language.
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
    <>
      <MediaPickerButton t={t} id="body-picker" target="body" />
      <RichTextField
        id="body"
        name="body"
        label={t.newsroom.writing.form.body}
        value={value}
        labels={editorLabels[t.lang as Locale]}
        {...(error ? { error } : {})}
      />
    </>
  );
}
