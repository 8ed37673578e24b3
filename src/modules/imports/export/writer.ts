import fs from "node:fs";
import { once } from "node:events";

/**
 * A WXR file written as it goes: each piece is handed to the file stream, waiting when its
 * buffer is full, so memory stays bounded however large the site. Written to a temporary name
 * and renamed at the end: a cut export never sits under the asked name.
 */
export class XmlFile {
  private readonly out: fs.WriteStream;
  private readonly temp: string;

  constructor(private readonly file: string) {
    this.temp = `${file}.${process.pid}.tmp`;
    this.out = fs.createWriteStream(this.temp, { flags: "wx", mode: 0o600 });
  }

  async write(text: string): Promise<void> {
    if (!this.out.write(text)) await once(this.out, "drain");
  }

  async close(): Promise<void> {
    this.out.end();
    await once(this.out, "finish");
    await fs.promises.rename(this.temp, this.file);
  }

  async abandon(): Promise<void> {
    this.out.destroy();
    await fs.promises.rm(this.temp, { force: true });
  }
}

// Characters XML 1.0 cannot carry at all, even escaped.
// eslint-disable-next-line no-control-regex -- removing them is the point
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|\p{Cs}/gu;

/** Text in a CDATA section, as WordPress writes it (`]]>` split across two sections). */
export const cdata = (text: string) =>
  `<![CDATA[${text.replace(NOT_XML, "").replace(/]]>/g, "]]]]><![CDATA[>")}]]>`;

export const escapeXml = (text: string) =>
  text
    .replace(NOT_XML, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");

/** `<name>text</name>` with the text in CDATA. */
export const el = (name: string, text: string | number) =>
  typeof text === "number" ? `<${name}>${text}</${name}>` : `<${name}>${cdata(text)}</${name}>`;

/** WordPress's date columns: `2024-03-05 10:00:00`. */
export const sqlDate = (d: Date) => d.toISOString().slice(0, 19).replace("T", " ");
