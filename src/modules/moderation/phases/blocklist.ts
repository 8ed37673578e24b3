import { comparable, searchableForms } from "../../../lib/text.js";
import type { Phase } from "../phase.js";

/**
 * Words from the newsroom's blocklist, in the name, website, text or the title of its GIF, send
 * the comment to spam.
 * Both sides are compared as lib/text.ts makes them comparable, so case, accents, look-alike
 * letters, invisible characters and a word spelled out letter by letter change nothing. A word
 * is found inside longer ones, as before ("casinos"), never across words ("cas inouï").
 */
export const blocklist: Phase<"name" | "website" | "body" | "gifTitle" | "settings"> = ({
  name,
  website,
  body,
  gifTitle,
  settings,
}) => {
  if (settings.blocklist.length === 0) return undefined;
  // One line per field, so a word is never made of the end of one field and the start of another.
  const forms = [name, website ?? "", body, gifTitle].flatMap(searchableForms);
  const hit = settings.blocklist.find((word) => {
    const needle = comparable(word);
    return needle !== "" && forms.some((form) => form.includes(needle));
  });
  return hit ? { verdict: "spam", reason: { rule: "blocklist", detail: hit } } : undefined;
};
