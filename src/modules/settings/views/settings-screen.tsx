import { FormErrors } from "../../../web/components/field.js";
import type { Formatter } from "../../../web/i18n/format.js";
import type { Messages } from "../../../web/i18n/index.js";
import { paths } from "../../../web/urls.js";
import type { IntegrationName, IntegrationStatus } from "../integrations.js";
import type { SettingKey } from "../schema.js";
import { screenIds, screens, type ScreenId } from "../screens.js";
import { LogoForm, type LogoState } from "./logo-form.js";
import { SettingField, type FieldState } from "./setting-field.js";

export interface ScreenState {
  screen: ScreenId;
  /** Each field's value, message and (secrets) mask. */
  fields: Partial<Record<SettingKey, FieldState>>;
  zones: readonly string[];
  notice?: string | undefined;
  summary?: string | undefined;
  /** The site screen: KIOSQUE_PUBLIC_URL, shown, not edited (decision 017). */
  publicUrl?: string | undefined;
  /** The integrations screen: each service's status and whether a key is saved. */
  services?: readonly { name: IntegrationName; hasKey: boolean; status: IntegrationStatus }[];
  /** The site screen: the logo's own form. */
  logo?: LogoState | undefined;
}

function ScreenNav({ t, current }: { t: Messages; current: ScreenId }) {
  return (
    <nav aria-label={t.newsroom.settingsPage.nav} class="subnav">
      <ul>
        {screenIds.map((id) => (
          <li>
            <a href={paths.admin.settings[id]} aria-current={id === current ? "page" : undefined}>
              {t.newsroom.settingsPage.screens[id]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function PublicUrl({ t, url }: { t: Messages; url: string | undefined }) {
  return (
    <div class="field field-readonly" id="public-url">
      <p class="field-label">{t.newsroom.settingsPage.publicUrl}</p>
      <p>{url ? <code>{url}</code> : t.newsroom.settingsPage.publicUrlUnset}</p>
      <p class="field-hint">{t.newsroom.settingsPage.publicUrlHow}</p>
    </div>
  );
}

function StatusLine({
  t,
  fmt,
  status,
}: {
  t: Messages;
  fmt: Formatter;
  status: IntegrationStatus;
}) {
  let text = t.newsroom.settingsPage.statusUnknown;
  if (status.working && status.okAt)
    text = t.newsroom.settingsPage.statusWorking(fmt.dateTime(status.okAt));
  else if (status.error && status.errorAt)
    text = t.newsroom.settingsPage.statusError(fmt.dateTime(status.errorAt), status.error);
  return (
    <p class={status.working ? "status status-ok" : "status"}>
      <strong>{t.newsroom.settingsPage.status}</strong> {text}
    </p>
  );
}

/** A settings screen: its form, generated from the screen's description, and its own parts. */
export function SettingsScreenView({
  t,
  fmt,
  state,
}: {
  t: Messages;
  fmt: Formatter;
  state: ScreenState;
}) {
  const action = paths.admin.settings[state.screen];
  return (
    <>
      <h1>
        {t.newsroom.settingsPage.title} — {t.newsroom.settingsPage.screens[state.screen]}
      </h1>
      <ScreenNav t={t} current={state.screen} />
      <p>{t.newsroom.settingsPage.intro[state.screen]}</p>
      <p class="field-hint">{t.newsroom.settingsPage.applies}</p>
      {state.notice ? (
        <p class="notice" role="status">
          {state.notice}
        </p>
      ) : null}
      <form method="post" action={action} novalidate class="settings-form">
        <FormErrors summary={state.summary} />
        {screens[state.screen].map((group) => (
          <fieldset id={`group-${group.id}`}>
            <legend>
              {t.newsroom.settingsPage.groups[
                group.id as keyof typeof t.newsroom.settingsPage.groups
              ] ?? group.id}
            </legend>
            {group.keys.map((key) => (
              <SettingField
                t={t}
                fmt={fmt}
                settingKey={key}
                state={state.fields[key] ?? { value: "", error: undefined }}
                zones={state.zones}
              />
            ))}
            {state.screen === "site" && group.id === "site" ? (
              <PublicUrl t={t} url={state.publicUrl} />
            ) : null}
          </fieldset>
        ))}
        <p class="form-submit">
          <button type="submit">{t.newsroom.settingsPage.save}</button>
        </p>
      </form>
      {state.logo ? <LogoForm t={t} state={state.logo} /> : null}
      {(state.services ?? []).map((service) => {
        const name = t.newsroom.settingsPage.serviceNames[service.name];
        return (
          <section aria-labelledby={`service-${service.name}`} id={`integration-${service.name}`}>
            <h2 id={`service-${service.name}`}>
              {t.newsroom.settingsPage.groups[service.name]} — {t.newsroom.settingsPage.keyActions}
            </h2>
            <StatusLine t={t} fmt={fmt} status={service.status} />
            {service.hasKey ? (
              <div class="key-actions">
                <form method="post" action={paths.admin.integrationTest(service.name)}>
                  <button
                    type="submit"
                    class="secondary"
                    aria-label={t.newsroom.settingsPage.testKeyOf(name)}
                  >
                    {t.newsroom.settingsPage.testKey}
                  </button>
                </form>
                <form method="post" action={paths.admin.integrationRemoveKey(service.name)}>
                  <button
                    type="submit"
                    class="secondary"
                    aria-label={t.newsroom.settingsPage.removeKeyOf(name)}
                  >
                    {t.newsroom.settingsPage.removeKey}
                  </button>
                </form>
              </div>
            ) : (
              <p>{t.newsroom.settingsPage.secretNone}</p>
            )}
          </section>
        );
      })}
    </>
  );
}
