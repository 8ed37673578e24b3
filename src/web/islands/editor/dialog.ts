/**
 * A small modal form (the native <dialog>: focus moves in and is kept there, Escape closes it,
 * the page behind is inert) asking for a few fields. Each field has a visible label, its hint and
 * its problem tied with aria-describedby. It lives under <body>, outside the article's form, so
 * that submitting it never submits the article.
 */

export interface DialogField {
  name: string;
  label: string;
  hint?: string;
  value?: string;
  type?: "text" | "url";
  /** The problem with a value, in the site's language, or undefined when it is fine. */
  check?: (value: string) => string | undefined;
}

export interface DialogOptions {
  title: string;
  submit: string;
  cancel: string;
  fields: DialogField[];
}

let dialogs = 0;

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const el = Object.assign(document.createElement(tag), props);
  el.append(...children);
  return el;
}

/** Resolves with the values (trimmed) once every field passes its check, or undefined on cancel. */
export function askInDialog(options: DialogOptions): Promise<Record<string, string> | undefined> {
  const id = `rich-dialog-${++dialogs}`;
  const title = element("h2", { id: `${id}-title`, className: "rich-dialog-title" }, options.title);
  const form = element("form", { noValidate: true, method: "dialog" }, title);
  const inputs = options.fields.map((field) => {
    const inputId = `${id}-${field.name}`;
    const input = element("input", {
      id: inputId,
      name: field.name,
      type: field.type ?? "text",
      value: field.value ?? "",
      autocomplete: "off",
    });
    const hint = field.hint
      ? element("span", { id: `${inputId}-hint`, className: "field-hint" }, field.hint)
      : undefined;
    const problem = element("span", {
      id: `${inputId}-error`,
      className: "field-error",
      hidden: true,
    });
    const row = element(
      "p",
      { className: "field" },
      element("label", { htmlFor: inputId }, field.label),
      input,
    );
    if (hint) {
      row.append(hint);
      input.setAttribute("aria-describedby", hint.id);
    }
    row.append(problem);
    form.append(row);
    return { field, input, hint, problem, row };
  });
  const cancel = element(
    "button",
    { type: "button", className: "rich-dialog-cancel" },
    options.cancel,
  );
  const submit = element(
    "button",
    { type: "submit", className: "rich-dialog-submit" },
    options.submit,
  );
  form.append(element("div", { className: "rich-dialog-actions" }, submit, cancel));
  const dialog = element("dialog", { className: "rich-dialog" }, form);
  dialog.setAttribute("aria-labelledby", title.id);
  document.body.append(dialog);

  /** Shows each field's problem; true when there is none. */
  const validate = (): boolean => {
    let first: HTMLInputElement | undefined;
    for (const { field, input, hint, problem, row } of inputs) {
      const message = field.check?.(input.value.trim());
      problem.textContent = message ?? "";
      problem.hidden = message === undefined;
      row.classList.toggle("field-invalid", message !== undefined);
      const described = [hint?.id, message ? problem.id : undefined].filter(Boolean).join(" ");
      if (described) input.setAttribute("aria-describedby", described);
      else input.removeAttribute("aria-describedby");
      if (message) input.setAttribute("aria-invalid", "true");
      else input.removeAttribute("aria-invalid");
      if (message && !first) first = input;
    }
    first?.focus();
    return first === undefined;
  };
  return new Promise((resolve) => {
    let values: Record<string, string> | undefined;
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      if (!validate()) return;
      values = Object.fromEntries(
        inputs.map(({ field, input }) => [field.name, input.value.trim()]),
      );
      dialog.close();
    });
    cancel.addEventListener("click", () => dialog.close());
    dialog.addEventListener("close", () => {
      dialog.remove();
      resolve(values);
    });
    dialog.showModal();
  });
}
