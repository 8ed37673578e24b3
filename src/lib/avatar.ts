import { fnv1a } from "./fnv1a.js";

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

/**
 * The first letter or digit of a word (a run of non-blanks), for each word that has one: the
 * initials are those of the first two. One scan of the name: it is drawn for every comment of
 * every page rendered (splitting it into words and each word into characters took ~1 µs).
 */
const INITIAL = /(?<!\S)[^\s\p{L}\p{N}]*([\p{L}\p{N}])/gu;

/** `identity`: the keyed e-mail hash for a published comment, null for any other. */
export function avatarFor(name: string, identity: string | null): Avatar {
  let letters = "";
  INITIAL.lastIndex = 0;
  for (let n = 0; n < 2; n++) {
    const found = INITIAL.exec(name);
    if (!found) break;
    letters += found[1];
  }
  return {
    initials: letters.toLocaleUpperCase() || "?",
    hue: fnv1a(`${identity ?? ""}\0${name}`) % 360,
  };
}

/**
 * The disc's colour for a hue: saturation 45 %, and the lightest of 40 % and below that keeps
 * white initials at a contrast of at least 4.5:1 (WCAG AA for text): yellows and greens need
 * darker discs than blues. As `#rrggbb`.
 */
export function avatarColour(hue: number): string {
  // Hues are whole degrees (avatarFor): each colour is worked out once, not for every comment of
  // every page (a dozen µs a page of ten comments).
  if (Number.isInteger(hue) && hue >= 0 && hue < 360) return (colours[hue] ??= discColour(hue));
  return discColour(hue);
}

const colours: (string | undefined)[] = [];

function discColour(hue: number): string {
  for (let lightness = 40; lightness > 0; lightness--) {
    const rgb = hslToRgb(hue, 0.45, lightness / 100);
    if (contrastWithWhite(rgb) >= MIN_CONTRAST)
      return `#${rgb
        .map((c) =>
          Math.round(c * 255)
            .toString(16)
            .padStart(2, "0"),
        )
        .join("")}`;
  }
  return "#000000";
}

/** A little above 4.5, so that rounding to whole bytes never takes a colour under it. */
const MIN_CONTRAST = 4.6;

function hslToRgb(h: number, s: number, l: number): [number, number, number] {
  const k = (n: number) => (n + h / 30) % 12;
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => l - a * Math.max(-1, Math.min(k(n) - 3, Math.min(9 - k(n), 1)));
  return [f(0), f(8), f(4)];
}

/** WCAG 2 contrast ratio of a colour (0–1 channels) against white. */
export function contrastWithWhite(rgb: readonly number[]): number {
  const linear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  const [r = 0, g = 0, b = 0] = rgb.map(linear);
  return 1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05);
}
