import { ImportRefused } from "../errors.js";

/**
 * The file's bytes as text, chunk by chunk. WordPress writes UTF-8; older sites and hand-made
 * exports may say ISO-8859-1 or windows-1252 in their XML declaration, or start with a UTF-16
 * byte-order mark. Any other encoding is refused by name; a byte sequence that is not valid in
 * the encoding is refused with its offset (never replaced silently: a name would change).
 */
export class TextChunks {
  private decoder: TextDecoder | undefined;
  private offset = 0;

  constructor(private readonly file: string) {}

  decode(bytes: Uint8Array): string {
    this.decoder ??= new TextDecoder(this.encodingOf(bytes), { fatal: true });
    try {
      const text = this.decoder.decode(bytes, { stream: true });
      this.offset += bytes.length;
      return text;
    } catch {
      throw new ImportRefused("KIOSQUE_IMPORT_MALFORMED", {
        file: this.file,
        reason: `bytes that are not valid ${this.decoder.encoding} after byte ${this.offset}`,
      });
    }
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
