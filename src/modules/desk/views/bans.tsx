import type { BanRow } from "../../moderation/index.js";
import { describedBy, Field, FormErrors } from "../../../web/components/field.js";
import type { Formatter } from "../../../web/i18n/format.js";
import type { Messages } from "../../../web/i18n/index.js";
import { paths } from "../../../web/urls.js";

/** What a ban form shows again when refused. */
export interface BanValues {
  kind: string;
  mode: string;
  days: string;
  reason: string;
  email: string;
}

export const emptyBan: BanValues = {
  kind: "email",
  mode: "hold",
  days: "30",
  reason: "",
  email: "",
};

function Choices({
  name,
  legend,
  options,
  checked,
  error,
}: {
  name: string;
  legend: string;
  options: { value: string; label: string; disabled?: boolean }[];
  checked: string;
  error: string | undefined;
}) {
  return (
    <fieldset class={error ? "field field-invalid" : "field"}>
      <legend>{legend}</legend>
      {options.map((o) => (
        <p class="field-radio">
          <input
            type="radio"
            id={`ban-${name}-${o.value}`}
            name={name}
            value={o.value}
            checked={o.value === checked}
            disabled={o.disabled}
            {...(error ? { "aria-describedby": `ban-${name}-error` } : {})}
          />{" "}
          <label for={`ban-${name}-${o.value}`}>{o.label}</label>
        </p>
      ))}
      {error ? (
        <span class="field-error" id={`ban-${name}-error`}>
          {error}
        </span>
      ) : null}
    </fieldset>
  );
}

/** The fields every ban has: what to do with the comments, for how long, and why. */
function BanFields({
  t,
  values,
  errors,
  days,
}: {
  t: Messages;
  values: BanValues;
  errors: Record<string, string>;
  days: readonly number[];
}) {
  return (
    <>
      <Choices
        name="mode"
        legend={t.desk.bans.mode}
        options={[
          { value: "hold", label: t.desk.bans.modeHold },
          { value: "refuse", label: t.desk.bans.modeRefuse },
        ]}
        checked={values.mode}
        error={errors.mode}
      />
      <Field id="ban-days" label={t.desk.bans.duration} required error={errors.days}>
        <select id="ban-days" name="days" {...describedBy("ban-days", errors.days)}>
          {days.map((d) => (
            <option value={String(d)} selected={String(d) === values.days}>
              {t.desk.bans.days(d)}
            </option>
          ))}
        </select>
      </Field>
      <Field
        id="ban-reason"
        label={t.desk.bans.reason}
        error={errors.reason}
        hint={t.desk.bans.reasonHint}
      >
        <input
          id="ban-reason"
          name="reason"
          type="text"
          maxLength={300}
          value={values.reason}
          {...describedBy("ban-reason", errors.reason, true)}
        />
      </Field>
    </>
  );
}

export interface BanFormState {
  comment: { id: number; authorName: string; authorEmail: string; clientKnown: boolean };
  values: BanValues;
  errors: Record<string, string>;
  summary?: string | undefined;
  days: readonly number[];
}

/** A ban made from a comment: its author's address or their connection. */
export function BanFormView({ t, state }: { t: Messages; state: BanFormState }) {
  const { comment, errors } = state;
  return (
    <>
      <h1>{t.desk.bans.newTitle}</h1>
      <p>{t.desk.bans.fromComment(comment.authorName, comment.id)}</p>
      <form method="post" action={paths.admin.bans} class="narrow" novalidate>
        <FormErrors summary={state.summary} />
        <input type="hidden" name="commentaire" value={String(comment.id)} />
        <Choices
          name="kind"
          legend={t.desk.bans.kind}
          options={[
            { value: "email", label: t.desk.bans.kindEmailOf(comment.authorEmail) },
            {
              value: "client",
              label: comment.clientKnown ? t.desk.bans.kindClient : t.desk.bans.kindClientGone,
              disabled: !comment.clientKnown,
            },
          ]}
          checked={state.values.kind}
          error={errors.kind}
        />
        <BanFields t={t} values={state.values} errors={errors} days={state.days} />
        <p class="form-submit">
          <button type="submit">{t.desk.bans.submit}</button>{" "}
          <a href={paths.admin.bans}>{t.desk.bans.title}</a>
        </p>
      </form>
    </>
  );
}

export interface BansState {
  bans: readonly BanRow[];
  names: ReadonlyMap<number, string>;
  notice?: string | undefined;
  /** The e-mail ban form, refused. */
  values: BanValues;
  errors: Record<string, string>;
  summary?: string | undefined;
  days: readonly number[];
}

/** The bans page: those in force and recently ended, and a form to ban an address. */
export function BansView({ t, fmt, state }: { t: Messages; fmt: Formatter; state: BansState }) {
  const who = (id: number) => state.names.get(id) ?? t.desk.someone(String(id));
  return (
    <>
      <h1>{t.desk.bans.title}</h1>
      {state.notice ? (
        <p class="notice" role="status">
          {state.notice}
        </p>
      ) : null}
      <p>{t.desk.bans.intro}</p>
      <p>
        <a href={paths.admin.deskQueue({ status: "pending" })}>{t.desk.cancel}</a>
      </p>
      <section aria-labelledby="bans-list-title">
        <h2 id="bans-list-title">{t.desk.bans.list}</h2>
        {state.bans.length === 0 ? (
          <p>{t.desk.bans.none}</p>
        ) : (
          <table class="data-table">
            <thead>
              <tr>
                <th scope="col">{t.desk.bans.target}</th>
                <th scope="col">{t.desk.bans.mode}</th>
                <th scope="col">{t.desk.bans.reason}</th>
                <th scope="col">{t.desk.bans.by}</th>
                <th scope="col">{t.desk.bans.until}</th>
                <th scope="col">{t.desk.bans.state}</th>
              </tr>
            </thead>
            <tbody>
              {state.bans.map((b) => (
                <tr id={`ban-${b.id}`}>
                  <th scope="row">
                    {t.desk.bans.kindNames[b.kind]}
                    {b.commentId !== null ? ` · ${t.desk.bans.comment(b.commentId)}` : null}
                  </th>
                  <td>{t.desk.bans.modeNames[b.mode]}</td>
                  <td>{b.reason}</td>
                  <td>
                    {who(b.createdBy)}, {t.desk.bans.since} {fmt.dateTime(b.createdAt)}
                  </td>
                  <td>{fmt.dateTime(b.expiresAt)}</td>
                  <td>
                    {b.liftedAt !== null
                      ? t.desk.bans.lifted(fmt.dateTime(b.liftedAt), who(b.liftedBy ?? 0))
                      : b.active
                        ? t.desk.bans.active
                        : t.desk.bans.expired}
                    {b.active ? (
                      <form method="post" action={paths.admin.banLift(b.id)}>
                        <button
                          type="submit"
                          class="secondary"
                          aria-label={t.desk.bans.liftOf(b.id)}
                        >
                          {t.desk.bans.lift}
                        </button>
                      </form>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="ban-email-title">
        <h2 id="ban-email-title">{t.desk.bans.byEmail}</h2>
        <form method="post" action={paths.admin.bans} class="narrow" novalidate>
          <FormErrors summary={state.summary} />
          <input type="hidden" name="kind" value="email" />
          <Field
            id="ban-email"
            label={t.desk.bans.email}
            required
            error={state.errors.email ?? state.errors.kind}
            hint={t.desk.bans.emailHint}
          >
            <input
              id="ban-email"
              name="email"
              type="email"
              autocomplete="off"
              maxLength={254}
              value={state.values.email}
              required
              {...describedBy("ban-email", state.errors.email ?? state.errors.kind, true)}
            />
          </Field>
          <BanFields t={t} values={state.values} errors={state.errors} days={state.days} />
          <p class="form-submit">
            <button type="submit">{t.desk.bans.submit}</button>
          </p>
        </form>
      </section>
    </>
  );
}
