import { ImportRefused } from "../errors.js";

/**
 * The file's bytes as text, chunk by chunk. WordPress writes UTF-8; older sites and hand-made
 * exports may say ISO-8859-1 or windows-1252 in their XML declaration, or start with a UTF-16
 * byte-order mark. Any other encoding is refused by name; a byte sequence that is not valid in
 * the encoding is refused with its offset (never replaced silently: a name would change).
 */
export class TextChunks {
  private decoder: TextDecoder | undefined;
  /** Bytes read before this chunk. */
  private offset = 0;
  /** New lines before this chunk (for ASCII-compatible encodings). */
  private lines = 0;
  /** The end of the last chunk, a character it began but did not finish (UTF-8). */
  private pending: Uint8Array = new Uint8Array(0);

  constructor(private readonly file: string) {}

  decode(bytes: Uint8Array): string {
    this.decoder ??= new TextDecoder(this.encodingOf(bytes), { fatal: true });
    let text: string;
    try {
      text = this.decoder.decode(bytes, { stream: true });
    } catch {
      throw this.invalid(bytes);
    }
    this.offset += bytes.length;
    if (this.decoder.encoding === "utf-8") this.pending = unfinished(bytes, this.pending);
    if (!this.decoder.encoding.startsWith("utf-16"))
      for (const b of bytes) if (b === 0x0a) this.lines++;
    return text;
  }

  /**
   * The refusal of a chunk with a byte that is not valid, naming that byte's offset in the file
   * (and its line): the chunk's first byte, 256 KB away, sent the operator looking in the wrong
   * place. The chunk's longest prefix that decodes is found by halves.
   */
  private invalid(bytes: Uint8Array): ImportRefused {
    const encoding = this.decoder?.encoding ?? "utf-8";
    const decodes = (length: number) => {
      const probe = new TextDecoder(encoding, { fatal: true });
      try {
        probe.decode(this.pending, { stream: true });
        probe.decode(bytes.subarray(0, length), { stream: true });
        return true;
      } catch {
        return false;
      }
    };
    let good = 0;
    let bad = bytes.length;
    while (bad - good > 1) {
      const mid = (good + bad) >> 1;
      if (decodes(mid)) good = mid;
      else bad = mid;
    }
    // The byte that made it fail may end a sequence begun before it: that sequence is the fault.
    const prefix = bytes.subarray(0, good);
    const begun = encoding === "utf-8" ? unfinished(prefix, this.pending).length : 0;
    const at = this.offset + good - begun;
    let line = this.lines + 1;
    if (!encoding.startsWith("utf-16")) for (const b of prefix) if (b === 0x0a) line++;
    const where = encoding.startsWith("utf-16") ? "" : ` (line ${line})`;
    return new ImportRefused("KIOSQUE_IMPORT_MALFORMED", {
      file: this.file,
      reason: `bytes that are not valid ${encoding} at byte ${at}${where}`,
    });
  }

  end(): string {
    try {
      return this.decoder?.decode() ?? "";
    } catch {
      throw new ImportRefused("KIOSQUE_IMPORT_MALFORMED", {
        file: this.file,
        reason: "the file ends in the middle of a character",
      });
    }
  }

  private encodingOf(start: Uint8Array): string {
    if (start[0] === 0xef && start[1] === 0xbb && start[2] === 0xbf) return "utf-8";
    if (start[0] === 0xff && start[1] === 0xfe) return "utf-16le";
    if (start[0] === 0xfe && start[1] === 0xff) return "utf-16be";
    // The declaration is ASCII in every encoding accepted here.
    const head = Buffer.from(start.subarray(0, 200)).toString("latin1");
    const declared = /^<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head)?.[1];
    const name = (declared ?? "utf-8").toLowerCase();
    if (name === "utf-8" || name === "utf8") return "utf-8";
    // The WHATWG decoder reads ISO-8859-1 as windows-1252, its superset, as browsers do.
    if (["iso-8859-1", "latin1", "iso-8859-15", "windows-1252", "cp1252"].includes(name))
      return name === "iso-8859-15" ? "iso-8859-15" : "windows-1252";
    throw new ImportRefused("KIOSQUE_IMPORT_UNSUPPORTED", {
      file: this.file,
      reason: `encoding "${declared ?? name}" (UTF-8, ISO-8859-1 and windows-1252 are read)`,
    });
  }
}

/** The end of `bytes` (after `before`) that begins a UTF-8 character it does not finish. */
function unfinished(bytes: Uint8Array, before: Uint8Array): Uint8Array {
  const all = bytes.length >= 3 ? bytes : Uint8Array.from([...before, ...bytes]);
  for (let back = 1; back <= Math.min(3, all.length); back++) {
    const b = all[all.length - back] ?? 0;
    if ((b & 0xc0) === 0x80) continue;
    const needs = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return needs > back ? all.subarray(all.length - back) : new Uint8Array(0);
  }
  return new Uint8Array(0);
}
