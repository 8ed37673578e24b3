import { describedBy, Field, FormErrors } from "../../../web/components/field.js";
import type { Formatter } from "../../../web/i18n/format.js";
import type { Messages } from "../../../web/i18n/index.js";
import { paths } from "../../../web/urls.js";
import type { PendingInvitation } from "../invitations.js";
import type { Person } from "../people.js";
import { roles } from "../permissions.js";
import type { Role } from "../table.js";
import { Notice } from "./notice.js";

/**
 * Which form of the page came back refused: the invitation form (its values kept), a person's
 * role (the role chosen kept) or a person's state.
 */
export type PeopleRefusal =
  | { form: "invite"; email: string; role: string; errors: Record<string, string> }
  | { form: "person"; id: number; role?: string; errors: Record<string, string> };

export interface PeopleState {
  selfId: number;
  people: readonly Person[];
  invitations: readonly PendingInvitation[];
  require2fa: boolean;
  /** The link just made, shown once. */
  created?: { link: string; email: string; expiresAt: string } | undefined;
  notice?: string | undefined;
  refused?: PeopleRefusal | undefined;
  summary?: string | undefined;
}

function RoleOptions({ t, selected }: { t: Messages; selected: string }) {
  return (
    <>
      {roles.map((r) => (
        <option value={r} selected={r === selected}>
          {t.newsroom.roleNames[r]}
        </option>
      ))}
    </>
  );
}

function PersonRow({
  t,
  fmt,
  person,
  self,
  refused,
}: {
  t: Messages;
  fmt: Formatter;
  person: Person;
  self: boolean;
  refused: (PeopleRefusal & { form: "person" }) | undefined;
}) {
  const roleId = `role-${person.id}`;
  const error = refused?.errors.role ?? refused?.errors.person;
  return (
    <tr id={`person-${person.id}`}>
      <th scope="row">
        {person.name} {self ? t.newsroom.you : null}
      </th>
      <td>{person.email}</td>
      <td>
        <form method="post" action={paths.admin.personRole(person.id)} class="inline-form">
          <select
            id={roleId}
            name="role"
            aria-label={t.newsroom.peoplePage.roleOf(person.name)}
            {...describedBy(roleId, error)}
          >
            <RoleOptions t={t} selected={refused?.role ?? person.role} />
          </select>{" "}
          <button type="submit" class="secondary">
            {t.newsroom.peoplePage.changeRole}
          </button>
          {error ? (
            <span class="field-error" id={`${roleId}-error`}>
              {error}
            </span>
          ) : null}
        </form>
      </td>
      <td>
        {person.lastSignInAt ? fmt.dateTime(person.lastSignInAt) : t.newsroom.peoplePage.never}
        <form method="post" action={paths.admin.personSignOut(person.id)}>
          <button
            type="submit"
            class="secondary"
            aria-label={t.newsroom.peoplePage.signOutOf(person.name)}
          >
            {t.newsroom.peoplePage.signOut}
          </button>
        </form>
      </td>
      <td>
        {person.hasSecondFactor ? t.newsroom.yes : t.newsroom.no}
        {person.hasSecondFactor ? (
          <form method="post" action={paths.admin.personResetSecondFactor(person.id)}>
            <button
              type="submit"
              class="secondary"
              aria-label={t.newsroom.peoplePage.reset2faOf(person.name)}
            >
              {t.newsroom.peoplePage.reset2fa}
            </button>
          </form>
        ) : null}
      </td>
      <td>
        {person.disabledAt ? t.newsroom.peoplePage.disabled : t.newsroom.peoplePage.active}
        <form
          method="post"
          action={
            person.disabledAt
              ? paths.admin.personEnable(person.id)
              : paths.admin.personDisable(person.id)
          }
        >
          <button
            type="submit"
            class="secondary"
            aria-label={
              person.disabledAt
                ? t.newsroom.peoplePage.enableOf(person.name)
                : t.newsroom.peoplePage.disableOf(person.name)
            }
          >
            {person.disabledAt ? t.newsroom.peoplePage.enable : t.newsroom.peoplePage.disable}
          </button>
        </form>
      </td>
    </tr>
  );
}

/** People (admins only): who has an account, their roles, invitations. */
export function PeopleView({ t, fmt, state }: { t: Messages; fmt: Formatter; state: PeopleState }) {
  const refused = state.refused;
  const invite =
    refused?.form === "invite"
      ? refused
      : { email: "", role: "author" as Role | string, errors: {} as Record<string, string> };
  return (
    <>
      <h1>{t.newsroom.peoplePage.title}</h1>
      <Notice text={state.notice} />
      {refused?.form === "person" ? <FormErrors summary={state.summary} /> : null}
      {state.created ? (
        <div class="notice invitation-link" role="status">
          <p>
            <label for="invitation-link">{t.newsroom.peoplePage.inviteLink}</label>
          </p>
          <input
            id="invitation-link"
            type="text"
            readonly
            value={state.created.link}
            aria-describedby="invitation-link-note"
          />
          <p id="invitation-link-note">
            {t.newsroom.peoplePage.inviteLinkNote(
              state.created.email,
              fmt.dateTime(state.created.expiresAt),
            )}
          </p>
        </div>
      ) : null}
      <table class="data-table">
        <thead>
          <tr>
            <th scope="col">{t.newsroom.peoplePage.name}</th>
            <th scope="col">{t.newsroom.peoplePage.email}</th>
            <th scope="col">{t.newsroom.peoplePage.role}</th>
            <th scope="col">{t.newsroom.peoplePage.lastSignIn}</th>
            <th scope="col">{t.newsroom.peoplePage.secondFactor}</th>
            <th scope="col">{t.newsroom.peoplePage.state}</th>
          </tr>
        </thead>
        <tbody>
          {state.people.map((p) => (
            <PersonRow
              t={t}
              fmt={fmt}
              person={p}
              self={p.id === state.selfId}
              refused={refused?.form === "person" && refused.id === p.id ? refused : undefined}
            />
          ))}
        </tbody>
      </table>

      <section aria-labelledby="invite-title" class="narrow">
        <h2 id="invite-title">{t.newsroom.peoplePage.invite}</h2>
        <form method="post" action={paths.admin.invitations} novalidate>
          <FormErrors summary={refused?.form === "invite" ? state.summary : undefined} />
          <p>{t.newsroom.peoplePage.inviteNote}</p>
          <Field
            id="invite-email"
            label={t.newsroom.peoplePage.inviteEmail}
            required
            error={invite.errors.email}
          >
            <input
              id="invite-email"
              name="email"
              type="email"
              autocomplete="off"
              value={invite.email}
              maxLength={254}
              required
              {...describedBy("invite-email", invite.errors.email)}
            />
          </Field>
          <Field
            id="invite-role"
            label={t.newsroom.peoplePage.inviteRole}
            required
            error={invite.errors.role}
          >
            <select
              id="invite-role"
              name="role"
              {...describedBy("invite-role", invite.errors.role)}
            >
              <RoleOptions t={t} selected={invite.role} />
            </select>
          </Field>
          <p class="form-submit">
            <button type="submit">{t.newsroom.peoplePage.inviteSubmit}</button>
          </p>
        </form>
      </section>

      <section aria-labelledby="pending-title">
        <h2 id="pending-title">{t.newsroom.peoplePage.pending}</h2>
        {state.invitations.length === 0 ? (
          <p>{t.newsroom.peoplePage.noPending}</p>
        ) : (
          <table class="data-table">
            <thead>
              <tr>
                <th scope="col">{t.newsroom.peoplePage.email}</th>
                <th scope="col">{t.newsroom.peoplePage.role}</th>
                <th scope="col">{t.newsroom.peoplePage.expires}</th>
                <td />
              </tr>
            </thead>
            <tbody>
              {state.invitations.map((i) => (
                <tr>
                  <th scope="row">{i.email}</th>
                  <td>{t.newsroom.roleNames[i.role]}</td>
                  <td>{fmt.dateTime(i.expiresAt)}</td>
                  <td>
                    <form method="post" action={paths.admin.revokeInvitation(i.id)}>
                      <button
                        type="submit"
                        class="secondary"
                        aria-label={t.newsroom.peoplePage.revokeOf(i.email)}
                      >
                        {t.newsroom.peoplePage.revoke}
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="require-title">
        <h2 id="require-title">{t.newsroom.peoplePage.secondFactor}</h2>
        <form method="post" action={paths.admin.requireSecondFactor}>
          <p class="field field-checkbox">
            <input
              id="require2fa"
              name="require2fa"
              type="checkbox"
              value="1"
              checked={state.require2fa}
              aria-describedby="require2fa-hint"
            />{" "}
            <label for="require2fa">{t.newsroom.peoplePage.require2fa}</label>
            <span class="field-hint" id="require2fa-hint">
              {t.newsroom.peoplePage.require2faNote}
            </span>
          </p>
          <p class="form-submit">
            <button type="submit">{t.newsroom.peoplePage.require2faSave}</button>
          </p>
        </form>
      </section>

      <section aria-labelledby="roles-title">
        <h2 id="roles-title">{t.newsroom.peoplePage.roles}</h2>
        <dl class="roles">
          {roles.map((r) => (
            <>
              <dt>{t.newsroom.roleNames[r]}</dt>
              <dd>{t.newsroom.peoplePage.roleRights[r]}</dd>
            </>
          ))}
        </dl>
      </section>
    </>
  );
}
