/**
 * The newsroom's rich-text editor island, loaded on editor pages only (never on reader pages: its
 * budget, test/island-budget.test.ts, is its own). Every `textarea[data-editor=rich]` becomes an
 * editor; without JavaScript the textarea is the field, and posts HTML.
 */
import { mountRichEditor } from "./mount.js";

for (const textarea of document.querySelectorAll<HTMLTextAreaElement>(
  "textarea[data-editor=rich]",
)) {
  try {
    mountRichEditor(textarea);
  } catch (error) {
    // The textarea stays as it was, a field of HTML that still posts: nothing is lost.
    console.error("kiosque: the editor could not start", error);
  }
}
