import { stemmer } from "@orama/stemmers/french";
import { fra } from "stopword";
import { detached } from "./detached.js";

/**
 * French text as search and "related articles" see it: one processing for the index, the query
 * and the comparison of articles, so that both engines (SQLite FTS5, PostgreSQL tsvector) are
 * handed the same tokens and agree on what matches.
 *
 * A term is a word folded (lower case, accents and other marks dropped, œ → oe) and then stemmed
 * with the Snowball French stemmer: "Élysée" and "elysee" are one term, "manifestants" and
 * "manifestant" too. Folding comes first so a word typed without its accents stems like the
 * accented one (Snowball's French rules read accents: "élysée" and "elysee" stem apart).
 * Stopwords are dropped. Words in other scripts (a Greek or Russian name, a Japanese title) are
 * terms too, folded the same way and not stemmed. Terms hold only letters and digits, which is
 * also what makes them safe to put in an engine's query syntax (they are still sent as
 * parameters). A script without spaces between words (Chinese, Japanese) gives one term per run
 * of letters: found by the whole run, not by a word inside it.
 */

/** Longer runs are not words (a hash, a pasted URL, a hostile 10 KB string): cut there. */
export const MAX_TERM_LENGTH = 40;

/** Lower case, accents and marks dropped, ligatures spelled out: "Œuvre Élysée" → "oeuvre elysee". */
export function fold(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .replace(/ß/g, "ss");
}

/**
 * Snowball's French list (the `stopword` package's `fra`), folded like the text, and a few words
 * of news prose that say nothing of a subject. Short words go anyway (TOO_SHORT).
 */
const STOPWORDS: ReadonlySet<string> = new Set(
  [
    ...fra,
    "plus",
    "tres",
    "tout",
    "tous",
    "toute",
    "toutes",
    "comme",
    "aussi",
    "apres",
    "avant",
    "selon",
    "depuis",
    "entre",
    "encore",
    "dont",
    "lors",
    "alors",
    "ainsi",
    "sous",
    "deja",
    "bien",
    "cette",
    "ces",
  ].map(fold),
);

/** One letter is never a subject ("l'", "d'", "s'"): dropped with the stopwords. */
const TOO_SHORT = 2;

/**
 * Memo of the stemmer (a pure function): a reindex stems tens of millions of words drawn from a
 * vocabulary of tens of thousands; stemming each costs ~2 µs, a lookup ~0.05 µs. Bounded: emptied
 * when full, so hostile input cannot grow it.
 */
const stems = new Map<string, string>();
const MEMO_SIZE = 200_000;

/** A folded word's term (its stem). */
export function stemOf(folded: string): string {
  let s = stems.get(folded);
  if (s === undefined) {
    // A word matched in a text is a view into it, and its stem may be a view of the word: kept
    // as they are, each entry held its whole text.
    s = detached(NOT_LATIN.test(folded) ? folded : stemmer(folded));
    if (stems.size >= MEMO_SIZE) stems.clear();
    stems.set(detached(folded), s);
  }
  return s;
}

/**
 * A folded word: a–z and 0–9 (all of French, once folded), or letters of other scripts, found by
 * their blocks once folding has mapped compatibility forms (full-width, presentation forms)
 * into them: Greek to Mongolian, Glagolitic to Cyrillic Extended-A, Japanese kana to the CJK
 * ideographs, Yi to Hangul. A run with such characters is then cut at what is not a letter or a
 * digit (their scripts' own punctuation). Unicode's classes cost several times the plain ones,
 * so a text without those blocks (nearly every French one) is read as it always was, and
 * punctuation and symbols (’ « — € °) separate words in every text.
 */
const ASCII_WORD = /[a-z0-9]+/g;
const OTHER_BLOCKS = "\u0370-\u1fff\u2c00-\u2dff\u3040-\u9fff\ua000-\ud7ff";
const HAS_OTHER = new RegExp(`[${OTHER_BLOCKS}]`);
const ANY_WORD = new RegExp(`[a-z0-9${OTHER_BLOCKS}]+`, "g");
const LETTERS = /[\p{L}\p{N}]+/gu;
/** Snowball's French rules are for Latin letters: a word with others is kept whole. */
const NOT_LATIN = /[^a-z0-9]/;

/** The words of a folded text, before any cut. */
function wordsIn(folded: string): readonly string[] {
  if (!HAS_OTHER.test(folded)) return folded.match(ASCII_WORD) ?? [];
  const words: string[] = [];
  for (const run of folded.match(ANY_WORD) ?? []) {
    if (NOT_LATIN.test(run)) words.push(...(run.match(LETTERS) ?? []));
    else words.push(run);
  }
  return words;
}

/** Whether a folded word is kept as a term (not a stopword, not a lone letter). */
export function isTermWord(folded: string): boolean {
  return folded.length >= TOO_SHORT && !STOPWORDS.has(folded);
}

/** The folded words of a text, in order, stopwords included, each cut at MAX_TERM_LENGTH. */
export function foldedWords(text: string): string[] {
  // Every block read is in the Basic Multilingual Plane: a cut never splits a letter in two.
  return wordsIn(fold(text)).map((w) => w.slice(0, MAX_TERM_LENGTH));
}

/** The terms of a text, in order (stopwords dropped): what is indexed and what is compared. */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const w of foldedWords(text)) if (isTermWord(w)) out.push(stemOf(w));
  return out;
}

/** A word as written in a text, where it is, and the terms it makes (none for a stopword). */
export interface WordSpan {
  start: number;
  end: number;
  /** Shared between spans of the same word (a memo): read, never changed. */
  terms: readonly string[];
}

/**
 * Memo of a word as written → its terms: every search marks words in ten passages and as many
 * headlines, mostly the same few thousand words, and folding one (Unicode normalisation, then
 * replacements) costs more than stemming it. Bounded like `stems`; longer runs than a term are
 * not kept (a hostile 10 KB "word" would only fill it).
 */
const spanTerms = new Map<string, readonly string[]>();

/**
 * The words of a text with their places in it, for highlighting: each run of letters and digits
 * as written, with the terms its folded form makes ("L’Élysée" gives "L" with none and "Élysée"
 * with "elyse").
 */
export function wordSpans(text: string): WordSpan[] {
  const spans: WordSpan[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}\p{M}]+/gu)) {
    const word = m[0];
    let found = spanTerms.get(word);
    if (found === undefined) {
      found = foldedWords(word).filter(isTermWord).map(stemOf);
      if (word.length <= MAX_TERM_LENGTH) {
        if (spanTerms.size >= MEMO_SIZE) spanTerms.clear();
        spanTerms.set(detached(word), found);
      }
    }
    spans.push({ start: m.index, end: m.index + word.length, terms: found });
  }
  return spans;
}
