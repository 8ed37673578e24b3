/**
 * Whether If-None-Match (one ETag, a list, or `*`) names this one. The comparison is the weak
 * one RFC 9110 §13.1.2 prescribes for this header: `W/"x"` names `"x"` too, as a cache in
 * between may have weakened the tag it keeps. `*` names any current representation: a caller
 * that has not yet seen the resource exist says `exists: false`, and only a tag counts.
 */
export function namesEtag(
  header: string | undefined,
  etag: string,
  { exists = true }: { exists?: boolean } = {},
): boolean {
  if (header === undefined) return false;
  const opaque = etag.startsWith("W/") ? etag.slice(2) : etag;
  return header.split(",").some((t) => {
    const tag = t.trim();
    return (exists && tag === "*") || tag === opaque || tag === `W/${opaque}`;
  });
}
