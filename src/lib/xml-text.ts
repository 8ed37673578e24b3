// What XML 1.0 cannot carry at all, even escaped: C0 controls but tab and new lines, U+FFFE and
// U+FFFF, lone surrogates. One of them anywhere makes a whole feed or sitemap unreadable.
// eslint-disable-next-line no-control-regex -- removing them is the point
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|\p{Cs}/gu;

/** Text without the characters XML cannot carry (forms refuse them; older rows may hold one). */
export const xmlChars = (text: string): string => text.replace(NOT_XML, "");

/** Text as XML character data or an attribute's value: the five reserved characters escaped. */
export const escapeXml = (text: string): string =>
  xmlChars(text)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
