import type { VNode } from "preact";
import { render } from "preact-render-to-string";
import { describedBy, Field } from "../../../web/components/field.js";
import { keptMarkup, slotted } from "../../../web/html.js";
import type { Site } from "../../../web/site.js";
import { gifFormIds, type GifPickerWords } from "../../../web/gif-picker-contract.js";
import { anchors } from "../../../web/urls.js";
import { emptyCommentForm, type CommentFormValues } from "../validation.js";

export interface CommentFormState {
  action: string;
  values: CommentFormValues;
  /** Field → message, in the site's language. */
  errors: Readonly<Record<string, string>>;
  /** Signed time the form was served, for the fill-time rule. */
  stamp: string;
  /** The comment being replied to, when the reader chose "Répondre" (no-JS path). */
  replyTo?: { id: number; name: string };
  cancelReplyHref: string;
  /** The GIF picker island's URL, when readers may attach a GIF (a provider and its key are set). */
  gifPicker?: string | undefined;
}

/**
 * The GIF button and the picked GIF's id. The button is hidden until the comment island shows it
 * (it loads the picker only when pressed): without JavaScript the form is the form it always was.
 */
function GifField({ site, state }: { site: Site; state: CommentFormState }) {
  const { t } = site;
  const words: GifPickerWords = {
    title: t.gifs.title,
    search: t.gifs.search,
    close: t.gifs.close,
    trending: t.gifs.trending,
    none: t.gifs.none,
    unavailable: t.gifs.unavailable,
    chosen: t.gifs.chosen,
    remove: t.gifs.remove,
    loading: t.gifs.loading,
    more: t.gifs.more,
    poweredBy: t.gifs.poweredBy,
    alt: t.gifs.alt,
  };
  return (
    <div class="gif-field" id={gifFormIds.field}>
      <input type="hidden" name="gif" id={gifFormIds.input} value={state.values.gif} />
      <button
        type="button"
        id={gifFormIds.button}
        class="gif-button secondary"
        aria-haspopup="dialog"
        aria-label={t.gifs.buttonLabel}
        data-island={state.gifPicker}
        data-words={JSON.stringify(words)}
        hidden
      >
        {t.gifs.button}
      </button>
      <div id={gifFormIds.chosen} class="gif-chosen" hidden />
    </div>
  );
}

interface CommentFormProps {
  site: Site;
  state: CommentFormState;
  /** False where the page shows the summary itself, above everything (the refused form's page). */
  summary?: boolean;
}

/**
 * The comment form. `novalidate`: the server checks every field and answers in the site's
 * language, one message per field, where the browser would answer in its own. No `maxlength`,
 * which would cut a pasted text without a word.
 */
export function CommentForm(props: CommentFormProps): VNode {
  return blankForm(props) ?? <FullCommentForm {...props} />;
}

/** What a blank form differs by from one page to another: filled in its kept markup. */
const BLANK_SLOTS = ["action", "stamp", "cancelReplyHref"] as const;
type BlankSlot = (typeof BLANK_SLOTS)[number];
type BlankForm = (values: Readonly<Record<BlankSlot, string>>) => string;

/** A site's blank forms, per GIF picker (or none). Dropped with the site. */
const blankForms = new WeakMap<Site, Map<string, BlankForm>>();

/**
 * The form every article page shows, blank (no values, no errors, not a reply): rendered once per
 * site (web/html.ts `slotted`), then each page's action, stamp and link put in. A render of the
 * whole form was ~40 µs of a cold article; this, a few. Any other state is rendered in full.
 */
function blankForm({ site, state, summary = true }: CommentFormProps): VNode | undefined {
  const blank =
    summary &&
    state.replyTo === undefined &&
    Object.keys(state.errors).length === 0 &&
    (Object.keys(emptyCommentForm) as (keyof CommentFormValues)[]).every(
      (k) => state.values[k] === emptyCommentForm[k],
    ) &&
    // Preact writes an empty attribute as a bare name: a slot is never left empty.
    BLANK_SLOTS.every((slot) => state[slot] !== "");
  if (!blank) return undefined;
  let forms = blankForms.get(site);
  if (!forms) blankForms.set(site, (forms = new Map()));
  const picker = state.gifPicker ?? "";
  let form = forms.get(picker);
  if (!form) {
    form = slotted(BLANK_SLOTS, (tokens) =>
      render(<FullCommentForm site={site} state={{ ...state, ...tokens }} />),
    );
    forms.set(picker, form);
  }
  return keptMarkup(form(state));
}

/** The form rendered in full, whatever its state (the blank form's reference). */
export function FullCommentForm({ site, state, summary = true }: CommentFormProps) {
  const { t } = site;
  const { values, errors } = state;
  const count = Object.keys(errors).length;
  const described = (id: string) => describedBy(id, errors[id]);
  return (
    <section id={anchors.respond} class="comment-respond">
      <h2
        id="reply-title"
        class="comment-reply-title"
        data-leave={t.comments.leave}
        data-reply={t.comments.replyTo("{name}")}
      >
        <span id="reply-title-text">
          {state.replyTo ? t.comments.replyTo(state.replyTo.name) : t.comments.leave}
        </span>{" "}
        <a
          id="cancel-reply"
          class="cancel-reply"
          href={state.cancelReplyHref}
          hidden={state.replyTo ? undefined : true}
        >
          {t.comments.cancelReply}
        </a>
      </h2>
      <form
        method="post"
        action={state.action}
        class="comment-form"
        id="comment-form"
        novalidate
        data-offline={t.comments.offline}
        data-too-large={t.comments.tooLarge}
        data-one-error={t.formErrors(1)}
      >
        {!summary ? null : count > 0 ? (
          <div class="form-errors" role="alert" id="form-errors" tabindex={-1}>
            {t.formErrors(count)}
          </div>
        ) : (
          <div class="form-errors" role="alert" id="form-errors" tabindex={-1} hidden />
        )}
        <p class="comment-notes">
          {t.comments.note} {t.comments.requiredNote}{" "}
          <span class="required" aria-hidden="true">
            *
          </span>
          <span class="visually-hidden">*</span>
        </p>
        <Field id="body" label={t.comments.body} required error={errors.body}>
          <textarea
            id="body"
            name="body"
            rows={8}
            required
            aria-required="true"
            {...described("body")}
          >
            {/* HTML drops one newline right after <textarea>: this one, not the reader's. */}
            {`\n${values.body}`}
          </textarea>
        </Field>
        {state.gifPicker ? <GifField site={site} state={state} /> : null}
        <Field id="name" label={t.comments.name} required error={errors.name}>
          <input
            id="name"
            name="name"
            type="text"
            autocomplete="name"
            required
            aria-required="true"
            value={values.name}
            {...described("name")}
          />
        </Field>
        <Field id="email" label={t.comments.email} required error={errors.email}>
          <input
            id="email"
            name="email"
            type="email"
            autocomplete="email"
            required
            aria-required="true"
            value={values.email}
            {...described("email")}
          />
        </Field>
        <Field id="website" label={t.comments.website} error={errors.website}>
          <input
            id="website"
            name="website"
            type="url"
            autocomplete="url"
            value={values.website}
            {...described("website")}
          />
        </Field>
        <p class="hp" aria-hidden="true">
          <label for="homepage">{t.comments.honeypot}</label>
          <input
            id="homepage"
            name="homepage"
            type="text"
            tabindex={-1}
            autocomplete="off"
            value=""
          />
        </p>
        <p class="field field-checkbox">
          <input
            id="remember"
            name="remember"
            type="checkbox"
            value="1"
            checked={values.remember}
          />
          <label for="remember">{t.comments.remember}</label>
        </p>
        <input type="hidden" name="parent" id="parent" value={values.parent} />
        <input type="hidden" name="stamp" value={state.stamp} />
        <p class="form-submit">
          <button type="submit" data-sending={t.comments.sending}>
            {t.comments.submit}
          </button>
        </p>
      </form>
    </section>
  );
}
