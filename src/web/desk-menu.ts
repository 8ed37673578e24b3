import type { Count, MenuCounts } from "../modules/comments/index.js";
import type { Messages } from "./i18n/index.js";

/**
 * The newsroom menu's entry for the desk, in the person's words: "Commentaires (3 en attente,
 * 2 indésirables)", or "Commentaires" when nothing waits. Pages render it, and the counts' JSON
 * hands it to the menu's island, so both always say the same.
 */
export function deskMenuLabel(t: Messages, counts: MenuCounts | undefined): string {
  if (!counts) return t.desk.menu;
  const number = (c: Count) =>
    `${new Intl.NumberFormat(t.intlLocale).format(c.n)}${c.capped ? "+" : ""}`;
  const parts: string[] = [];
  if (counts.pending.n > 0) parts.push(t.desk.menuPending(number(counts.pending)));
  if (counts.spam.n > 0) parts.push(t.desk.menuSpam(number(counts.spam), counts.spam.n === 1));
  return parts.length > 0 ? t.desk.menuWithCounts(parts) : t.desk.menu;
}
