/**
 * The most characters of a slug, counted in code points (as form fields count them): a
 * headline's first words. Percent-encoded, 80 letters of four UTF-8 bytes each (a rare Chinese
 * character) take 960 characters; the router measures them decoded (http/limits.ts).
 */
export const SLUG_MAX = 80;

/** Latin letters that NFKD leaves whole (no mark to take off): written as their plain letters. */
const LATIN_FOLDS: Readonly<Record<string, string>> = {
  œ: "oe",
  æ: "ae",
  ß: "ss",
  ø: "o",
  ł: "l",
  đ: "d",
  ð: "d",
  þ: "th",
  ħ: "h",
  ı: "i",
  ŧ: "t",
};
const FOLDED = new RegExp(`[${Object.keys(LATIN_FOLDS).join("")}]`, "gu");

/** A cut inside a grapheme would keep a letter without its vowel sign (Hindi, Thai…). */
const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** The first `most` code points of `text`, cut between graphemes: never inside a pair. */
function firstCodePoints(text: string, most: number): string {
  if (text.length <= most) return text;
  let out = "";
  let count = 0;
  for (const { segment } of graphemes.segment(text)) {
    count += [...segment].length;
    if (count > most) break;
    out += segment;
  }
  return out;
}

/**
 * A name as the last part of an address, as WordPress makes it: letters and digits of every
 * script, lower case, with a hyphen for anything else. Latin letters lose their accents, as
 * French slugs always did ("Élections municipales" → "elections-municipales", œ → "oe"); the
 * marks of other scripts are part of their letters and stay ("Русский" → "русский", not
 * "русскии"). Empty for a name with no letter or digit ("🎉", "!!!"). A slug is its own slug:
 * an import that slugifies one again gets it back.
 */
export function slugify(text: string): string {
  const slug = text
    // Compatibility forms first: "ﬁ", "①", full-width "Ａ" are the letters or digits they show.
    .normalize("NFKD")
    .toLowerCase()
    .replace(/(\p{Script=Latin})\p{M}+/gu, "$1")
    .replace(FOLDED, (c) => LATIN_FOLDS[c] ?? c)
    // Marks back on their letters ("й", Hangul syllables), as browsers write them in addresses.
    .normalize("NFC")
    // A variation selector only chooses a glyph; a mark on no letter (after a digit, an emoji
    // keycap) belongs to nothing a reader would type.
    .replace(/\p{Variation_Selector}+/gu, "")
    .replace(/(^|[^\p{L}\p{M}])\p{M}+/gu, "$1")
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
  return firstCodePoints(slug, SLUG_MAX).replace(/-+$/, "");
}

/**
 * `base` numbered when its slug is taken ("budget-2"), within SLUG_MAX: the base is cut to make
 * room, never inside a character.
 */
export function numberedSlug(base: string, n: number): string {
  const suffix = `-${n}`;
  return `${firstCodePoints(base, SLUG_MAX - suffix.length).replace(/-+$/, "")}${suffix}`;
}

/**
 * Text that may be a slug, to be looked up (a search's section filter): letters, digits, their
 * marks and hyphens. Whether one exists is the database's answer.
 */
export const SLUG_SHAPE = /^[\p{L}\p{N}\p{M}-]{1,200}$/u;
