/**
 * A locally drawn avatar: initials on a colour taken from a keyed hash of the e-mail. No request
 * to Gravatar or anyone; the hash is keyed with the site secret, so the colour reveals nothing.
 */
export interface Avatar {
  initials: string;
  hue: number;
}

export function avatarFor(name: string, emailHash: string): Avatar {
  const words = name
    .trim()
    .split(/\s+/u)
    .filter((w) => /\p{L}|\p{N}/u.test(w));
  const letters = words
    .slice(0, 2)
    .map((w) => [...w].find((ch) => /\p{L}|\p{N}/u.test(ch)) ?? "")
    .join("")
    .toLocaleUpperCase();
  let hue = 0;
  for (const ch of emailHash.slice(0, 8)) hue = (hue * 31 + ch.charCodeAt(0)) % 360;
  return { initials: letters || "?", hue };
}
