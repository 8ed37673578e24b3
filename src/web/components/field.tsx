import type { ComponentChildren } from "preact";

/**
 * One labelled field of a form, with its message when the form came back refused. The control
 * (`children`) carries `id` and, when in error, `aria-invalid` and `aria-describedby` from
 * `describedBy(id, error)`.
 */
export function Field({
  id,
  label,
  required,
  error,
  hint,
  children,
}: {
  id: string;
  label: string;
  required?: boolean;
  error: string | undefined;
  hint?: string;
  children: ComponentChildren;
}) {
  return (
    <p class={error ? "field field-invalid" : "field"}>
      <label for={id}>
        {label}
        {required ? (
          <>
            {" "}
            <span class="required" aria-hidden="true">
              *
            </span>
          </>
        ) : null}
      </label>
      {hint ? (
        <span class="field-hint" id={`${id}-hint`}>
          {hint}
        </span>
      ) : null}
      {children}
      {error ? (
        <span class="field-error" id={`${id}-error`}>
          {error}
        </span>
      ) : null}
    </p>
  );
}

/** The attributes that tie a control to its message (and hint). */
export function describedBy(
  id: string,
  error: string | undefined,
  hint = false,
): { "aria-invalid"?: true; "aria-describedby"?: string } {
  const ids = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ");
  return {
    ...(error ? { "aria-invalid": true as const } : {}),
    ...(ids ? { "aria-describedby": ids } : {}),
  };
}

/**
 * The summary above a refused form: first in reading order, so a screen reader hears it first,
 * and where the focus lands when the page opens (autofocus, without JavaScript: the page is the
 * server's answer), so a keyboard starts from what to correct.
 * `unseen` are the messages of problems on what the form does not show (a hidden input, a
 * button): no field can carry them, so the summary says them, or the person would be told that
 * something is wrong and never what.
 */
export function FormErrors({
  summary,
  unseen = [],
}: {
  summary: string | undefined;
  unseen?: readonly (string | undefined)[];
}) {
  if (!summary) return null;
  const messages = unseen.filter((m): m is string => !!m);
  return messages.length === 0 ? (
    <p class="form-errors" role="alert" tabindex={-1} autofocus>
      {summary}
    </p>
  ) : (
    <div class="form-errors error-summary" role="alert" tabindex={-1} autofocus>
      <p>{summary}</p>
      <ul>
        {messages.map((m) => (
          <li>{m}</li>
        ))}
      </ul>
    </div>
  );
}
