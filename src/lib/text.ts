import unhomoglyph from "unhomoglyph";

/**
 * Text as the moderation rules compare it, so that no trick of writing changes a verdict: the
 * blocklist and the duplicate rule see one form of every text. Never stored, never shown: stored
 * text stays as the reader typed it.
 *
 * 1. NFKC: compatibility forms become their plain letters (ﬁ, ｃａｓｉｎｏ, ², ℂ).
 * 2. Invisible formatting characters go (Unicode category Cf: zero-width space and joiners, soft
 *    hyphen, bidi controls, word joiner…): they would split a word without showing.
 * 3. Accents and other combining marks go, as the blocklist always did ("câsino" is "casino").
 * 4. Lower case; every run of blanks becomes one space.
 * 5. Look-alike letters become one skeleton (Unicode's confusables data, `unhomoglyph`), lower
 *    case again since the skeleton of a letter may be a capital: Cyrillic "саsinо" is "casino".
 */
export function comparable(text: string): string {
  return skeleton(plain(text));
}

/**
 * The forms of a text a blocklisted word is looked for in: the text itself, and the text with
 * words spelled out letter by letter joined up ("c a s i n o", "c.a.s.i.n.o" → "casino").
 * Only runs of single letters are joined, so words of ordinary text never run into each other
 * ("il y a cas inouï" stays apart).
 */
export function searchableForms(text: string): string[] {
  const p = plain(text);
  const joined = p.replace(SPELLED_OUT, (run) => run.replace(NOT_ALNUM, ""));
  return joined === p ? [skeleton(p)] : [skeleton(p), skeleton(joined)];
}

// Single letters or digits, each standing alone, separated by up to 3 other characters.
const SPELLED_OUT =
  /(?<![\p{L}\p{N}])[\p{L}\p{N}](?:[^\p{L}\p{N}]{1,3}[\p{L}\p{N}](?![\p{L}\p{N}]))+/gu;
const NOT_ALNUM = /[^\p{L}\p{N}]/gu;

/** Steps 1–4, before the skeleton: letters are still letters here (the skeleton of "|" is "l"). */
function plain(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/\p{Cf}/gu, "")
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/\s+/gu, " ")
    .trim();
}

function skeleton(text: string): string {
  return unhomoglyph(text).toLowerCase();
}

// C0 and C1 controls and DEL, except tab, line feed and carriage return (a browser sends a
// textarea's new lines as CR LF); U+FFFE and U+FFFF, which are no characters (XML cannot carry
// them: one in a title made every feed unreadable); and lone surrogates (\p{Cs} matches only
// those in a u regex).
// eslint-disable-next-line no-control-regex -- finding them is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|\p{Cs}/u;
/** The same, for replacing: a global regex keeps a position between calls, so `test` has its own. */
const EVERY_CONTROL = new RegExp(CONTROL.source, "gu");

/**
 * True for text no field may hold: a control character (NUL among them: PostgreSQL's text cannot
 * store it, so a SQLite site with one could not move), or a lone surrogate (no UTF-8 for it).
 */
export function hasControlCharacters(text: string): boolean {
  return CONTROL.test(text);
}

/**
 * The text without what `hasControlCharacters` finds: for text nobody typed as such (a character
 * reference in HTML, `&#x1;`, decoded; an import), where there is no field to refuse it on.
 */
export function withoutControlCharacters(text: string): string {
  return text.replace(EVERY_CONTROL, "");
}

// Blanks, and what is drawn as nothing: Default_Ignorable_Code_Point (zero-width space and
// joiners, soft hyphen, word joiner, bidi controls, Hangul fillers, variation selectors), and the
// braille blank, which fonts draw empty.
const INVISIBLE = /[\p{White_Space}\p{Default_Ignorable_Code_Point}\u2800]/gu;

/**
 * True for text a reader sees as empty. A required field so filled is not filled: a name of one
 * zero-width space was taken, and showed as a blank byline, section title or site name. The text
 * is stored as typed when it is not blank.
 */
export function isBlank(text: string): boolean {
  return text.replace(INVISIBLE, "") === "";
}
