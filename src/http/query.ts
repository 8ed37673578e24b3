import { parse } from "node:querystring";

/**
 * A query string with each name's first value. Repeated names (`?q=a&q=b`, from a bookmarklet, a
 * tracker appending its own, a hand-edited URL) made a list that no route's schema takes: a 400
 * for a search, a filter, a page. Node's own parser, as Fastify's default reads: `+` is a
 * blank, a broken %-escape is kept as typed. Its result holds no prototype.
 */
export function firstOfEach(query: string): Record<string, string> {
  const parsed = parse(query);
  const first: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const name of Object.keys(parsed)) {
    const value = parsed[name];
    first[name] = Array.isArray(value) ? (value[0] ?? "") : (value ?? "");
  }
  return first;
}
