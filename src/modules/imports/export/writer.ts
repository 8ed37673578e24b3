import fs from "node:fs";
import path from "node:path";
import { once } from "node:events";
import { xmlChars } from "../../../lib/xml-text.js";
import { ImportRefused } from "../errors.js";

/**
 * A WXR file written as it goes: each piece is handed to the file stream, waiting when its
 * buffer is full, so memory stays bounded however large the site. Written to a temporary name
 * and renamed at the end: a cut export never sits under the asked name.
 */
export class XmlFile {
  private readonly out: fs.WriteStream;
  private readonly temp: string;
  private failed: Error | undefined;

  /** Refuses a file that exists: an export never writes over one. */
  static async create(file: string): Promise<XmlFile> {
    // "" passed every check below, and the export failed at its very end, renaming to nothing.
    if (file.trim() === "")
      throw new ImportRefused("KIOSQUE_EXPORT_UNWRITABLE", { file, reason: "no file named" });
    const taken = await fs.promises.lstat(file).then(
      () => true,
      () => false,
    );
    if (taken)
      throw new ImportRefused("KIOSQUE_EXPORT_UNWRITABLE", { file, reason: "the file exists" });
    // Said before anything is read, as a backup does: a folder missing or not this user's.
    await fs.promises.access(path.dirname(file), fs.constants.W_OK).catch((error: Error) => {
      throw new ImportRefused("KIOSQUE_EXPORT_UNWRITABLE", { file, reason: error.message });
    });
    return new XmlFile(file);
  }

  private constructor(private readonly file: string) {
    this.temp = `${file}.${process.pid}.tmp`;
    this.out = fs.createWriteStream(this.temp, { flags: "wx", mode: 0o600 });
    // A folder that does not exist or cannot be written: said at the next write, or at close.
    this.out.on("error", (error) => {
      this.failed = error;
    });
  }

  private check(): void {
    if (this.failed)
      throw new ImportRefused("KIOSQUE_EXPORT_UNWRITABLE", {
        file: this.file,
        reason: this.failed.message,
      });
  }

  async write(text: string): Promise<void> {
    this.check();
    if (!this.out.write(text)) {
      // `once` rejects with the stream's error: kept, and said as every other failure to write.
      // The one that loses the race MUST be removed (aborted): each full buffer left a "close"
      // and an "error" listener behind, and Node warned of a leak past ten.
      const settled = new AbortController();
      const { signal } = settled;
      await Promise.race([once(this.out, "drain", { signal }), once(this.out, "close", { signal })])
        .catch((error: Error) => void (this.failed ??= error))
        .finally(() => settled.abort());
    }
    this.check();
  }

  async close(): Promise<void> {
    this.check();
    this.out.end();
    await once(this.out, "close");
    this.check();
    await fs.promises.rename(this.temp, this.file).catch(async (error: Error) => {
      await fs.promises.rm(this.temp, { force: true });
      throw new ImportRefused("KIOSQUE_EXPORT_UNWRITABLE", {
        file: this.file,
        reason: error.message,
      });
    });
  }

  async abandon(): Promise<void> {
    this.out.destroy();
    await fs.promises.rm(this.temp, { force: true });
  }
}

/** Text in a CDATA section, as WordPress writes it (`]]>` split across two sections). */
export const cdata = (text: string) =>
  `<![CDATA[${xmlChars(text).replace(/]]>/g, "]]]]><![CDATA[>")}]]>`;

/** `<name>text</name>` with the text in CDATA. */
export const el = (name: string, text: string | number) =>
  typeof text === "number" ? `<${name}>${text}</${name}>` : `<${name}>${cdata(text)}</${name}>`;

/** WordPress's date columns: `2024-03-05 10:00:00`. */
export const sqlDate = (d: Date) => d.toISOString().slice(0, 19).replace("T", " ");
