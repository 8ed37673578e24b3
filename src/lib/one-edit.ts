/**
 * Whether `a` becomes `b` with at most one edit: a letter inserted, removed, replaced, or two
 * neighbours swapped (Damerau's transposition: "sécheresse" typed "sécehresse"). A bounded check
 * in one pass, not a distance: search asks it of a few thousand vocabulary words per query word.
 */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    // Replaced at i, or i and i+1 swapped; the rest must then agree.
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  // One letter more on one side, at i.
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
