import type { Phase } from "../phase.js";

const LINK = /\bhttps?:\/\/|\bwww\./giu;

/** Many links is what spam looks like; a person checks before it shows. */
export const linkCount: Phase<"body" | "settings"> = ({ body, settings }) => {
  const links = body.match(LINK)?.length ?? 0;
  return links > settings.maxLinks
    ? { verdict: "pending", reason: { rule: "links", detail: `${links} > ${settings.maxLinks}` } }
    : undefined;
};
