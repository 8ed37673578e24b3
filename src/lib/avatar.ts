/**
 * A locally drawn avatar: initials on a colour. No request to Gravatar or anyone.
 *
 * The colour of a published comment comes from its author's keyed e-mail hash AND name: the same
 * person under the same name keeps a colour, a namesake with another address gets another one,
 * and one address under two names is not linked by colour. A comment not (yet) published is drawn
 * from its name alone: its sender's page and the answer to their post would otherwise show the
 * colour of the address's published comments, telling anyone who typed someone else's e-mail
 * that it belongs to a known commenter (decision 013).
 */
export interface Avatar {
  initials: string;
  hue: number;
}

/** `identity`: the keyed e-mail hash for a published comment, null for any other. */
export function avatarFor(name: string, identity: string | null): Avatar {
  const words = name
    .trim()
    .split(/\s+/u)
    .filter((w) => /\p{L}|\p{N}/u.test(w));
  const letters = words
    .slice(0, 2)
    .map((w) => [...w].find((ch) => /\p{L}|\p{N}/u.test(ch)) ?? "")
    .join("")
    .toLocaleUpperCase();
  return { initials: letters || "?", hue: fnv1a(`${identity ?? ""}\0${name}`) % 360 };
}

/** A quick, well-spread hash: the colour needs no secrecy, the e-mail hash is already keyed. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}
