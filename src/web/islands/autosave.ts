/**
 * The article form's autosave, on the newsroom's edit page only. Two seconds after the last
 * keystroke it posts the form as typed to the server (kept for this person, not saved to the
 * article), and keeps a copy in this browser: a closed tab, a crash or a lost connection loses
 * at most those seconds. A copy left here that is newer than the page is offered back. Plain
 * DOM code; the form works without it (the server offers its own copy back without JavaScript).
 */

/** Quiet time after the last change before the form is sent. */
const DELAY_MS = 2_000;

interface LocalCopy {
  /** The version the form was opened on: a copy from before a later save is stale. */
  version: string;
  at: number;
  values: [string, string][];
}

/** The form's fields as the browser would post them, files aside. */
export function formEntries(form: HTMLFormElement): [string, string][] {
  const out: [string, string][] = [];
  new FormData(form).forEach((value, key) => {
    if (typeof value === "string") out.push([key, value]);
  });
  return out;
}

/** Puts entries back into the form's fields (a multiple select gets every value back). */
export function fillForm(form: HTMLFormElement, entries: readonly [string, string][]): void {
  const byName = new Map<string, string[]>();
  for (const [k, v] of entries) byName.set(k, [...(byName.get(k) ?? []), v]);
  for (const [name, values] of byName) {
    if (name === "version" || name === "action") continue;
    const field = form.elements.namedItem(name);
    if (field instanceof HTMLSelectElement)
      for (const o of Array.from(field.options)) o.selected = values.includes(o.value);
    else if (field instanceof HTMLInputElement && field.type === "checkbox")
      field.checked = values.length > 0;
    else if (field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement)
      field.value = values[0] ?? "";
  }
  // Unchecked boxes are not posted: absent from the copy means unticked.
  for (const el of Array.from(form.elements))
    if (el instanceof HTMLInputElement && el.type === "checkbox" && !byName.has(el.name))
      el.checked = false;
}

function start(): void {
  const form = document.querySelector<HTMLFormElement>("form#article-form[data-autosave]");
  const status = document.getElementById("autosave-status");
  if (!form || !status) return;
  const url = form.dataset.autosave ?? "";
  const version = form.dataset.version ?? "";
  const key = `kiosque:autosave:${form.dataset.article ?? ""}`;
  const say = (text: string | undefined) => {
    status.hidden = !text;
    status.textContent = text ?? "";
  };

  let local: LocalCopy | undefined;
  try {
    local = JSON.parse(localStorage.getItem(key) ?? "null") as LocalCopy | undefined;
  } catch {
    local = undefined;
  }
  const typed = (entries: readonly [string, string][]) =>
    JSON.stringify(entries.filter(([name]) => name !== "version" && name !== "action"));
  const unsaved = local && typed(local.values) !== typed(formEntries(form)) ? local : undefined;
  // The server's own copy, when it offers one, comes first: one offer at a time.
  const offered = document.querySelector(".autosave-found") !== null;
  if (!offered && unsaved) {
    // Offered, never forced. A copy typed on an older version (a colleague saved since) is
    // typing nobody saved: put back on its own version, a save of it meets the conflict page,
    // which shows both texts and loses neither.
    const overtaken = unsaved.version !== version;
    say(overtaken ? status.dataset.localOvertaken : status.dataset.local);
    const restore = document.createElement("button");
    restore.type = "button";
    restore.textContent = status.dataset.restore ?? "";
    restore.addEventListener("click", () => {
      fillForm(form, unsaved.values);
      const base = form.elements.namedItem("version");
      if (overtaken && base instanceof HTMLInputElement) base.value = unsaved.version;
      say(undefined);
    });
    status.append(" ", restore);
  } else if (local && !unsaved) localStorage.removeItem(key);

  let timer: ReturnType<typeof setTimeout> | undefined;
  const send = async () => {
    const entries = formEntries(form);
    try {
      // The version the typing is on: the page's, or an older one a restored copy put back.
      const on = entries.find(([name]) => name === "version")?.[1] ?? version;
      localStorage.setItem(key, JSON.stringify({ version: on, at: Date.now(), values: entries }));
    } catch {
      // A full or forbidden storage: the server's copy still counts.
    }
    say(status.dataset.saving);
    try {
      const res = await fetch(url, {
        method: "POST",
        credentials: "same-origin",
        headers: { accept: "application/json" },
        body: new URLSearchParams(entries),
      });
      say(res.ok ? status.dataset.saved : status.dataset.failed);
    } catch {
      say(status.dataset.failed);
    }
  };
  const changed = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void send(), DELAY_MS);
  };
  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  // A real save: what it sends is the article's now; the local copy would only offer it back.
  form.addEventListener("submit", () => {
    clearTimeout(timer);
    localStorage.removeItem(key);
  });
}

start();
