import type { CommentStatus, Count, QueuePage } from "../../comments/index.js";
import { describedBy, FormErrors } from "../../../web/components/field.js";
import type { Formatter } from "../../../web/i18n/format.js";
import type { Messages } from "../../../web/i18n/index.js";
import { paths } from "../../../web/urls.js";
import { CommentCard, type CardContext } from "./comment-card.js";

export interface QueueState {
  status: CommentStatus;
  article: { id: number; title: string } | undefined;
  q: string;
  page: QueuePage;
  names: ReadonlyMap<number, string>;
  /** This page's own address: forms come back to it. */
  back: string;
  notice?: string | undefined;
  /** A refused search, bulk action or action on one comment (no JavaScript). */
  errors?: { q?: string; ids?: string; action?: string; comment?: { id: number; text: string } };
  summary?: string | undefined;
}

const ORDER: readonly CommentStatus[] = ["pending", "approved", "spam", "trash"];

export function countWords(t: Messages, fmt: Formatter, c: Count): string {
  return c.capped ? t.desk.countMore(fmt.number(c.n)) : fmt.number(c.n);
}

function Tabs({ t, fmt, state }: { t: Messages; fmt: Formatter; state: QueueState }) {
  return (
    <nav class="desk-tabs" aria-label={t.desk.queues}>
      <ul>
        {ORDER.map((s) => (
          <li>
            <a
              href={paths.admin.deskQueue({ status: s, article: state.article?.id, q: state.q })}
              aria-current={s === state.status ? "page" : undefined}
              data-status={s}
            >
              {t.desk.statuses[s]}{" "}
              <span
                class="desk-count"
                data-count={state.page.counts[s].capped ? undefined : state.page.counts[s].n}
              >
                {countWords(t, fmt, state.page.counts[s])}
              </span>
            </a>
          </li>
        ))}
        <li>
          <a href={paths.admin.bans}>{t.desk.bans.link}</a>
        </li>
      </ul>
    </nav>
  );
}

function Search({ t, state }: { t: Messages; state: QueueState }) {
  const error = state.errors?.q;
  return (
    <form class="desk-search" role="search" method="get" action={paths.admin.desk}>
      <input type="hidden" name="statut" value={state.status} />
      {state.article ? (
        <input type="hidden" name="article" value={String(state.article.id)} />
      ) : null}
      <p class={error ? "field field-invalid" : "field"}>
        <label for="desk-q">{t.desk.searchLabel}</label>
        <span class="field-hint" id="desk-q-hint">
          {t.desk.searchHint}
        </span>
        <span class="inline-form">
          <input
            id="desk-q"
            name="q"
            type="search"
            value={state.q}
            maxLength={200}
            {...describedBy("desk-q", error, true)}
          />
          <button type="submit">{t.desk.search}</button>
        </span>
        {error ? (
          <span class="field-error" id="desk-q-error">
            {error}
          </span>
        ) : null}
      </p>
    </form>
  );
}

function Shortcuts({ t }: { t: Messages }) {
  const keys: [string, string][] = [
    ["j", t.desk.keys.next],
    ["k", t.desk.keys.previous],
    ["a", t.desk.keys.approve],
    ["s", t.desk.keys.spam],
    ["t", t.desk.keys.trash],
    ["r", t.desk.keys.reply],
    ["x", t.desk.keys.select],
    [t.desk.escapeKey, t.desk.keys.escape],
  ];
  return (
    <details class="desk-shortcuts" id="desk-shortcuts">
      <summary>{t.desk.shortcuts}</summary>
      <p>{t.desk.shortcutsNote}</p>
      <dl>
        {keys.map(([key, what]) => (
          <>
            <dt>
              <kbd>{key}</kbd>
            </dt>
            <dd>{what}</dd>
          </>
        ))}
      </dl>
    </details>
  );
}

function Bulk({ t, fmt, state }: { t: Messages; fmt: Formatter; state: QueueState }) {
  const { page } = state;
  const error = state.errors?.ids ?? state.errors?.action;
  return (
    <form id="desk-bulk" class="desk-bulk" method="post" action={paths.admin.deskBulk}>
      <input type="hidden" name="retour" value={state.back} />
      <input type="hidden" name="statut" value={state.status} />
      {state.article ? (
        <input type="hidden" name="article" value={String(state.article.id)} />
      ) : null}
      {state.q ? <input type="hidden" name="q" value={state.q} /> : null}
      {page.newest ? (
        <input type="hidden" name="jusqua" id="desk-bulk-upto" value={String(page.newest.id)} />
      ) : null}
      <fieldset>
        <legend>{t.desk.bulk}</legend>
        <span class="inline-form">
          <label for="bulk-action">{t.desk.bulkAction}</label>
          <select id="bulk-action" name="action" {...describedBy("bulk-action", error)}>
            {(["approve", "spam", "trash", "restore"] as const).map((a) => (
              <option value={a}>{t.desk.actions[a]}</option>
            ))}
          </select>
          <button type="submit" name="portee" value="selection" class="secondary">
            {t.desk.bulkSelection}
          </button>
          <button
            type="submit"
            name="portee"
            value="queue"
            class="secondary"
            aria-describedby="bulk-queue-note"
          >
            {t.desk.bulkQueue(countWords(t, fmt, page.matching))}
          </button>
        </span>
        <span class="field-hint" id="bulk-queue-note">
          {t.desk.bulkQueueNote}
        </span>
        {error ? (
          <span class="field-error" id="bulk-action-error">
            {error}
          </span>
        ) : null}
      </fieldset>
    </form>
  );
}

/**
 * A queue of the moderation desk: the tabs with each queue's count, the search, the bulk form,
 * the comments (each with its own forms), the pages, and the keyboard shortcuts. The list carries
 * what the desk island needs (`data-*`): the pages before and after, its words for announcements.
 */
export function QueueView({ t, fmt, state }: { t: Messages; fmt: Formatter; state: QueueState }) {
  const { page } = state;
  const list = page.comments;
  const ctx: CardContext = {
    t,
    fmt,
    names: state.names,
    back: state.back,
    error: state.errors?.comment,
  };
  const at = (n: number) =>
    paths.admin.deskQueue({
      status: state.status,
      article: state.article?.id,
      q: state.q,
      page: n,
    });
  const previous = page.page > 1 ? at(page.page - 1) : undefined;
  const next = page.hasNext ? at(page.page + 1) : undefined;
  return (
    <>
      <h1>{t.desk.title}</h1>
      <FormErrors summary={state.summary} />
      {state.notice ? (
        <p class="notice" role="status">
          {state.notice}
        </p>
      ) : null}
      <Tabs t={t} fmt={fmt} state={state} />
      <Search t={t} state={state} />
      {state.article ? (
        <p class="desk-filter">
          {t.desk.article(state.article.title)} ·{" "}
          <a href={paths.admin.deskQueue({ status: state.status, q: state.q })}>
            {t.desk.allArticles}
          </a>
        </p>
      ) : null}
      {state.q ? (
        <p class="desk-filter">
          {t.desk.searching(state.q)} ·{" "}
          <a href={paths.admin.deskQueue({ status: state.status, article: state.article?.id })}>
            {t.desk.searchReset}
          </a>
        </p>
      ) : null}
      <p class="desk-matching" id="desk-matching">
        {t.desk.matching(fmt.number(page.matching.n), page.matching.n, page.matching.capped)}
      </p>
      <Shortcuts t={t} />
      {list.length > 0 || state.errors?.ids || state.errors?.action ? (
        <Bulk t={t} fmt={fmt} state={state} />
      ) : null}
      {list.length > 0 ? (
        <ol
          class="desk-list"
          id="desk-list"
          aria-label={t.desk.listLabel(t.desk.statusOne[state.status])}
          data-status={state.status}
          data-previous={previous}
          data-next={next}
          data-msg-position={t.desk.live.position("{n}", "{total}", "{name}")}
          data-msg-failed={t.desk.live.failed}
          data-msg-cleared={t.desk.live.cleared}
        >
          {list.map((c, i) => (
            <CommentCard ctx={ctx} comment={c} next={(list[i + 1] ?? list[i - 1])?.id} />
          ))}
        </ol>
      ) : (
        <p class="desk-empty">{state.status === "pending" ? t.desk.emptyPending : t.desk.empty}</p>
      )}
      {previous || next ? (
        <nav class="pagination" aria-label={t.pagination}>
          {previous ? (
            <a rel="prev" href={previous}>
              ← {t.desk.previousPage}
            </a>
          ) : null}
          <span aria-current="page">{t.desk.pageOf(page.page)}</span>
          {next ? (
            <a rel="next" href={next}>
              {t.desk.nextPage} →
            </a>
          ) : null}
        </nav>
      ) : null}
      <p id="desk-live" class="visually-hidden" role="status" aria-live="polite" />
    </>
  );
}
