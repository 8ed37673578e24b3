import { describedBy, Field, FormErrors } from "../../../../web/components/field.js";
import type { Formatter } from "../../../../web/i18n/format.js";
import type { Messages } from "../../../../web/i18n/index.js";
import { paths } from "../../../../web/urls.js";
import { formNames, type FormValues } from "../../editing/fields.js";
import type { EditableArticle } from "../../editing/state.js";
import { ArticleFields, type FormChoices } from "./article-fields.js";

export interface EditPageState {
  /** Undefined: the new-article form. */
  article?: EditableArticle;
  /** The version the form was opened on (an autosave's, when restored from one). */
  baseVersion?: number;
  values: FormValues;
  errors: Readonly<Record<string, string>>;
  summary?: string;
  notice?: string;
  /** An unsaved form of this person's, newer than the article: offered back. */
  autosavedAt?: string;
  /** The unsaved version was typed on a version someone has saved over since. */
  autosaveOvertaken?: boolean;
  /** The schedule field's value (the site's wall-clock time). */
  publishAt: string;
  timeZone: string;
  canPublish: boolean;
  previewUrl?: string;
  /** The reader's page, when readers see the article. */
  readerUrl?: string;
}

/** The newsroom's article form: every field, and the buttons this person's role allows. */
export function ArticleEditView({
  t,
  fmt,
  state,
  choices,
}: {
  t: Messages;
  fmt: Formatter;
  state: EditPageState;
  choices: FormChoices;
}) {
  const a = state.article;
  const action = a ? paths.admin.article(a.id) : paths.admin.newArticle;
  return (
    <div class="article-editor">
      <h1>
        {a ? t.newsroom.writing.edit.title(a.fields.title) : t.newsroom.writing.edit.newTitle}
      </h1>
      {a ? <ArticleStatusLine t={t} fmt={fmt} state={state} article={a} /> : null}
      {state.notice ? (
        <p class="notice" role="status">
          {state.notice}
        </p>
      ) : null}
      {a && state.autosavedAt ? (
        <div class="notice autosave-found" role="status">
          <p>
            {t.newsroom.writing.autosave.found(fmt.dateTime(state.autosavedAt))}
            {state.autosaveOvertaken ? ` ${t.newsroom.writing.autosave.overtaken}` : null}
          </p>
          <form method="post" action={paths.admin.restoreAutosave(a.id)} class="inline">
            <button type="submit">{t.newsroom.writing.autosave.restore}</button>
          </form>{" "}
          <form method="post" action={paths.admin.discardAutosave(a.id)} class="inline">
            <button type="submit" class="secondary">
              {t.newsroom.writing.autosave.discard}
            </button>
          </form>
        </div>
      ) : null}
      {a ? (
        <p
          id="autosave-status"
          class="autosave-status"
          role="status"
          hidden
          data-saving={t.newsroom.writing.autosave.saving}
          data-saved={t.newsroom.writing.autosave.saved}
          data-failed={t.newsroom.writing.autosave.failed}
          data-local={t.newsroom.writing.autosave.local}
          data-local-overtaken={t.newsroom.writing.autosave.localOvertaken}
          data-restore={t.newsroom.writing.autosave.restore}
        />
      ) : null}
      <form
        id="article-form"
        method="post"
        action={action}
        novalidate
        {...(a
          ? {
              "data-autosave": paths.admin.autosave(a.id),
              "data-article": String(a.id),
              "data-version": String(state.baseVersion ?? a.version),
            }
          : {})}
      >
        <FormErrors
          summary={state.summary}
          unseen={[
            state.errors[formNames.version] && t.newsroom.writing.edit.staleForm,
            state.errors[formNames.action] && t.newsroom.writing.edit.unknownAction,
          ]}
        />
        {a ? (
          <input type="hidden" name="version" value={String(state.baseVersion ?? a.version)} />
        ) : null}
        <ArticleFields t={t} values={state.values} errors={state.errors} choices={choices} />
        <Actions t={t} state={state} />
      </form>
    </div>
  );
}

function ArticleStatusLine({
  t,
  fmt,
  state,
  article: a,
}: {
  t: Messages;
  fmt: Formatter;
  state: EditPageState;
  article: EditableArticle;
}) {
  return (
    <div class="article-meta">
      <p>
        {t.newsroom.writing.edit.status} :{" "}
        <strong class={`status status-${a.status}`}>
          {t.newsroom.writing.statusNames[a.status]}
        </strong>{" "}
        ({t.newsroom.writing.edit.version(a.version)})
        {a.status === "scheduled" && a.publishedAt
          ? ` · ${t.newsroom.writing.edit.scheduledFor(fmt.dateTime(a.publishedAt))}`
          : null}
        {a.status === "published" && a.publishedAt
          ? ` · ${t.newsroom.writing.edit.publishedOn(fmt.dateTime(a.publishedAt))}`
          : null}
      </p>
      <p>
        {state.readerUrl ? (
          <>
            <a href={state.readerUrl}>{t.newsroom.writing.edit.readerPage}</a>
            {" · "}
          </>
        ) : null}
        <a href={paths.admin.revisions(a.id)}>{t.newsroom.writing.edit.revisions}</a>
      </p>
      {state.previewUrl ? (
        <Field
          id="preview-link"
          label={t.newsroom.writing.edit.preview}
          error={undefined}
          hint={t.newsroom.writing.edit.previewHint}
        >
          <input
            id="preview-link"
            type="url"
            readonly
            value={state.previewUrl}
            {...describedBy("preview-link", undefined, true)}
          />
        </Field>
      ) : null}
    </div>
  );
}

/** The buttons: each is a submit of the whole form, so the fields are saved with the step. */
function Actions({ t, state }: { t: Messages; state: EditPageState }) {
  const a = state.article;
  const button = (value: string, label: string, secondary = false) => (
    <button
      type="submit"
      name="action"
      value={value}
      {...(secondary ? { class: "secondary" } : {})}
    >
      {label}
    </button>
  );
  if (!a) return <p class="form-submit">{button("save", t.newsroom.writing.actions.create)}</p>;
  const out = a.status === "published" || a.status === "scheduled";
  return (
    <fieldset class="actions">
      <legend>{t.newsroom.writing.actions.legend}</legend>
      <p class="form-submit">
        {button("save", t.newsroom.writing.actions.save)}{" "}
        {a.status === "draft" ? button("submit", t.newsroom.writing.actions.submit, true) : null}{" "}
        {state.canPublish && a.status !== "published"
          ? button("publish", t.newsroom.writing.actions.publish, true)
          : null}{" "}
        {state.canPublish && out
          ? button("unpublish", t.newsroom.writing.actions.unpublish, true)
          : null}
      </p>
      {state.canPublish ? (
        <div class="schedule">
          <Field
            id="publish_at"
            label={t.newsroom.writing.form.publishAt}
            error={state.errors.publish_at}
            hint={t.newsroom.writing.form.publishAtHint(state.timeZone)}
          >
            <input
              id="publish_at"
              name="publish_at"
              type="datetime-local"
              value={state.publishAt}
              {...describedBy("publish_at", state.errors.publish_at, true)}
            />
          </Field>
          {button("schedule", t.newsroom.writing.actions.schedule, true)}
        </div>
      ) : null}
    </fieldset>
  );
}
