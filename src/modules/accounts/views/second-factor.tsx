import { describedBy, Field, FormErrors } from "../../../web/components/field.js";
import type { Formatter } from "../../../web/i18n/format.js";
import type { Messages } from "../../../web/i18n/index.js";
import { paths } from "../../../web/urls.js";
import { Notice } from "./notice.js";

export interface SecondFactorPageState {
  enabled: boolean;
  enabledAt: string | null;
  recoveryCodesLeft: number;
  /** Set up under way: the secret and its QR code (an SVG as a data: URL, which the CSP allows). */
  pending?: { secret: string; qr: string } | undefined;
  /** The newsroom requires a factor of this person, who has none yet. */
  required: boolean;
  notice?: string | undefined;
  /** The form that came back refused ("confirm", "renew", "disable") and its messages. */
  refused?: { form: "confirm" | "renew" | "disable"; errors: Record<string, string> } | undefined;
  summary?: string | undefined;
}

function CodeField({
  id,
  label,
  error,
  required = true,
}: {
  id: string;
  label: string;
  error: string | undefined;
  required?: boolean;
}) {
  return (
    <Field id={id} label={label} required={required} error={error}>
      <input
        id={id}
        name="code"
        type="text"
        autocomplete="one-time-code"
        autocapitalize="characters"
        spellcheck={false}
        maxLength={40}
        required={required}
        {...describedBy(id, error)}
      />
    </Field>
  );
}

/** Setting up, renewing and turning off the authenticator app. */
export function SecondFactorView({
  t,
  fmt,
  state,
}: {
  t: Messages;
  fmt: Formatter;
  state: SecondFactorPageState;
}) {
  const errorsOf = (form: "confirm" | "renew" | "disable") =>
    state.refused?.form === form ? state.refused.errors : {};
  const summaryOf = (form: "confirm" | "renew" | "disable") =>
    state.refused?.form === form ? state.summary : undefined;
  return (
    <div class="narrow">
      <h1>{t.newsroom.twoFactor.title}</h1>
      {state.required ? (
        <p class="notice" role="alert">
          {t.newsroom.twoFactor.required}
        </p>
      ) : null}
      <Notice text={state.notice} />
      {state.enabled ? (
        <>
          <p>{t.newsroom.twoFactor.enabledSince(fmt.date(state.enabledAt ?? ""))}</p>
          <p>{t.newsroom.twoFactor.codesLeft(state.recoveryCodesLeft)}</p>
          <section aria-labelledby="renew-title">
            <h2 id="renew-title">{t.newsroom.twoFactor.renew}</h2>
            <form method="post" action={paths.admin.secondFactorRenew} novalidate>
              <FormErrors summary={summaryOf("renew")} />
              <p>{t.newsroom.twoFactor.renewNote}</p>
              <CodeField
                id="renew-code"
                label={t.newsroom.twoFactor.renewCode}
                error={errorsOf("renew").code}
              />
              <p class="form-submit">
                <button type="submit">{t.newsroom.twoFactor.renewSubmit}</button>
              </p>
            </form>
          </section>
          <section aria-labelledby="disable-title">
            <h2 id="disable-title">{t.newsroom.twoFactor.disable}</h2>
            <form method="post" action={paths.admin.secondFactorDisable} novalidate>
              <FormErrors summary={summaryOf("disable")} />
              <p>{t.newsroom.twoFactor.disableNote}</p>
              <CodeField
                id="disable-code"
                label={t.newsroom.twoFactor.disableCode}
                required={false}
                error={errorsOf("disable").code}
              />
              <Field
                id="disable-password"
                label={t.newsroom.twoFactor.disablePassword}
                error={errorsOf("disable").password}
              >
                <input
                  id="disable-password"
                  name="password"
                  type="password"
                  autocomplete="current-password"
                  {...describedBy("disable-password", errorsOf("disable").password)}
                />
              </Field>
              <p class="form-submit">
                <button type="submit" class="secondary">
                  {t.newsroom.twoFactor.disableSubmit}
                </button>
              </p>
            </form>
          </section>
        </>
      ) : state.pending ? (
        <form method="post" action={paths.admin.secondFactorConfirm} novalidate>
          <FormErrors summary={summaryOf("confirm")} />
          <p>{t.newsroom.twoFactor.scan}</p>
          <p>
            <img
              class="qr-code"
              src={state.pending.qr}
              alt={t.newsroom.twoFactor.qrAlt}
              width={240}
              height={240}
            />
          </p>
          <p>
            {t.newsroom.twoFactor.orType}{" "}
            <code class="totp-secret" id="totp-secret">
              {state.pending.secret}
            </code>
          </p>
          <p>{t.newsroom.twoFactor.enterCode}</p>
          <CodeField
            id="confirm-code"
            label={t.newsroom.twoFactor.code}
            error={errorsOf("confirm").code}
          />
          <p class="form-submit">
            <button type="submit">{t.newsroom.twoFactor.confirm}</button>
          </p>
        </form>
      ) : (
        <>
          <p>{t.newsroom.twoFactor.intro}</p>
          <form method="post" action={paths.admin.secondFactorStart}>
            <p class="form-submit">
              <button type="submit">{t.newsroom.twoFactor.start}</button>
            </p>
          </form>
        </>
      )}
    </div>
  );
}

/** The recovery codes, shown once, right after they were made. */
export function RecoveryCodesView({ t, codes }: { t: Messages; codes: readonly string[] }) {
  return (
    <div class="narrow">
      <h1>{t.newsroom.twoFactor.codesTitle}</h1>
      <p class="notice" role="status">
        {t.newsroom.twoFactor.codesNote}
      </p>
      <ol class="recovery-codes">
        {codes.map((c) => (
          <li>
            <code>{c}</code>
          </li>
        ))}
      </ol>
      <p>
        <a href={paths.admin.account}>{t.newsroom.twoFactor.done}</a>
      </p>
    </div>
  );
}
