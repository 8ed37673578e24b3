import { foldedWords, isTermWord, stemOf, terms } from "../../lib/french-text.js";

/**
 * What a reader typed, read into our own terms: never passed to an engine's query syntax as
 * typed. Quoted runs are phrases; an unbalanced quote is only a character. Anything else that is
 * not a letter or a digit (`*`, `-`, `:`, parentheses, NEAR, OR as words) is plain text.
 */
export interface ParsedQuery {
  /** Each word's term, with the folded word (its length decides on typo tolerance). */
  words: { term: string; folded: string }[];
  /** Phrases of two terms or more, in order. */
  phrases: string[][];
}

/** Reading stops here: a 10 KB query is read as its first thousand characters. */
export const MAX_QUERY_LENGTH = 1000;
/** Words and phrases a query may hold: enough for any question, bounded for the engine. */
const MAX_WORDS = 8;
const MAX_PHRASES = 3;
const MAX_PHRASE_TERMS = 8;

export function parseQuery(q: string): ParsedQuery {
  const text = q.slice(0, MAX_QUERY_LENGTH);
  const words: ParsedQuery["words"] = [];
  const phrases: string[][] = [];
  const seen = new Set<string>();
  const addWords = (part: string) => {
    for (const folded of foldedWords(part)) {
      if (!isTermWord(folded)) continue;
      const term = stemOf(folded);
      if (seen.has(term) || words.length >= MAX_WORDS) continue;
      seen.add(term);
      words.push({ term, folded });
    }
  };
  // Quotes as readers type them: straight, curly, French guillemets.
  const parts = text.split(/["“”«»]/);
  parts.forEach((part, i) => {
    // Odd parts are inside quotes, unless the last quote was never closed.
    const quoted = i % 2 === 1 && i < parts.length - 1;
    if (!quoted) return addWords(part);
    const phrase = terms(part).slice(0, MAX_PHRASE_TERMS);
    if (phrase.length >= 2 && phrases.length < MAX_PHRASES) phrases.push(phrase);
    else addWords(part);
  });
  return { words, phrases };
}

/** True when nothing in the query can match: no word, no phrase. */
export function isEmptyQuery(p: ParsedQuery): boolean {
  return p.words.length === 0 && p.phrases.length === 0;
}

/**
 * A query as the engines are asked it: every group must match (AND), a group by any of its
 * terms (OR: a word and the words one typo away); every phrase must match, its terms in a row;
 * `prefix`, when set, matches any term it begins (the last word typed into the search box).
 */
export interface Match {
  groups: string[][];
  phrases: string[][];
  prefix?: string;
}

/** Every term a match may find, for highlighting. */
export function matchTerms(m: Match): Set<string> {
  return new Set([...m.groups.flat(), ...m.phrases.flat()]);
}
