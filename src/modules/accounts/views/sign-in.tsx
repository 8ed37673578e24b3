import { describedBy, Field, FormErrors } from "../../../web/components/field.js";
import type { Messages } from "../../../web/i18n/index.js";
import { paths } from "../../../web/urls.js";

export interface SignInState {
  email: string;
  next: string;
  errors: Readonly<Record<string, string>>;
  summary?: string;
}

/** The newsroom's sign-in form. The password never comes back in a refused form. */
export function SignInView({ t, state }: { t: Messages; state: SignInState }) {
  return (
    <div class="narrow">
      <h1>{t.newsroom.signIn.title}</h1>
      <form method="post" action={paths.admin.signIn} novalidate>
        <FormErrors summary={state.summary} />
        <input type="hidden" name="next" value={state.next} />
        <Field id="email" label={t.newsroom.signIn.email} required error={state.errors.email}>
          <input
            id="email"
            name="email"
            type="email"
            autocomplete="username"
            value={state.email}
            required
            {...describedBy("email", state.errors.email)}
          />
        </Field>
        <Field
          id="password"
          label={t.newsroom.signIn.password}
          required
          error={state.errors.password}
        >
          <input
            id="password"
            name="password"
            type="password"
            autocomplete="current-password"
            required
            {...describedBy("password", state.errors.password)}
          />
        </Field>
        <p class="form-submit">
          <button type="submit">{t.newsroom.signIn.submit}</button>
        </p>
      </form>
    </div>
  );
}
