import { FormErrors } from "../../../web/components/field.js";
import type { Formatter } from "../../../web/i18n/format.js";
import type { Messages } from "../../../web/i18n/index.js";
import { paths } from "../../../web/urls.js";
import type { IntegrationName, IntegrationStatus } from "../integrations.js";
import type { SettingKey } from "../schema.js";
import { screenIds, screens, type ScreenId } from "../screens.js";
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
}

function ScreenNav({ t, current }: { t: Messages; current: ScreenId }) {
  const words = t.newsroom.settingsPage;
  return (
    <nav aria-label={words.nav} class="subnav">
      <ul>
        {screenIds.map((id) => (
          <li>
            <a href={paths.admin.settings[id]} aria-current={id === current ? "page" : undefined}>
              {words.screens[id]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function PublicUrl({ t, url }: { t: Messages; url: string | undefined }) {
  const words = t.newsroom.settingsPage;
  return (
    <div class="field field-readonly" id="public-url">
      <p class="field-label">{words.publicUrl}</p>
      <p>{url ? <code>{url}</code> : words.publicUrlUnset}</p>
      <p class="field-hint">{words.publicUrlHow}</p>
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
  const words = t.newsroom.settingsPage;
  let text = words.statusUnknown;
  if (status.working && status.okAt) text = words.statusWorking(fmt.dateTime(status.okAt));
  else if (status.error && status.errorAt)
    text = words.statusError(fmt.dateTime(status.errorAt), status.error);
  return (
    <p class={status.working ? "status status-ok" : "status"}>
      <strong>{words.status}</strong> {text}
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
  const words = t.newsroom.settingsPage;
  const action = paths.admin.settings[state.screen];
  return (
    <>
      <h1>
        {words.title} — {words.screens[state.screen]}
      </h1>
      <ScreenNav t={t} current={state.screen} />
      <p>{words.intro[state.screen]}</p>
      <p class="field-hint">{words.applies}</p>
      {state.notice ? (
        <p class="notice" role="status">
          {state.notice}
        </p>
      ) : null}
      <form method="post" action={action} novalidate class="settings-form">
        <FormErrors summary={state.summary} />
        {screens[state.screen].map((group) => (
          <fieldset id={`group-${group.id}`}>
            <legend>{words.groups[group.id as keyof typeof words.groups] ?? group.id}</legend>
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
          <button type="submit">{words.save}</button>
        </p>
      </form>
      {(state.services ?? []).map((service) => {
        const name = words.serviceNames[service.name];
        return (
          <section aria-labelledby={`service-${service.name}`} id={`integration-${service.name}`}>
            <h2 id={`service-${service.name}`}>
              {words.groups[service.name]} — {words.keyActions}
            </h2>
            <StatusLine t={t} fmt={fmt} status={service.status} />
            {service.hasKey ? (
              <div class="key-actions">
                <form method="post" action={paths.admin.integrationTest(service.name)}>
                  <button type="submit" aria-label={words.testKeyOf(name)}>
                    {words.testKey}
                  </button>
                </form>
                <form method="post" action={paths.admin.integrationRemoveKey(service.name)}>
                  <button type="submit" class="secondary" aria-label={words.removeKeyOf(name)}>
                    {words.removeKey}
                  </button>
                </form>
              </div>
            ) : (
              <p>{words.secretNone}</p>
            )}
          </section>
        );
      })}
    </>
  );
}
