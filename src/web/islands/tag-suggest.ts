/**
 * Suggestions for the article form's tags, a comma-separated field: as one types the last tag,
 * the field's <datalist> offers the whole field with that tag completed from existing tags, so
 * the browser's own suggestion list (keyboard, screen readers) does the rest. Without JavaScript
 * the field takes any tags, and new ones are created on save.
 */

import { completions } from "./tag-completions.js";

/** Fewer letters suggest too much to be useful. */
const MIN_LETTERS = 2;
const QUIET_MS = 150;

function enhance(input: HTMLInputElement): void {
  const list = input.list;
  const source = input.dataset.tagSuggest;
  if (!list || !source) return;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let asked = 0;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const last = (input.value.split(",").pop() ?? "").trim();
      if (last.length < MIN_LETTERS) return list.replaceChildren();
      const ticket = ++asked;
      fetch(`${source}?q=${encodeURIComponent(last)}`, { headers: { accept: "application/json" } })
        .then((res) => (res.ok ? (res.json() as Promise<{ tags: { name: string }[] }>) : null))
        .then((answer) => {
          // An older answer arriving after a newer one changes nothing.
          if (!answer || ticket !== asked) return;
          const options = completions(
            input.value,
            answer.tags.map((tag) => tag.name),
          ).map((value) => Object.assign(document.createElement("option"), { value }));
          list.replaceChildren(...options);
        })
        .catch(() => list.replaceChildren());
    }, QUIET_MS);
  });
}

for (const input of document.querySelectorAll<HTMLInputElement>("input[data-tag-suggest]"))
  enhance(input);
