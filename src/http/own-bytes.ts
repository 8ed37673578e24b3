/**
 * Bytes kept for a long time (cached pages, their compressed pieces) in an allocation of their
 * own, of exactly their size. Node hands out small buffers (under half of `Buffer.poolSize`,
 * 64 KiB in Node 24) as slices of a shared slab, and zlib's results and `Buffer.from(text)` are
 * such slices: a kept 3 KB page held its whole 64 KiB slab, and 3,000 cached pages counted as
 * 46 MB held ~196 MB. One copy per render (microseconds) makes the cache's byte bound true.
 */
export function ownBytes(parts: readonly Uint8Array[]): Buffer[] {
  let total = 0;
  for (const p of parts) total += p.length;
  const whole = Buffer.allocUnsafeSlow(total);
  let at = 0;
  return parts.map((p) => {
    whole.set(p, at);
    at += p.length;
    return whole.subarray(at - p.length, at);
  });
}
