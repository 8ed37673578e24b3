import { fnv1a } from "../lib/fnv1a.js";

/** 2^16 slots of 4 bytes: 256 KB, whatever is asked. */
const SLOT_BITS = 16;

/**
 * Keys asked for lately, for the page cache to keep a page from its second render on (decision
 * 024): a fixed table of 32-bit fingerprints, one slot per fingerprint's low bits. Its size never
 * grows: a key whose slot another takes is forgotten, and is asked for twice again before it is
 * kept. Two keys with one fingerprint count as one; at worst a page asked once is kept, which is
 * what every page was before.
 */
export class SeenKeys {
  readonly #slots = new Uint32Array(1 << SLOT_BITS);

  /** Whether `key` was noted before (and its slot kept it since); notes it either way. */
  seen(key: string): boolean {
    // 0 marks a slot never written: no fingerprint is 0.
    const print = fnv1a(key) || 1;
    const slot = print & ((1 << SLOT_BITS) - 1);
    if (this.#slots[slot] === print) return true;
    this.#slots[slot] = print;
    return false;
  }
}
