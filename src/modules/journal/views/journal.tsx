import { describedBy, Field, FormErrors } from "../../../web/components/field.js";
import type { Formatter } from "../../../web/i18n/format.js";
import type { Messages } from "../../../web/i18n/index.js";
import { paths } from "../../../web/urls.js";
import { auditActions } from "../../audit/index.js";
import type { JournalPage } from "../service.js";

export interface JournalState {
  journal: JournalPage;
  people: readonly { id: number; name: string }[];
  filters: { person: string; action: string; from: string; to: string };
  /** The journal's address for another page, with the same filters. */
  pageHref: (page: number) => string;
  errors: Record<string, string>;
  summary?: string | undefined;
}

/** An action in words, or its raw name when the journal does not know it. */
function actionWords(t: Messages, action: string): string {
  const words: Record<string, string> = t.desk.journal.actions;
  return words[action] ?? action;
}

function targetWords(t: Messages, type: string, id: string | null): string {
  const targets: Record<string, (id: string) => string> = t.desk.journal.targets;
  const whole: Record<string, string> = t.desk.journal.wholeTargets;
  const words = targets[type];
  if (id === null) return whole[type] ?? type;
  return words ? words(id) : `${type} ${id}`;
}

/**
 * A value as the journal says it, in the newsroom's language where it is one of the site's own
 * words (a comment's status, a role, yes or no); anything else as it was written.
 */
function shown(t: Messages, v: unknown): string {
  if (typeof v === "boolean") return v ? t.desk.journal.yes : t.desk.journal.no;
  if (typeof v !== "string") return JSON.stringify(v);
  const statuses: Record<string, string> = t.desk.statusOne;
  const roles: Record<string, string> = t.newsroom.roleNames;
  return statuses[v] ?? roles[v] ?? v;
}

/**
 * Details as "key: value" pairs, as text: whatever a module wrote, nothing runs. A change
 * (`{ from, to }`, as settings, roles and moderation record it) reads "old → new", first; a
 * secret's, "changed". Keys the newsroom's language names are said in it.
 */
function detailsWords(t: Messages, details: Record<string, unknown>): string {
  const { from, to, ...rest } = details;
  const change = "from" in details && "to" in details;
  const others = Object.entries(change ? rest : details).map(([k, v]) => {
    const key = t.desk.journal.detailKeys[k] ?? k;
    if (typeof v === "object" && v !== null) {
      if ("changed" in v) return `${key}: ${t.desk.journal.secretChanged}`;
      if ("from" in v && "to" in v) return `${key}: ${shown(t, v.from)} → ${shown(t, v.to)}`;
    }
    return `${key}: ${shown(t, v)}`;
  });
  return [...(change ? [`${shown(t, from)} → ${shown(t, to)}`] : []), ...others].join(" · ");
}

/** The journal of staff actions (admins): filters, then the actions, newest first. */
export function JournalView({
  t,
  fmt,
  state,
}: {
  t: Messages;
  fmt: Formatter;
  state: JournalState;
}) {
  const { journal, filters, errors } = state;
  const who = (id: number) =>
    id === 0
      ? t.desk.operator
      : (state.people.find((p) => p.id === id)?.name ?? t.desk.someone(String(id)));
  return (
    <>
      <h1>{t.desk.journal.title}</h1>
      <p>{t.desk.journal.intro}</p>
      <form method="get" action={paths.admin.journal} class="journal-filters" novalidate>
        <FormErrors summary={state.summary} />
        <fieldset>
          <legend>{t.desk.journal.filters}</legend>
          <Field id="journal-person" label={t.desk.journal.person} error={errors.person}>
            <select
              id="journal-person"
              name="personne"
              {...describedBy("journal-person", errors.person)}
            >
              <option value="">{t.desk.journal.anyone}</option>
              <option value="0" selected={filters.person === "0"}>
                {t.desk.operator}
              </option>
              {state.people.map((p) => (
                <option value={String(p.id)} selected={filters.person === String(p.id)}>
                  {p.name}
                </option>
              ))}
            </select>
          </Field>
          <Field id="journal-action" label={t.desk.journal.action} error={undefined}>
            <select id="journal-action" name="action">
              <option value="">{t.desk.journal.anyAction}</option>
              {auditActions.map((a) => (
                <option value={a} selected={filters.action === a}>
                  {actionWords(t, a)}
                </option>
              ))}
            </select>
          </Field>
          <Field id="journal-from" label={t.desk.journal.from} error={errors.from}>
            <input
              id="journal-from"
              name="du"
              type="date"
              value={filters.from}
              {...describedBy("journal-from", errors.from)}
            />
          </Field>
          <Field id="journal-to" label={t.desk.journal.to} error={errors.to}>
            <input
              id="journal-to"
              name="au"
              type="date"
              value={filters.to}
              {...describedBy("journal-to", errors.to)}
            />
          </Field>
          <p class="form-submit">
            <button type="submit">{t.desk.journal.apply}</button>{" "}
            <a href={paths.admin.journal}>{t.desk.journal.reset}</a>
          </p>
        </fieldset>
      </form>
      {journal.entries.length === 0 ? (
        <p>{t.desk.journal.none}</p>
      ) : (
        <table class="data-table journal">
          <thead>
            <tr>
              <th scope="col">{t.desk.journal.when}</th>
              <th scope="col">{t.desk.journal.who}</th>
              <th scope="col">{t.desk.journal.what}</th>
              <th scope="col">{t.desk.journal.on}</th>
              <th scope="col">{t.desk.journal.details}</th>
            </tr>
          </thead>
          <tbody>
            {journal.entries.map((e) => (
              <tr>
                <td>
                  <time datetime={e.at}>{fmt.dateTime(e.at)}</time>
                </td>
                <td>{who(e.actorId)}</td>
                <td>{actionWords(t, e.action)}</td>
                <td>{targetWords(t, e.targetType, e.targetId)}</td>
                <td>{detailsWords(t, e.details)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {journal.page > 1 || journal.hasNext ? (
        <nav class="pagination" aria-label={t.pagination}>
          {journal.page > 1 ? (
            <a rel="prev" href={state.pageHref(journal.page - 1)}>
              ← {t.desk.previousPage}
            </a>
          ) : null}
          <span aria-current="page">{t.desk.pageOf(journal.page)}</span>
          {journal.hasNext ? (
            <a rel="next" href={state.pageHref(journal.page + 1)}>
              {t.desk.nextPage} →
            </a>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}
