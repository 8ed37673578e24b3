/**
 * The comment island: enhances the comment form, which works without it.
 * - "Répondre" moves the form under the comment being answered instead of reloading the page;
 * - posting happens inline: the new comment appears in place, or each field shows its message,
 *   and nothing the reader typed is lost, even past the server's body limit. Any other answer
 *   falls back to an ordinary post; no answer at all (the network is down) is said in the form,
 *   and the page stays.
 * Plain DOM code: no framework runtime for one form.
 */

import type { ErrorAnswer } from "../../lib/error-codes.js";

/** The server's answer to an inline post: the new comment (201), or the one error shape. */
export interface Answer extends Partial<Omit<ErrorAnswer, "ok">> {
  ok: boolean;
  id?: number;
  html?: string;
}

import { gifFormIds } from "../gif-picker-contract.js";
import { anchors } from "../urls.js";

const FIELDS = ["body", "name", "email", "website"] as const;

/**
 * "Répondre à {name}" with the commenter's name put in as text. A function replacement, because a
 * string one would read "$&" or "$'" in a name as instructions.
 */
export function fillName(template: string, name: string): string {
  return template.replace("{name}", () => name);
}

/** The form's own words for a post the server would not read (from its data attributes). */
export interface TooLargeWords {
  /** The text field's message. */
  message?: string | undefined;
  /** The summary of one field to correct. */
  summary?: string | undefined;
}

/**
 * A refusal the form can show in place: a message per field and their summary. Undefined for
 * any other answer, which the browser then posts in full.
 * A 413 (the post is past the server's body limit, refused before any field is read) can only
 * come from a text far past its limit: it is said on the text's field. Posted in full instead,
 * it would take the reader to an error page, the text lost.
 */
export function fieldRefusal(
  status: number,
  answer: Answer,
  tooLarge: TooLargeWords = {},
): { errors: Record<string, string>; summary: string } | undefined {
  if ((status === 422 || status === 429) && answer.errors)
    return { errors: answer.errors, summary: answer.message ?? "" };
  if (status === 413 && tooLarge.message)
    return { errors: { body: tooLarge.message }, summary: tooLarge.summary ?? "" };
  return undefined;
}

function init(): void {
  const respond = document.getElementById(anchors.respond);
  const form = document.getElementById("comment-form") as HTMLFormElement | null;
  const section = document.getElementById(anchors.comments);
  if (!respond || !form || !section) return;
  const parentInput = form.elements.namedItem("parent") as HTMLInputElement;
  const titleText = document.getElementById("reply-title-text");
  const title = document.getElementById("reply-title");
  const cancel = document.getElementById("cancel-reply");
  const home = document.createComment("respond");
  respond.before(home);
  /** The "Répondre" link the form was opened from: focus goes back there when it is cancelled. */
  let opener: HTMLElement | undefined;

  function replyTo(id: string, name: string, anchor: Element, from: HTMLElement): void {
    opener = from;
    anchor.after(respond as HTMLElement);
    parentInput.value = id;
    if (titleText && title?.dataset.reply)
      titleText.textContent = fillName(title.dataset.reply, name);
    cancel?.removeAttribute("hidden");
    (form?.elements.namedItem("body") as HTMLTextAreaElement | null)?.focus();
  }

  function resetReply(): void {
    home.after(respond as HTMLElement);
    parentInput.value = "";
    if (titleText && title?.dataset.leave) titleText.textContent = title.dataset.leave;
    cancel?.setAttribute("hidden", "");
  }

  /** Cancelled by the reader: the form goes home, and focus to the link it came from. */
  function cancelReply(): void {
    resetReply();
    opener?.focus();
    opener = undefined;
  }

  section.addEventListener("click", (event) => {
    const link = (event.target as Element).closest<HTMLAnchorElement>("a.reply-link");
    if (!link?.dataset.replyTo) return;
    const body = link.closest("li.comment")?.querySelector(":scope > .comment-body");
    if (!body) return;
    event.preventDefault();
    replyTo(link.dataset.replyTo, link.dataset.replyName ?? "", body, link);
  });
  cancel?.addEventListener("click", (event) => {
    event.preventDefault();
    cancelReply();
  });

  function showErrors(errors: Record<string, string>, summary: string): void {
    const box = document.getElementById("form-errors");
    for (const field of FIELDS) {
      const input = form?.elements.namedItem(field) as HTMLInputElement | null;
      const wrapper = input?.closest(".field");
      if (!input || !wrapper) continue;
      wrapper.querySelector(".field-error")?.remove();
      const message = errors[field];
      wrapper.classList.toggle("field-invalid", Boolean(message));
      if (message) {
        const note = document.createElement("span");
        note.className = "field-error";
        note.id = `${field}-error`;
        note.textContent = message;
        wrapper.append(note);
        input.setAttribute("aria-invalid", "true");
        input.setAttribute("aria-describedby", note.id);
      } else {
        input.removeAttribute("aria-invalid");
        input.removeAttribute("aria-describedby");
      }
    }
    if (box) {
      box.textContent = summary;
      box.hidden = summary === "";
      if (summary) box.focus();
    }
  }

  function insert(html: string, parentId: string): HTMLElement | null {
    const template = document.createElement("template");
    template.innerHTML = html;
    const item = template.content.firstElementChild as HTMLElement | null;
    if (!item) return null;
    const parent = parentId ? document.getElementById(anchors.comment(parentId)) : null;
    if (parent) {
      let children = parent.querySelector(":scope > ol.children");
      if (!children) {
        children = document.createElement("ol");
        children.className = "children";
        parent.append(children);
      }
      children.append(item);
    } else {
      let list = section?.querySelector(":scope > ol.comment-list");
      if (!list) {
        list = document.createElement("ol");
        list.className = "comment-list";
        section?.querySelector(":scope > .no-comments")?.remove();
        document.getElementById("comments-title")?.after(list);
      }
      list.append(item);
    }
    return item;
  }

  // The GIF button works with JavaScript only: shown here, and the picker's own script is loaded
  // when a reader first presses it (the page's JavaScript budget holds until then).
  const gifButton = document.getElementById(gifFormIds.button) as HTMLButtonElement | null;
  const island = gifButton?.dataset.island;
  if (gifButton && island) {
    gifButton.hidden = false;
    gifButton.addEventListener("click", () => {
      void (import(island) as Promise<{ openPicker(b: HTMLButtonElement): void }>)
        .then((picker) => picker.openPicker(gifButton))
        .catch(() => undefined);
    });
  }
  const clearGif = () => {
    const input = form.elements.namedItem(gifFormIds.input) as HTMLInputElement | null;
    if (input) input.value = "";
    const chosen = document.getElementById(gifFormIds.chosen);
    chosen?.replaceChildren();
    chosen?.setAttribute("hidden", "");
  };

  // The page may come from a cache, and its stamp from long ago: when the reader starts on the
  // form, ask for a stamp of their own (decision 013). Without it the page's stamp stays.
  const stampInput = form.elements.namedItem("stamp") as HTMLInputElement | null;
  let stamped: Promise<void> | undefined;
  form.addEventListener("focusin", () => {
    stamped ??= fetch(form.action, { headers: { accept: "application/json" } })
      .then((r) => r.json() as Promise<{ stamp?: unknown }>)
      .then((a) => {
        if (stampInput && typeof a.stamp === "string") stampInput.value = a.stamp;
      })
      .catch(() => undefined);
  });

  /** The answer to the form's post, or undefined when it never reached the server. */
  const post = async (): Promise<Response | undefined> => {
    try {
      return await fetch(form.action, {
        method: "POST",
        headers: { accept: "application/json" },
        body: new URLSearchParams(new FormData(form) as unknown as Record<string, string>),
        credentials: "same-origin",
      });
    } catch {
      return undefined;
    }
  };

  let sending = false;
  form.addEventListener("submit", async (event) => {
    if (sending) return event.preventDefault();
    event.preventDefault();
    sending = true;
    await stamped;
    const button = form.querySelector<HTMLButtonElement>("button[type=submit]");
    const label = button?.textContent ?? "";
    if (button) {
      button.disabled = true;
      button.textContent = button.dataset.sending ?? label;
    }
    try {
      const response = await post();
      if (!response) {
        // The server was never reached: a full post would fail too, and take the reader to the
        // browser's error page with their text lost. They stay, and may try again.
        showErrors({}, form.dataset.offline ?? "");
        return;
      }
      const answer = (await response.json().catch(() => ({ ok: false }))) as Answer;
      const refusal = fieldRefusal(response.status, answer, {
        message: form.dataset.tooLarge,
        summary: form.dataset.oneError,
      });
      if (response.status === 201 && answer.ok && answer.html) {
        const item = insert(answer.html, parentInput.value);
        showErrors({}, "");
        (form.elements.namedItem("body") as HTMLTextAreaElement).value = "";
        clearGif();
        resetReply();
        item?.scrollIntoView({ block: "center" });
        item?.setAttribute("tabindex", "-1");
        item?.focus();
      } else if (refusal) {
        showErrors(refusal.errors, refusal.summary);
      } else {
        // Anything unexpected: let the browser post the form itself, so the server answers in full.
        HTMLFormElement.prototype.submit.call(form);
      }
    } catch {
      HTMLFormElement.prototype.submit.call(form);
    } finally {
      sending = false;
      if (button) {
        button.disabled = false;
        button.textContent = label;
      }
    }
  });
}

// Imported by its unit test in Node, where there is no page to enhance.
if (typeof document !== "undefined") init();
