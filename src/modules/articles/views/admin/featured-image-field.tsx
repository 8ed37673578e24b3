import { describedBy, Field } from "../../../../web/components/field.js";
import type { Messages } from "../../../../web/i18n/index.js";
import { MediaPickerButton } from "../../../../web/components/media-picker-button.js";

/**
 * The featured image: a media number or an address, with its alternative text, caption and
 * credit. Field names: image_media_id, image_url, image_alt, image_caption, image_credit (the
 * media library's picker fills the first).
 */
export function FeaturedImageField({
  t,
  values,
  errors,
}: {
  t: Messages;
  values: Readonly<Record<string, string | readonly string[]>>;
  errors: Readonly<Record<string, string>>;
}) {
  const input = (id: string, label: string, hint?: string) => (
    <Field id={id} label={label} error={errors[id]} {...(hint ? { hint } : {})}>
      <input
        id={id}
        name={id}
        type="text"
        value={typeof values[id] === "string" ? values[id] : ""}
        {...describedBy(id, errors[id], hint !== undefined)}
      />
    </Field>
  );
  return (
    <fieldset class="featured-image" data-media-field="featured">
      <legend>{t.newsroom.writing.form.image}</legend>
      <MediaPickerButton
        t={t}
        id="featured-picker"
        fill={{
          id: "image_media_id",
          alt: "image_alt",
          caption: "image_caption",
          credit: "image_credit",
        }}
      />
      {input("image_media_id", t.newsroom.writing.form.imageMediaId)}
      {input("image_url", t.newsroom.writing.form.imageUrl)}
      {input("image_alt", t.newsroom.writing.form.imageAlt, t.newsroom.writing.form.imageAltHint)}
      {input("image_caption", t.newsroom.writing.form.imageCaption)}
      {input("image_credit", t.newsroom.writing.form.imageCredit)}
    </fieldset>
  );
}
