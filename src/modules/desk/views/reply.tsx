import type { Messages } from "../../../web/i18n/index.js";
import { describedBy, Field, FormErrors } from "../../../web/components/field.js";
import { paths } from "../../../web/urls.js";

export interface ReplyState {
  parent: { id: number; authorName: string; body: string };
  staffName: string;
  body: string;
  back: string;
  errors: Record<string, string>;
  summary?: string | undefined;
}

/** Answering a comment for the newsroom, on a page of its own (without JavaScript, or refused). */
export function ReplyView({ t, state }: { t: Messages; state: ReplyState }) {
  const error = state.errors.body;
  return (
    <>
      <h1>{t.desk.replyTitle(state.parent.authorName)}</h1>
      <blockquote class="desk-quoted">
        {state.parent.body.split("\n").map((line, i) => (
          <>
            {i > 0 ? <br /> : null}
            {line}
          </>
        ))}
      </blockquote>
      <form method="post" action={paths.admin.deskReply(state.parent.id)} class="narrow" novalidate>
        <FormErrors summary={state.summary} />
        <input type="hidden" name="retour" value={state.back} />
        <Field
          id="reply-body"
          label={t.desk.replyLabel}
          required
          error={error}
          hint={t.desk.replyNote(state.staffName)}
        >
          <textarea
            id="reply-body"
            name="body"
            rows={8}
            required
            {...describedBy("reply-body", error, true)}
          >
            {state.body}
          </textarea>
        </Field>
        <p class="form-submit">
          <button type="submit">{t.desk.replySubmit}</button>{" "}
          <a href={state.back}>{t.desk.cancel}</a>
        </p>
      </form>
    </>
  );
}
