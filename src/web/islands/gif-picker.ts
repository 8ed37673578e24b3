/**
 * The GIF picker, loaded by the comment island when a reader presses the GIF button (never with
 * the page). A modal dialog: a labelled search field (as-you-type, debounced), the trending GIFs
 * first, results as buttons (Tab and the arrow keys move, Enter picks, Escape closes), the
 * provider's attribution, and "more" for the next page. Picking sets the form's hidden `gif`
 * field to the GIF's id and shows it under the text, with a button to remove it. Every address
 * is Kiosque's: the browser never talks to the provider (unless the newsroom chose its CDN for
 * previews). Plain DOM code: no framework for one dialog.
 */

import {
  gifFormIds,
  type GifAnswer,
  type GifChoice,
  type GifPickerWords,
} from "../gif-picker-contract.js";

/** Typing pauses this long before a search is sent: one request per word, not per letter. */
const DEBOUNCE_MS = 300;

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<Record<string, string>> = {},
  text = "",
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) if (v !== undefined) node.setAttribute(k, v);
  if (text) node.textContent = text;
  return node;
}

function image(gif: GifChoice, words: GifPickerWords): HTMLImageElement {
  return el("img", {
    src: gif.preview,
    alt: gif.title || words.alt,
    width: String(gif.width),
    height: String(gif.height),
    loading: "lazy",
  });
}

let dialog: HTMLDialogElement | undefined;

export function openPicker(button: HTMLButtonElement): void {
  const words = JSON.parse(button.dataset.words ?? "{}") as GifPickerWords;
  const input = document.getElementById(gifFormIds.input) as HTMLInputElement | null;
  const chosen = document.getElementById(gifFormIds.chosen);
  if (!input || !chosen) return;
  if (dialog) {
    dialog.showModal();
    return;
  }
  const d = el("dialog", { class: "gif-picker", "aria-labelledby": "gif-picker-title" });
  dialog = d;
  const title = el("h2", { id: "gif-picker-title" }, words.title);
  const label = el("label", { for: "gif-q" }, words.search);
  const search = el("input", { id: "gif-q", type: "search", autocomplete: "off" });
  const status = el("p", { class: "gif-status", role: "status", "aria-live": "polite" });
  const list = el("ul", { class: "gif-results", "aria-labelledby": "gif-picker-title" });
  const more = el(
    "button",
    { type: "button", class: "gif-more secondary", hidden: "" },
    words.more,
  );
  const credit = el("p", { class: "gif-attribution" });
  const close = el("button", { type: "button", class: "gif-close secondary" }, words.close);
  d.append(title, label, search, status, list, more, credit, close);
  document.body.append(d);

  let next: string | null = null;
  let asked = 0;
  async function load(append: boolean): Promise<void> {
    const q = search.value.trim();
    const mine = ++asked;
    status.textContent = words.loading;
    const params = new URLSearchParams(q ? { q } : {});
    if (append && next) params.set("pos", next);
    const path = q ? "/gifs/search" : "/gifs/trending";
    let answer: GifAnswer;
    try {
      const res = await fetch(`${path}?${params.toString()}`, {
        headers: { accept: "application/json" },
      });
      answer = (await res.json()) as GifAnswer;
    } catch {
      answer = { ok: true, results: [], next: null, unavailable: true, provider: "disabled" };
    }
    if (mine !== asked) return; // a later search answered first
    if (!append) list.replaceChildren();
    for (const gif of answer.results) {
      const pick = el("button", { type: "button", class: "gif-result" });
      pick.append(image(gif, words));
      pick.addEventListener("click", () => choose(gif));
      const item = el("li");
      item.append(pick);
      // A preview Kiosque could not fetch (the provider's file is gone): not offered at all. When
      // none is left, the provider is down: an empty list under "GIF du moment" would not say so.
      pick.firstElementChild?.addEventListener("error", () => {
        if (item.parentElement !== list) return; // a later search replaced the list
        item.remove();
        if (list.children.length === 0) status.textContent = words.unavailable;
      });
      list.append(item);
    }
    next = answer.next;
    more.hidden = next === null;
    credit.textContent = words.poweredBy[answer.provider] ?? "";
    const shown = list.children.length;
    status.textContent =
      shown > 0 ? (q ? "" : words.trending) : answer.unavailable ? words.unavailable : words.none;
  }

  function choose(gif: GifChoice): void {
    if (!input || !chosen) return;
    input.value = gif.id;
    const remove = el("button", { type: "button", class: "gif-remove secondary" }, words.remove);
    remove.addEventListener("click", () => {
      input.value = "";
      chosen.replaceChildren();
      chosen.hidden = true;
      button.focus();
    });
    const caption = el("span", { class: "visually-hidden" }, words.chosen);
    chosen.replaceChildren(caption, image(gif, words), remove);
    chosen.hidden = false;
    d.close();
  }

  let timer: ReturnType<typeof setTimeout> | undefined;
  search.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => void load(false), DEBOUNCE_MS);
  });
  // Enter in the field searches now rather than posting the comment form behind the dialog.
  search.addEventListener("keydown", (event) => {
    if (event.key !== "Enter") return;
    event.preventDefault();
    clearTimeout(timer);
    void load(false);
  });
  // Arrow keys move between results, as in a grid.
  list.addEventListener("keydown", (event) => {
    const buttons = [...list.querySelectorAll<HTMLButtonElement>("button.gif-result")];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (at < 0) return;
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
    if (!step) return;
    event.preventDefault();
    buttons[Math.min(buttons.length - 1, Math.max(0, at + step))]?.focus();
  });
  more.addEventListener("click", () => void load(true));
  close.addEventListener("click", () => d.close());
  d.addEventListener("close", () => button.focus());
  d.showModal();
  search.focus();
  void load(false);
}
