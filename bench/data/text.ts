import type { Prng } from "./prng.js";
import {
  COMMENT_OPENERS,
  COMPLEMENTS,
  FIRST_NAMES,
  LAST_NAMES,
  OBJECTS,
  QUOTES,
  SUBJECTS,
  VERBS,
} from "./words.js";

const capitalize = (s: string) => s.charAt(0).toLocaleUpperCase("fr") + s.slice(1);

export function sentence(r: Prng): string {
  const complement = r.chance(0.6) ? ` ${r.pick(COMPLEMENTS)}` : "";
  return `${capitalize(r.pick(SUBJECTS))} ${r.pick(VERBS)} ${r.pick(OBJECTS)}${complement}.`;
}

export function headline(r: Prng): string {
  return `${capitalize(r.pick(SUBJECTS))} ${r.pick(VERBS)} ${r.pick(OBJECTS)}`;
}

function paragraph(r: Prng): string {
  const parts: string[] = [];
  const n = r.int(3, 6);
  for (let i = 0; i < n; i++) parts.push(r.chance(0.15) ? r.pick(QUOTES) : sentence(r));
  return `<p>${parts.join(" ")}</p>`;
}

/** Body sizes of a real news article, in bytes of HTML. */
const BODY_MIN = 2048;
const BODY_MAX = 4096;

/**
 * Article bodies built from a pool of paragraphs drawn once: 100,000 bodies of 3 KB each cost
 * a few hundred milliseconds instead of seconds, and still differ from one article to the next.
 */
export function bodyMaker(r: Prng, poolSize = 500): (r: Prng) => string {
  const pool = Array.from({ length: poolSize }, () => paragraph(r));
  return (pick) => {
    const target = pick.int(BODY_MIN, BODY_MAX);
    let html = "";
    while (html.length < target) html += pick.pick(pool);
    return html;
  };
}

export function commentBody(r: Prng): string {
  let text = r.pick(COMMENT_OPENERS);
  const more = r.int(0, 2);
  for (let i = 0; i < more; i++) text += ` ${sentence(r)}`;
  return text;
}

export function personName(r: Prng): string {
  return `${r.pick(FIRST_NAMES)} ${r.pick(LAST_NAMES)}`;
}
