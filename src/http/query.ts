/**
 * Names read from one query string or form body: as many as any form of ours has, several times
 * over. A body at the size limit could name 100,000 fields; past these, the rest is not read.
 */
const MAX_NAMES = 1000;

/**
 * The fields of a query string or an `application/x-www-form-urlencoded` body, by the URL
 * standard's parser (URLSearchParams), as browsers encode them: `+` is a blank, a broken
 * %-escape stays as typed, and %-escaped bytes that are not UTF-8 become U+FFFD. The parsers
 * before this one kept `%ED%A0%80` as those nine characters, which were then stored as a title
 * nobody typed, past the check for lone surrogates. Each name holds its first value, or `every`
 * of them; the result holds no prototype.
 */
function fields(text: string, every: boolean): Record<string, string | string[]> {
  const out = Object.create(null) as Record<string, string | string[]>;
  let names = 0;
  for (const [name, value] of new URLSearchParams(text)) {
    const known = out[name];
    if (known === undefined) {
      if (++names > MAX_NAMES) break;
      out[name] = value;
    } else if (every) {
      out[name] = Array.isArray(known) ? [...known, value] : [known, value];
    }
  }
  return out;
}

/**
 * A query string with each name's first value. Repeated names (`?q=a&q=b`, from a bookmarklet, a
 * tracker appending its own, a hand-edited URL) made a list that no route's schema takes: a 400
 * for a search, a filter, a page.
 */
export function firstOfEach(query: string): Record<string, string> {
  return fields(query, false) as Record<string, string>;
}

/** A posted form: a repeated name (checkboxes, a multiple select) gives the list of its values. */
export function formFields(body: string): Record<string, string | string[]> {
  return fields(body, true);
}
