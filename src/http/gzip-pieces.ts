import { promisify } from "node:util";
import zlib from "node:zlib";
import { ownBytes } from "./own-bytes.js";

/**
 * A gzip body assembled from separately compressed pieces, so that a reader's page (everyone's
 * cached page with a few small parts of theirs spliced in) costs the compression of those parts
 * only. Each piece is a raw deflate stream ended by a sync flush (byte-aligned, not final, no
 * reference outside itself); one after another they are one valid deflate stream, which an empty
 * final block closes. The CRC-32 of the whole is combined from the pieces' own (zlib's
 * crc32_combine), without reading the bytes again.
 */
export interface Piece {
  deflated: Buffer;
  crc: number;
  length: number;
}

const deflateRaw = promisify(zlib.deflateRaw);
const SYNC = { finishFlush: zlib.constants.Z_SYNC_FLUSH };

/**
 * A large, shared piece: compressed once, as well as a page (gzip's default level), and kept with
 * its page in bytes of its own (http/own-bytes.ts).
 */
export async function bigPiece(bytes: Buffer): Promise<Piece> {
  const [deflated] = ownBytes([await deflateRaw(bytes, { ...SYNC, level: 6 })]) as [Buffer];
  return {
    deflated,
    crc: zlib.crc32(bytes),
    length: bytes.length,
  };
}

/** The most a stored deflate block holds. */
const STORED_MAX = 0xffff;

/**
 * A reader's small part (their form, a held comment: a few KB), for one answer: stored as is in
 * deflate's stored blocks, written here. Compressing it would save a few KB and cost a
 * compressor's set-up (~256 KB of state) on every answer.
 */
export function smallPiece(bytes: Buffer): Piece {
  const blocks: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += STORED_MAX) {
    const chunk = bytes.subarray(at, at + STORED_MAX);
    const head = Buffer.alloc(5);
    head[0] = 0; // not the last block; stored
    head.writeUInt16LE(chunk.length, 1);
    head.writeUInt16LE(~chunk.length & 0xffff, 3);
    blocks.push(head, chunk);
  }
  return { deflated: Buffer.concat(blocks), crc: zlib.crc32(bytes), length: bytes.length };
}

/** The header of a gzip member: deflate, no name, no time, unknown OS (RFC 1952). */
const HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
/** An empty final block with fixed codes: the end of the deflate stream. */
const LAST_BLOCK = Buffer.from([0x03, 0x00]);

export function gzipOf(pieces: readonly Piece[]): Buffer {
  let crc = 0;
  let length = 0;
  for (const p of pieces) {
    crc = crc32Combine(crc, p.crc, p.length);
    length += p.length;
  }
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE(length % 2 ** 32, 4);
  return Buffer.concat([HEADER, ...pieces.map((p) => p.deflated), LAST_BLOCK, trailer]);
}

// crc32_combine from zlib (crc32.c, the GF(2) matrix method): the CRC of A followed by B from
// crc(A), crc(B) and B's length. The operators for 2^k zero bytes are computed once, at start.
function gf2Times(mat: Uint32Array, vec: number): number {
  let sum = 0;
  for (let i = 0; vec !== 0; i++, vec >>>= 1) if (vec & 1) sum ^= mat[i] ?? 0;
  return sum >>> 0;
}

function gf2Square(mat: Uint32Array): Uint32Array {
  const square = new Uint32Array(32);
  for (let n = 0; n < 32; n++) square[n] = gf2Times(mat, mat[n] ?? 0);
  return square;
}

/** ZEROS[k]: the operator that appends 2^k zero bytes to a CRC. */
const ZEROS: readonly Uint32Array[] = (() => {
  let op: Uint32Array = new Uint32Array(32);
  op[0] = 0xedb88320; // the CRC-32 polynomial, reflected: the operator for one zero bit
  for (let n = 1, row = 1; n < 32; n++, row <<= 1) op[n] = row >>> 0;
  for (let i = 0; i < 3; i++) op = gf2Square(op); // 8 bits: one zero byte
  const ops = [op];
  for (let k = 1; k < 32; k++) ops.push((op = gf2Square(op)));
  return ops;
})();

export function crc32Combine(crc1: number, crc2: number, len2: number): number {
  let c = crc1 >>> 0;
  for (let k = 0, len = len2; len > 0; k++, len = Math.floor(len / 2))
    if (len % 2 === 1) c = gf2Times(ZEROS[k] as Uint32Array, c);
  return (c ^ crc2) >>> 0;
}
