import { describedBy, Field, FormErrors } from "../../../web/components/field.js";
import type { Formatter } from "../../../web/i18n/format.js";
import type { Locale, Messages } from "../../../web/i18n/index.js";
import { paths } from "../../../web/urls.js";
import type { SessionSummary } from "../sessions.js";
import { Notice } from "./notice.js";

/** Which of the page's forms came back refused, with its values (never a password). */
export type AccountRefusal =
  | { form: "profile"; name: string; locale: string; errors: Record<string, string> }
  | { form: "password"; errors: Record<string, string> }
  /** Closing a session the person does not have (closed already, or someone else's). */
  | { form: "session" };

export interface AccountState {
  name: string;
  locale: Locale;
  email: string;
  hasSecondFactor: boolean;
  sessions: readonly (SessionSummary & { browser: string })[];
  passwordMin: number;
  notice?: string | undefined;
  refused?: AccountRefusal | undefined;
  summary?: string | undefined;
}

/** The person's own account: profile, password, second factor, sessions. */
export function AccountView({
  t,
  fmt,
  state,
}: {
  t: Messages;
  fmt: Formatter;
  state: AccountState;
}) {
  const refused = state.refused;
  const profile =
    refused?.form === "profile"
      ? refused
      : { name: state.name, locale: state.locale, errors: {} as Record<string, string> };
  const passwordErrors = refused?.form === "password" ? refused.errors : {};
  return (
    <>
      <h1>{t.newsroom.account}</h1>
      <Notice text={state.notice} />
      <section aria-labelledby="profile-title" class="narrow">
        <h2 id="profile-title">{t.newsroom.accountPage.profile}</h2>
        <form method="post" action={paths.admin.accountProfile} novalidate>
          <FormErrors summary={refused?.form === "profile" ? state.summary : undefined} />
          <p>{state.email}</p>
          <Field
            id="name"
            label={t.newsroom.accountPage.name}
            required
            hint={t.newsroom.accountPage.nameHint}
            error={profile.errors.name}
          >
            <input
              id="name"
              name="name"
              type="text"
              autocomplete="name"
              value={profile.name}
              maxLength={100}
              required
              {...describedBy("name", profile.errors.name, true)}
            />
          </Field>
          <Field
            id="locale"
            label={t.newsroom.accountPage.locale}
            required
            error={profile.errors.locale}
          >
            <select id="locale" name="locale" {...describedBy("locale", profile.errors.locale)}>
              {(["fr", "en"] as const).map((l) => (
                <option value={l} selected={profile.locale === l} lang={l}>
                  {t.newsroom.localeNames[l]}
                </option>
              ))}
            </select>
          </Field>
          <p class="form-submit">
            <button type="submit">{t.newsroom.accountPage.saveProfile}</button>
          </p>
        </form>
      </section>

      <section aria-labelledby="password-title" class="narrow">
        <h2 id="password-title">{t.newsroom.accountPage.password}</h2>
        <form method="post" action={paths.admin.accountPassword} novalidate>
          <FormErrors summary={refused?.form === "password" ? state.summary : undefined} />
          <p>{t.newsroom.accountPage.passwordNote}</p>
          <Field
            id="current"
            label={t.newsroom.accountPage.current}
            required
            error={passwordErrors.current}
          >
            <input
              id="current"
              name="current"
              type="password"
              autocomplete="current-password"
              required
              {...describedBy("current", passwordErrors.current)}
            />
          </Field>
          <Field
            id="password"
            label={t.newsroom.accountPage.newPassword}
            required
            hint={t.newsroom.accountPage.newPasswordHint(state.passwordMin)}
            error={passwordErrors.password}
          >
            <input
              id="password"
              name="password"
              type="password"
              autocomplete="new-password"
              minLength={state.passwordMin}
              required
              {...describedBy("password", passwordErrors.password, true)}
            />
          </Field>
          <Field
            id="confirm"
            label={t.newsroom.accountPage.confirm}
            required
            error={passwordErrors.confirm}
          >
            <input
              id="confirm"
              name="confirm"
              type="password"
              autocomplete="new-password"
              required
              {...describedBy("confirm", passwordErrors.confirm)}
            />
          </Field>
          <p class="form-submit">
            <button type="submit">{t.newsroom.accountPage.changePassword}</button>
          </p>
        </form>
      </section>

      <section aria-labelledby="second-factor-title">
        <h2 id="second-factor-title">{t.newsroom.accountPage.secondFactor}</h2>
        <p>
          {state.hasSecondFactor
            ? t.newsroom.accountPage.secondFactorOn
            : t.newsroom.accountPage.secondFactorOff}
        </p>
        <p>
          <a href={paths.admin.secondFactor}>{t.newsroom.accountPage.manageSecondFactor}</a>
        </p>
      </section>

      <section aria-labelledby="sessions-title">
        <h2 id="sessions-title">{t.newsroom.accountPage.sessions}</h2>
        <FormErrors
          summary={refused?.form === "session" ? t.newsroom.accountPage.sessionNotFound : undefined}
        />
        <table class="data-table">
          <thead>
            <tr>
              <th scope="col">{t.newsroom.accountPage.browser}</th>
              <th scope="col">{t.newsroom.accountPage.openedAt}</th>
              <th scope="col">{t.newsroom.accountPage.lastSeen}</th>
              <td />
            </tr>
          </thead>
          <tbody>
            {state.sessions.map((s) => (
              <tr>
                <th scope="row">{s.browser}</th>
                <td>{fmt.dateTime(s.createdAt)}</td>
                <td>{fmt.dateTime(s.lastSeenAt)}</td>
                <td>
                  {s.current ? (
                    t.newsroom.accountPage.thisSession
                  ) : (
                    <form method="post" action={paths.admin.accountCloseSession}>
                      <input type="hidden" name="session" value={s.idHash} />
                      <button
                        type="submit"
                        class="secondary"
                        aria-label={t.newsroom.accountPage.closeSessionOf(
                          `${s.browser}, ${fmt.dateTime(s.lastSeenAt)}`,
                        )}
                      >
                        {t.newsroom.accountPage.closeSession}
                      </button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <form method="post" action={paths.admin.signOutEverywhere}>
          <button type="submit" class="secondary">
            {t.newsroom.signOutEverywhere}
          </button>
        </form>
      </section>
    </>
  );
}
