import type { Kysely } from "kysely";
import type { Tables } from "../../db/schema.js";

/**
 * A headline's words as the newsroom's search looks them up (`article_title_words`): accents
 * folded and lower case, so "ecole" finds « École »; split on anything but letters and digits.
 * Bounded, so a hostile headline costs a few rows, not thousands. Migration 017 holds a frozen
 * copy of this folding for the headlines it indexed.
 */
const WORD_MAX = 40;
const WORDS_MAX = 60;

function folded(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/\p{Cf}/gu, "")
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase();
}

export function titleWords(title: string): string[] {
  const words = folded(title)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== "");
  return [...new Set(words.map((w) => [...w].slice(0, WORD_MAX).join("")))].slice(0, WORDS_MAX);
}

/** A typed word's rows: those starting with it from 3 letters on ("conseil" → "conseils"). */
export interface WordRange {
  from: string;
  /** Exclusive; undefined for an exact match. */
  to: string | undefined;
}

/** Words a search of the headlines uses at most: more narrows nothing a person types. */
const QUERY_WORDS_MAX = 8;
const PREFIX_FROM = 3;

export function queryWordRanges(typed: string): WordRange[] {
  return titleWords(typed)
    .slice(0, QUERY_WORDS_MAX)
    .map((word) => {
      const chars = [...word];
      if (chars.length < PREFIX_FROM) return { from: word, to: undefined };
      // Both engines compare the words code point by code point (SQLite's binary collation,
      // PostgreSQL's "C" on UTF-8), so the next code point after the last bounds the prefix.
      const last = chars.pop()?.codePointAt(0) ?? 0;
      return { from: word, to: chars.join("") + String.fromCodePoint(last + 1) };
    });
}

/** Replaces an article's headline words: called wherever a headline is written. */
export async function indexTitle(db: Kysely<Tables>, articleId: number, title: string) {
  await db.deleteFrom("article_title_words").where("article_id", "=", articleId).execute();
  const words = titleWords(title);
  if (words.length === 0) return;
  await db
    .insertInto("article_title_words")
    .values(words.map((word) => ({ word, article_id: articleId })))
    .execute();
}
