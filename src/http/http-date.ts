/**
 * A timestamp header's value (RFC 9110 §5.6.7) in milliseconds, or undefined when it is not an
 * HTTP-date. JavaScript's Date.parse reads almost anything ("3000" is the year 3000), so the
 * three forms a recipient must accept are matched first: IMF-fixdate, RFC 850's and asctime's.
 */
const DAY = "(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)";
const LONG_DAY = "(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
const MONTH = "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)";
const TIME = "\\d\\d:\\d\\d:\\d\\d";
const HTTP_DATE = new RegExp(
  `^(?:${DAY}, \\d\\d ${MONTH} \\d{4} ${TIME} GMT` +
    `|${LONG_DAY}, \\d\\d-${MONTH}-\\d\\d ${TIME} GMT` +
    `|${DAY} ${MONTH} [ \\d]\\d ${TIME} \\d{4})$`,
);

export function parseHttpDate(value: string): number | undefined {
  if (!HTTP_DATE.test(value)) return undefined;
  // asctime's form names no zone: it is GMT, which Date.parse would not assume.
  const at = Date.parse(value.endsWith("GMT") ? value : `${value} GMT`);
  return Number.isFinite(at) ? at : undefined;
}
