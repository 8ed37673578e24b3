import { describedBy, Field } from "../../../web/components/field.js";
import { MediaPickerButton } from "../../../web/components/media-picker-button.js";
import type { Messages } from "../../../web/i18n/index.js";
import { paths } from "../../../web/urls.js";

/** The site screen's logo part: the image now shown, and the number typed in a refused form. */
export interface LogoState {
  current?: { id: number; src: string; filename: string } | undefined;
  /** The number in the field: the current logo's, or what a refused form held. */
  value: string;
  error?: string | undefined;
}

/**
 * Chooses the header's logo from the media library. Without JavaScript: the image's number, read
 * on the library page (the link opens it, where one can also upload); with it, the picker fills
 * the number. "Remove the logo" brings back the name as text.
 */
export function LogoForm({ t, state }: { t: Messages; state: LogoState }) {
  const { current } = state;
  return (
    <section aria-labelledby="logo-title" id="site-logo" class="settings-logo">
      <h2 id="logo-title">{t.newsroom.settingsPage.logo.title}</h2>
      <p>{t.newsroom.settingsPage.logo.intro}</p>
      <p class="logo-current">
        {current
          ? t.newsroom.settingsPage.logo.current(current.id, current.filename)
          : t.newsroom.settingsPage.logo.none}
      </p>
      <form method="post" action={paths.admin.siteLogo} novalidate>
        <Field
          id="logo"
          label={t.newsroom.settingsPage.logo.field}
          hint={t.newsroom.settingsPage.logo.hint}
          error={state.error}
        >
          <input
            id="logo"
            name="logo"
            inputmode="numeric"
            autocomplete="off"
            value={state.value}
            {...describedBy("logo", state.error, true)}
          />
        </Field>
        <MediaPickerButton
          t={t}
          id="logo-picker"
          fill={{ id: "logo" }}
          current={current ? { src: current.src, alt: "" } : undefined}
          label={t.newsroom.settingsPage.logo.choose}
        />
        <p class="form-submit">
          <button type="submit">{t.newsroom.settingsPage.logo.save}</button>
        </p>
      </form>
      {current ? (
        <form method="post" action={paths.admin.siteLogo}>
          <input type="hidden" name="logo" value="" />
          <button type="submit" class="secondary">
            {t.newsroom.settingsPage.logo.remove}
          </button>
        </form>
      ) : null}
    </section>
  );
}
