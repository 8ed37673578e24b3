import type { EditorLabels } from "../editor-labels.js";

export type { EditorLabels };

export interface RichTextFieldProps {
  id: string;
  name: string;
  label: string;
  /** The article's HTML as stored (already through the allowlist). */
  value: string;
  labels: EditorLabels;
  /** The field's problem, in the site's language. */
  error?: string;
  /** Ids of other elements that describe the field (a hint), read before the error. */
  describedBy?: string;
}

/**
 * A field for an article's body. Without JavaScript it is a textarea of HTML, posted as is; the
 * editor island (web/islands/editor/) finds `data-editor="rich"`, hides it and edits its HTML in
 * place, with the words of `data-labels`. Its label names the editing area too; `${id}-label`
 * and `${id}-error` are the ids the island and the form page point at.
 */
export function RichTextField(props: RichTextFieldProps) {
  const { id, name, label, value, labels, error, describedBy } = props;
  const errorId = `${id}-error`;
  const described = [describedBy, error ? errorId : undefined].filter(Boolean).join(" ");
  return (
    <div class={error ? "field field-rich field-invalid" : "field field-rich"}>
      <label id={`${id}-label`} for={id}>
        {label}
      </label>
      <textarea
        id={id}
        name={name}
        rows={20}
        data-editor="rich"
        data-labels={JSON.stringify(labels)}
        aria-describedby={described || undefined}
        aria-invalid={error ? "true" : undefined}
      >
        {/* HTML drops one newline right after <textarea>: this one, not the article's. */}
        {`\n${value}`}
      </textarea>
      {error ? (
        <span class="field-error" id={errorId}>
          {error}
        </span>
      ) : null}
    </div>
  );
}
