/**
 * Suggestions under the search page's words field as one types: headlines that match what is
 * typed so far (the last word as a beginning), as a list box the keyboard walks (ARIA combobox:
 * arrows, Enter to open one, Escape to close). The field (`data-search-suggest`: where to ask)
 * works without it: the form is a plain GET. Suggestions come as text pieces, marked or not, and
 * are built with text nodes: nothing the server sends is read as HTML.
 */

interface Suggestion {
  url: string;
  title: { text: string; hit: boolean }[];
}

/** Fewer letters suggest too much to be useful. */
const MIN_LETTERS = 2;
const QUIET_MS = 150;

function enhance(input: HTMLInputElement): void {
  const source = input.dataset.searchSuggest;
  if (!source) return;
  const list = document.createElement("ul");
  list.id = `${input.id}-suggestions`;
  list.className = "search-suggestions";
  list.setAttribute("role", "listbox");
  list.setAttribute("aria-label", input.dataset.suggestLabel ?? "");
  list.hidden = true;
  (input.parentElement ?? input).after(list);
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-controls", list.id);
  input.setAttribute("aria-expanded", "false");

  let active = -1;
  let asked = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const options = () => [...list.children] as HTMLElement[];
  const close = () => {
    list.hidden = true;
    active = -1;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
  };
  const show = (items: Suggestion[]) => {
    list.replaceChildren(
      ...items.map((s, i) => {
        const li = document.createElement("li");
        li.id = `${list.id}-${i}`;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        const a = document.createElement("a");
        a.href = s.url;
        a.tabIndex = -1;
        for (const piece of s.title)
          a.append(
            piece.hit
              ? Object.assign(document.createElement("mark"), { textContent: piece.text })
              : piece.text,
          );
        li.append(a);
        return li;
      }),
    );
    if (items.length === 0) return close();
    active = -1;
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
  };
  const move = (to: number) => {
    const all = options();
    if (all.length === 0) return;
    active = (to + all.length) % all.length;
    all.forEach((el, i) => el.setAttribute("aria-selected", String(i === active)));
    input.setAttribute("aria-activedescendant", all[active]!.id);
  };

  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const q = input.value.trim();
      if (q.length < MIN_LETTERS) return close();
      const ticket = ++asked;
      fetch(`${source}?q=${encodeURIComponent(q)}`, { headers: { accept: "application/json" } })
        .then((res) => (res.ok ? (res.json() as Promise<{ suggestions: Suggestion[] }>) : null))
        .then((answer) => {
          // An older answer arriving after a newer one changes nothing.
          if (answer && ticket === asked) show(answer.suggestions);
        })
        .catch(close);
    }, QUIET_MS);
  });
  input.addEventListener("keydown", (e) => {
    if (list.hidden) return;
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      move(active + (e.key === "ArrowDown" ? 1 : -1));
    } else if (e.key === "Enter" && active >= 0) {
      e.preventDefault();
      const link = options()[active]?.querySelector("a");
      if (link) location.assign(link.href);
    } else if (e.key === "Escape") close();
  });
  // A click on a suggestion must not blur the field first (the list would close under it).
  list.addEventListener("mousedown", (e) => e.preventDefault());
  input.addEventListener("blur", close);
}

for (const input of document.querySelectorAll<HTMLInputElement>("input[data-search-suggest]"))
  enhance(input);
