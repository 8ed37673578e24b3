import type { Phase } from "../phase.js";

/** Case- and accent-insensitive, so "CASINO" and "câsino" both match "casino". */
function fold(s: string): string {
  return s.normalize("NFKD").replace(/\p{M}/gu, "").toLocaleLowerCase("fr");
}

/** Words from the newsroom's blocklist, in the name, website or text, send the comment to spam. */
export const blocklist: Phase<"name" | "website" | "body" | "settings"> = ({
  name,
  website,
  body,
  settings,
}) => {
  if (settings.blocklist.length === 0) return undefined;
  const haystack = fold(`${name}\n${website ?? ""}\n${body}`);
  const hit = settings.blocklist.find((word) => haystack.includes(fold(word)));
  return hit ? { verdict: "spam", reason: { rule: "blocklist", detail: hit } } : undefined;
};
