import { describedBy, Field, FormErrors } from "../../../web/components/field.js";
import type { Messages } from "../../../web/i18n/index.js";
import { paths } from "../../../web/urls.js";

export interface SecondStepState {
  next: string;
  errors: Readonly<Record<string, string>>;
  summary?: string;
}

/** Sign-in's second step: a code from the app, or a recovery code. The code never comes back. */
export function SecondStepView({ t, state }: { t: Messages; state: SecondStepState }) {
  return (
    <div class="narrow">
      <h1>{t.newsroom.secondStep.title}</h1>
      <p id="code-hint">{t.newsroom.secondStep.intro}</p>
      <form method="post" action={paths.admin.secondStep} novalidate>
        <FormErrors summary={state.summary} />
        <input type="hidden" name="next" value={state.next} />
        <Field id="code" label={t.newsroom.secondStep.code} required error={state.errors.code}>
          <input
            id="code"
            name="code"
            type="text"
            autocomplete="one-time-code"
            autocapitalize="characters"
            spellcheck={false}
            maxLength={40}
            required
            autofocus
            {...describedBy("code", state.errors.code, true)}
          />
        </Field>
        <p class="form-submit">
          <button type="submit">{t.newsroom.secondStep.submit}</button>
        </p>
      </form>
      <form method="post" action={paths.admin.signOut}>
        <button type="submit" class="secondary">
          {t.newsroom.secondStep.cancel}
        </button>
      </form>
    </div>
  );
}
