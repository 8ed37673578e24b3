/**
 * The moderation desk's island: enhances the desk, which works without it.
 * - Keys: j / k the next or previous comment (the next or previous page past either end), a / s /
 *   t approve, mark as spam, bin, r reply, x tick for a bulk action, Escape closes the reply.
 *   Never while typing in a field, nor with Ctrl, Alt or Cmd held.
 * - Actions inline: a comment's status buttons, its "remove the GIF" and its reply post with
 *   `fetch` (the same routes answer JSON); a comment whose status changed leaves the list, the
 *   queue counts change, the next comment takes the focus (one that stays keeps it) and a live
 *   region says what happened. Any failure falls back to the real form.
 * Plain DOM code, no framework. The page's contract: `#desk-list` (data-next, data-previous,
 * data-msg-*), `article.desk-comment[data-id]`, `form.desk-actions` with `button[name=action]`
 * (`data-key`), `details.desk-reply form`, `.desk-select`, `.desk-count[data-count]` in the tabs
 * (`a[data-status]`), `#desk-live`.
 */

/** What the desk answers an inline action with (the error shape otherwise: docs/errors.md). */
interface Acted {
  ok: boolean;
  message?: string;
  moved?: { id: number; from: string; to: string }[];
  approvedParent?: boolean;
  errors?: Record<string, string>;
}

/**
 * Actions posted with `fetch`. Any other reloads the queue with the focus on the next comment,
 * where the next key would act on the wrong one if this one stayed (a GIF removed, say).
 */
const INLINE = new Set(["approve", "spam", "trash", "restore", "removeGif"]);
const KEYS: Record<string, string> = { a: "approve", s: "spam", t: "trash" };

/** `{n}`-style placeholders filled with text (a function replacement: "$&" in a name stays). */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

/** True when the key was typed into a field (or with a modifier): not a shortcut then. */
export function typing(event: KeyboardEvent): boolean {
  if (event.ctrlKey || event.metaKey || event.altKey) return true;
  const target = event.target as HTMLElement | null;
  if (!target) return false;
  const tag = target.tagName;
  return (
    tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || target.isContentEditable === true
  );
}

function init(): void {
  const list = document.getElementById("desk-list");
  const live = document.getElementById("desk-live");
  if (!list) return;
  const messages = list.dataset;

  const items = () => [...list.querySelectorAll<HTMLElement>("article.desk-comment")];
  const say = (text: string) => {
    if (live) live.textContent = text;
  };
  let current: HTMLElement | undefined;

  function focusItem(item: HTMLElement | undefined, announce = true): void {
    if (!item) return;
    current = item;
    item.focus();
    item.scrollIntoView({ block: "nearest" });
    if (announce && messages.msgPosition) {
      const all = items();
      say(
        fill(messages.msgPosition, {
          n: String(all.indexOf(item) + 1),
          total: String(all.length),
          name: item.querySelector(".desk-author")?.textContent ?? "",
        }),
      );
    }
  }

  /** The comment the keys act on: the one holding the focus, or the last one that held it. */
  function active(): HTMLElement | undefined {
    const held = document.activeElement?.closest<HTMLElement>("article.desk-comment");
    if (held) current = held;
    return current && list?.contains(current) ? current : undefined;
  }

  function move(step: 1 | -1): void {
    const all = items();
    const here = active();
    const index = here ? all.indexOf(here) + step : step === 1 ? 0 : all.length - 1;
    const target = all[index];
    if (target) return focusItem(target);
    const page = step === 1 ? messages.next : messages.previous;
    if (page) window.location.assign(page);
  }

  function moveCount(status: string, by: number): void {
    const count = document.querySelector<HTMLElement>(
      `.desk-tabs a[data-status="${status}"] .desk-count`,
    );
    // A count shown as "10,000+" stays as it is: it was never exact.
    if (!count?.dataset.count) return;
    const n = Math.max(0, Number(count.dataset.count) + by);
    count.dataset.count = String(n);
    count.textContent = new Intl.NumberFormat(document.documentElement.lang).format(n);
  }

  /** The comment leaves the list (its status changed); the next one takes the focus. */
  function leave(item: HTMLElement, moved: readonly { from: string; to: string }[]): void {
    for (const m of moved) {
      moveCount(m.from, -1);
      moveCount(m.to, 1);
    }
    const all = items();
    const index = all.indexOf(item);
    const next = all[index + 1] ?? all[index - 1];
    item.closest("li")?.remove();
    if (next) return focusItem(next, false);
    // The page is done: the queue's next comments are on the same address now.
    say(messages.msgCleared ?? "");
    window.location.assign(window.location.pathname + window.location.search);
  }

  async function post(form: HTMLFormElement, extra: Record<string, string>): Promise<Response> {
    const body = new URLSearchParams();
    for (const [key, value] of new FormData(form))
      if (typeof value === "string") body.append(key, value);
    for (const [key, value] of Object.entries(extra)) body.set(key, value);
    // The attribute, not `form.action`: the buttons named "action" shadow that property.
    return fetch(form.getAttribute("action") ?? "", {
      method: "POST",
      headers: {
        accept: "application/json",
        "content-type": "application/x-www-form-urlencoded",
      },
      body,
      credentials: "same-origin",
    });
  }

  /** Without the island's help: the form as the browser would have sent it. */
  function fallBack(form: HTMLFormElement, name?: string, value?: string): void {
    if (name && value) {
      const input = document.createElement("input");
      input.type = "hidden";
      input.name = name;
      input.value = value;
      form.append(input);
    }
    form.submit();
  }

  async function act(item: HTMLElement, action: string): Promise<void> {
    const form = item.querySelector<HTMLFormElement>("form.desk-actions");
    if (!form) return;
    try {
      const res = await post(form, { action });
      const answer = (await res.json()) as Acted;
      if (!res.ok || !answer.ok) throw new Error(String(res.status));
      say(answer.message ?? "");
      // The GIF is gone, the comment stays: its picture and its button go from the card.
      if (action === "removeGif") {
        item.querySelector(".desk-gif")?.remove();
        form.querySelector('button[value="removeGif"]')?.remove();
      }
      if ((answer.moved ?? []).length > 0) leave(item, answer.moved ?? []);
      else focusItem(item, false);
    } catch {
      say(messages.msgFailed ?? "");
      fallBack(form, "action", action);
    }
  }

  async function reply(form: HTMLFormElement): Promise<void> {
    const item = form.closest<HTMLElement>("article.desk-comment");
    const field = form.querySelector<HTMLTextAreaElement>("textarea");
    try {
      const res = await post(form, {});
      const answer = (await res.json()) as Acted;
      if (res.status === 422 && answer.errors?.body && field) {
        showError(field, answer.errors.body);
        return;
      }
      if (!res.ok || !answer.ok) throw new Error(String(res.status));
      say(answer.message ?? "");
      form.closest("details")?.removeAttribute("open");
      if (field) field.value = "";
      if (item && answer.approvedParent && list?.dataset.status === "pending")
        leave(item, [{ from: "pending", to: "approved" }]);
      else focusItem(item ?? undefined, false);
    } catch {
      say(messages.msgFailed ?? "");
      fallBack(form);
    }
  }

  function showError(field: HTMLTextAreaElement, text: string): void {
    const id = `${field.id}-error`;
    let error = document.getElementById(id);
    if (!error) {
      error = document.createElement("span");
      error.id = id;
      error.className = "field-error";
      field.after(error);
    }
    error.textContent = text;
    field.setAttribute("aria-invalid", "true");
    field.setAttribute("aria-describedby", id);
    field.focus();
  }

  list.addEventListener("submit", (event) => {
    const form = event.target as HTMLFormElement;
    const submitter = (event as SubmitEvent).submitter as HTMLButtonElement | null;
    if (form.matches("form.desk-actions") && submitter && INLINE.has(submitter.value)) {
      event.preventDefault();
      const item = form.closest<HTMLElement>("article.desk-comment");
      if (item) void act(item, submitter.value);
    } else if (form.closest("details.desk-reply")) {
      event.preventDefault();
      void reply(form);
    }
  });

  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape") {
      const open = (event.target as Element | null)?.closest("details.desk-reply");
      if (open) {
        open.removeAttribute("open");
        focusItem(open.closest<HTMLElement>("article.desk-comment") ?? undefined, false);
      }
      return;
    }
    if (typing(event)) return;
    const key = event.key;
    if (key === "j" || key === "k") {
      event.preventDefault();
      move(key === "j" ? 1 : -1);
      return;
    }
    const item = active();
    if (!item) return;
    const action = KEYS[key];
    if (action) {
      // Only an action this comment offers (no "approve" on an approved one).
      if (!item.querySelector(`form.desk-actions button[value="${action}"]`)) return;
      event.preventDefault();
      void act(item, action);
    } else if (key === "r") {
      const details = item.querySelector("details.desk-reply");
      if (!details) return;
      event.preventDefault();
      details.setAttribute("open", "");
      details.querySelector("textarea")?.focus();
    } else if (key === "x") {
      const box = item.querySelector<HTMLInputElement>(".desk-select");
      if (!box) return;
      event.preventDefault();
      box.checked = !box.checked;
    }
  });

  // Back from an action without the island, or a link to one comment: that comment has the focus.
  const named = window.location.hash
    ? document.getElementById(window.location.hash.slice(1))
    : null;
  if (named?.matches("article.desk-comment")) focusItem(named, false);
}

if (typeof document !== "undefined") {
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
}
