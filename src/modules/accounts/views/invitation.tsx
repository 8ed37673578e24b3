import { describedBy, Field, FormErrors } from "../../../web/components/field.js";
import type { Messages } from "../../../web/i18n/index.js";
import { paths } from "../../../web/urls.js";

export interface InvitationState {
  token: string;
  siteName: string;
  email: string;
  roleName: string;
  expires: string;
  name: string;
  locale: string;
  passwordMin: number;
  errors: Readonly<Record<string, string>>;
  summary?: string | undefined;
}

/** The page an invitation link opens: the invited person makes their account. */
export function InvitationView({ t, state }: { t: Messages; state: InvitationState }) {
  const e = state.errors;
  return (
    <div class="narrow">
      <h1>{t.newsroom.invitation.title(state.siteName)}</h1>
      <p>{t.newsroom.invitation.intro(state.email, state.roleName, state.expires)}</p>
      <form method="post" action={paths.admin.invitation(state.token)} novalidate>
        <FormErrors summary={state.summary} />
        {/* The address is the invitation's: a browser's password manager files it under it. */}
        <input type="hidden" name="username" value={state.email} autocomplete="username" />
        <Field
          id="name"
          label={t.newsroom.accountPage.name}
          required
          hint={t.newsroom.accountPage.nameHint}
          error={e.name}
        >
          <input
            id="name"
            name="name"
            type="text"
            autocomplete="name"
            value={state.name}
            maxLength={100}
            required
            {...describedBy("name", e.name, true)}
          />
        </Field>
        <Field id="locale" label={t.newsroom.accountPage.locale} required error={e.locale}>
          <select id="locale" name="locale" {...describedBy("locale", e.locale)}>
            {(["fr", "en"] as const).map((l) => (
              <option value={l} selected={state.locale === l} lang={l}>
                {t.newsroom.localeNames[l]}
              </option>
            ))}
          </select>
        </Field>
        <Field
          id="password"
          label={t.newsroom.signIn.password}
          required
          hint={t.newsroom.accountPage.newPasswordHint(state.passwordMin)}
          error={e.password}
        >
          <input
            id="password"
            name="password"
            type="password"
            autocomplete="new-password"
            minLength={state.passwordMin}
            required
            {...describedBy("password", e.password, true)}
          />
        </Field>
        <Field id="confirm" label={t.newsroom.accountPage.confirm} required error={e.confirm}>
          <input
            id="confirm"
            name="confirm"
            type="password"
            autocomplete="new-password"
            required
            {...describedBy("confirm", e.confirm)}
          />
        </Field>
        <p class="form-submit">
          <button type="submit">{t.newsroom.invitation.submit}</button>
        </p>
      </form>
    </div>
  );
}
