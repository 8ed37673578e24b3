/**
 * The media picker: a newsroom page's `[data-media-picker]` buttons (web/components/
 * media-picker-button.tsx) open the media library in a `<dialog>`: search, pages, an upload form,
 * then the chosen image's words. The image goes into a rich-text field (the editor's
 * `kiosque:insert-image` event on its textarea) or fills the featured-image inputs. No framework:
 * a few DOM calls, loaded on the pages that have such a button only.
 */
import {
  pickerAttributes as A,
  type LibraryAnswer,
  type MediaPickerLabels,
  type PickerItem,
  type UploadAnswer,
} from "../media-picker-contract.js";

/** The editor island's event (web/islands/editor/mount.ts), not imported: it would bring Tiptap. */
const INSERT_IMAGE_EVENT = "kiosque:insert-image";

type Child = Node | string | null | false;

/** An element with attributes (false leaves one out) and children. */
function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | boolean> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs))
    if (value !== false) node.setAttribute(name, value === true ? "" : value);
  for (const child of children) if (child) node.append(child);
  return node;
}

/** A labelled field of the dialog, with room for its message. */
function field(id: string, name: string, label: string, options: { type?: string; hint?: string }) {
  const control =
    options.type === "textarea"
      ? h("textarea", { id, name, rows: "2" })
      : h("input", { id, name, type: options.type ?? "text" });
  const error = h("span", { class: "field-error", id: `${id}-error`, hidden: true });
  const hint = options.hint
    ? h("span", { class: "field-hint", id: `${id}-hint` }, options.hint)
    : undefined;
  if (hint) control.setAttribute("aria-describedby", hint.id);
  const wrap = h(
    "p",
    { class: "field" },
    h("label", { for: id }, label),
    hint ?? null,
    control,
    error,
  );
  return { wrap, control, error, hint };
}
type Field = ReturnType<typeof field>;

function showError(f: Field, message: string | undefined) {
  f.error.textContent = message ?? "";
  f.error.hidden = !message;
  f.wrap.classList.toggle("field-invalid", Boolean(message));
  const ids = [f.hint?.id, message ? f.error.id : ""].filter(Boolean).join(" ");
  if (ids) f.control.setAttribute("aria-describedby", ids);
  else f.control.removeAttribute("aria-describedby");
  if (message) f.control.setAttribute("aria-invalid", "true");
  else f.control.removeAttribute("aria-invalid");
}

const TEXTS = ["alt", "caption", "credit"] as const;

/** The words an image goes with, as the details step holds them. */
type Words = Record<(typeof TEXTS)[number], string>;

/** Fills an input of the page (by id) and tells its form, as typing would. */
function fill(id: string | null, value: string) {
  const input = id ? document.getElementById(id) : null;
  if (!(input instanceof HTMLInputElement || input instanceof HTMLTextAreaElement)) return;
  input.value = value;
  input.dispatchEvent(new Event("input", { bubbles: true }));
  input.dispatchEvent(new Event("change", { bubbles: true }));
}

/** The editor's figure, written into the textarea itself when the editor is not there. */
function figureHtml(item: PickerItem, words: Words): string {
  const img = h("img", {
    src: item.src,
    alt: words.alt,
    width: String(item.width),
    height: String(item.height),
  });
  const credit = words.credit && h("small", { class: "credit" }, words.credit);
  const caption =
    (words.caption || credit) &&
    h("figcaption", {}, words.caption, words.caption && credit ? " " : "", credit);
  return h("figure", { class: "image" }, img, caption).outerHTML;
}

function place(button: HTMLElement, item: PickerItem, words: Words) {
  const targetId = button.getAttribute(A.target);
  const textarea = targetId ? document.getElementById(targetId) : null;
  if (textarea instanceof HTMLTextAreaElement) {
    if (textarea.dataset.editorReady === "true") {
      const { src, width, height } = item;
      const detail = { src, width, height, ...words };
      textarea.dispatchEvent(new CustomEvent(INSERT_IMAGE_EVENT, { detail }));
    } else {
      textarea.value += figureHtml(item, words);
      textarea.dispatchEvent(new Event("input", { bubbles: true }));
    }
  }
  if (button.hasAttribute(A.fillId)) {
    fill(button.getAttribute(A.fillId), String(item.id));
    fill(button.getAttribute(A.fillAlt), words.alt);
    fill(button.getAttribute(A.fillCaption), words.caption);
    fill(button.getAttribute(A.fillCredit), words.credit);
    const previewId = button.getAttribute(A.preview);
    const preview = previewId ? document.getElementById(previewId) : null;
    preview?.replaceChildren(h("img", { src: item.thumb, alt: words.alt }));
  }
}

/** The answer's JSON, or undefined when it has none. */
async function json<T>(res: Response): Promise<T | undefined> {
  return res.json().then(
    (v: unknown) => v as T,
    () => undefined,
  );
}

function buildDialog(L: MediaPickerLabels) {
  const close = h("button", { type: "button", class: "secondary" }, L.close);
  const q = field("mp-q", "q", L.search, { type: "search" });
  const search = h(
    "form",
    { role: "search", class: "mp-search" },
    q.wrap,
    h("button", { type: "submit" }, L.searchSubmit),
  );
  const status = h("p", { class: "mp-status", role: "status" });
  const grid = h("ul", { class: "mp-grid" });
  const previous = h("button", { type: "button", class: "secondary" }, L.previous);
  const next = h("button", { type: "button", class: "secondary" }, L.next);
  const up = {
    file: field("mp-file", "file", L.upload.file, { type: "file", hint: L.upload.fileHint }),
    alt: field("mp-up-alt", "alt", L.details.alt, { hint: L.details.altHint }),
    caption: field("mp-up-caption", "caption", L.details.caption, { type: "textarea" }),
    credit: field("mp-up-credit", "credit", L.details.credit, {}),
  };
  up.file.control.setAttribute("accept", "image/jpeg,image/png,image/webp,image/gif,image/avif");
  const upSummary = h("p", { class: "form-errors", role: "alert", hidden: true });
  const upSubmit = h("button", { type: "submit" }, L.upload.submit);
  const upload = h(
    "form",
    { class: "mp-upload", enctype: "multipart/form-data", novalidate: true },
    h("h3", {}, L.upload.title),
    upSummary,
    up.file.wrap,
    up.alt.wrap,
    up.caption.wrap,
    up.credit.wrap,
    h("p", { class: "form-submit" }, upSubmit),
  );
  const browse = h(
    "div",
    { class: "mp-browse" },
    search,
    status,
    grid,
    h("p", { class: "mp-pages" }, previous, " ", next),
    upload,
  );
  const d = {
    alt: field("mp-alt", "alt", L.details.alt, { hint: L.details.altHint }),
    caption: field("mp-caption", "caption", L.details.caption, { type: "textarea" }),
    credit: field("mp-credit", "credit", L.details.credit, {}),
  };
  const preview = h("img", { class: "mp-preview", alt: "" });
  const choose = h("button", { type: "submit" });
  const back = h("button", { type: "button", class: "secondary" }, L.details.back);
  const details = h(
    "form",
    { class: "mp-details", novalidate: true, hidden: true },
    h("h3", {}, L.details.title),
    preview,
    d.alt.wrap,
    d.caption.wrap,
    d.credit.wrap,
    h("p", { class: "form-submit" }, choose, " ", back),
  );
  const dialog = h(
    "dialog",
    { class: "mp-dialog", "aria-labelledby": "mp-title" },
    h("div", { class: "mp-head" }, h("h2", { id: "mp-title" }, L.title), close),
    browse,
    details,
  );
  document.body.append(dialog);
  return {
    ...{ dialog, close, q, search, status, grid, previous, next },
    ...{ upload, up, upSummary, upSubmit, browse, details, d, preview, choose, back },
  };
}

/** One dialog for the page, made at the first click, shared by its buttons. */
function picker(L: MediaPickerLabels, library: string) {
  const ui = buildDialog(L);
  const { dialog, q, status, grid, previous, next, up, upload, browse, details, d } = ui;
  let button: HTMLElement | undefined;
  let chosen: PickerItem | undefined;
  let shown = { q: "", page: 1 };

  async function load(query: string, page: number) {
    shown = { q: query, page };
    status.textContent = L.loading;
    const params = new URLSearchParams({ q: query, page: String(page) });
    const res = await fetch(`${library}?${params}`, { headers: { accept: "application/json" } })
      .then((r) => (r.ok ? json<LibraryAnswer>(r) : undefined))
      .catch(() => undefined);
    if (!res) {
      status.textContent = L.failed;
      return;
    }
    grid.replaceChildren(
      ...res.items.map((item) => {
        const name = h("span", { class: "mp-name" }, item.alt || item.filename);
        const note = item.status === "processing" && h("span", { class: "mp-note" }, L.processing);
        const pick = h(
          "button",
          { type: "button", class: "mp-item" },
          h("img", { src: item.thumb, alt: "", loading: "lazy" }),
          name,
          note,
        );
        pick.addEventListener("click", () => show(item));
        return h("li", {}, pick);
      }),
    );
    status.textContent = res.total === 0 ? L.empty : "";
    previous.hidden = res.page <= 1;
    next.hidden = res.page >= res.totalPages;
  }

  /** The details step: the chosen image, its words to check before it goes in. */
  function show(item: PickerItem) {
    chosen = item;
    ui.preview.src = item.thumb;
    for (const name of TEXTS) d[name].control.value = item[name];
    ui.choose.textContent = button?.hasAttribute(A.target) ? L.details.insert : L.details.use;
    showError(d.alt, undefined);
    browse.hidden = true;
    details.hidden = false;
    d.alt.control.focus();
  }

  function toList() {
    details.hidden = true;
    browse.hidden = false;
    q.control.focus();
  }

  details.addEventListener("submit", (event) => {
    event.preventDefault();
    const words = {
      alt: d.alt.control.value.trim(),
      caption: d.caption.control.value.trim(),
      credit: d.credit.control.value.trim(),
    };
    // Text or featured image: readers who cannot see it hear its words. The logo takes the
    // site's name instead, and fills no words (no `data-fill-alt`).
    const wordsGo = button?.hasAttribute(A.target) || button?.hasAttribute(A.fillAlt);
    if (!words.alt && wordsGo) {
      showError(d.alt, L.details.altRequired);
      d.alt.control.focus();
      return;
    }
    if (button && chosen) place(button, chosen, words);
    dialog.close();
  });
  ui.back.addEventListener("click", toList);
  ui.close.addEventListener("click", () => dialog.close());
  dialog.addEventListener("close", () => button?.focus());
  ui.search.addEventListener("submit", (event) => {
    event.preventDefault();
    void load(q.control.value.trim(), 1);
  });
  previous.addEventListener("click", () => void load(shown.q, shown.page - 1));
  next.addEventListener("click", () => void load(shown.q, shown.page + 1));

  upload.addEventListener("submit", (event) => {
    event.preventDefault();
    void (async () => {
      const body = new FormData(upload);
      for (const f of Object.values(up)) showError(f, undefined);
      ui.upSummary.hidden = true;
      ui.upSubmit.disabled = true;
      ui.upSubmit.textContent = L.upload.sending;
      const res = await fetch(library, {
        method: "POST",
        body,
        headers: { accept: "application/json" },
      }).catch(() => undefined);
      ui.upSubmit.disabled = false;
      ui.upSubmit.textContent = L.upload.submit;
      const answer = res && (await json<UploadAnswer & { message?: string; errors?: Words }>(res));
      if (res?.status === 201 && answer?.item) {
        upload.reset();
        void load("", 1);
        show(answer.item);
        return;
      }
      ui.upSummary.textContent = answer?.message ?? L.failed;
      ui.upSummary.hidden = false;
      const errors: Record<string, string | undefined> = answer?.errors ?? {};
      for (const [name, f] of Object.entries(up)) showError(f, errors[name]);
      const first = Object.entries(up).find(([name]) => errors[name]);
      (first ? first[1].control : ui.upSummary).focus();
    })();
  });

  return {
    open(from: HTMLElement) {
      button = from;
      details.hidden = true;
      browse.hidden = false;
      dialog.showModal();
      q.control.focus();
      void load(shown.q, shown.page);
    },
  };
}

function start() {
  let shared: ReturnType<typeof picker> | undefined;
  for (const button of document.querySelectorAll<HTMLButtonElement>(`[${A.button}]`)) {
    button.hidden = false;
    const fallback = button.parentElement?.querySelector<HTMLElement>(".media-picker-fallback");
    if (fallback) fallback.hidden = true;
    button.addEventListener("click", () => {
      try {
        const labels = JSON.parse(button.getAttribute(A.labels) ?? "") as MediaPickerLabels;
        shared ??= picker(labels, button.getAttribute(A.library) ?? "");
        shared.open(button);
      } catch {
        // Words missing or unreadable: the link to the library is the way, as without JavaScript.
        button.hidden = true;
        if (fallback) fallback.hidden = false;
      }
    });
  }
}

start();
