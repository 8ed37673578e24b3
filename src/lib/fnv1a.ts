/**
 * FNV-1a over a string's UTF-16 code units, as an unsigned 32-bit number: a quick, well-spread
 * hash where no secrecy is needed (an avatar's colour, a cache's fingerprint of a key). Nothing
 * an attacker could exploit may rest on it: collisions are easy to make on purpose.
 */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}
