import { parseArgs, type ParseArgsConfig } from "node:util";

/** Small argument helpers shared by the bench's two commands (node:util parseArgs gives strings). */

/** A mistake on the command line: the command prints its usage after the message. */
export class UsageError extends Error {
  override name = "UsageError";
}

export function wholeNumber(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  // Accept 100_000 and 100,000 as people write them.
  const cleaned = value.replace(/[_,]/g, "");
  if (!/^[0-9]{1,12}$/.test(cleaned)) throw new UsageError(`--${name}: expected a whole number`);
  return Number(cleaned);
}

export function oneOf<T extends string>(
  name: string,
  value: string | undefined,
  allowed: readonly T[],
  fallback: T,
): T {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value))
    throw new UsageError(`--${name}: one of ${allowed.join(", ")}`);
  return value as T;
}

/** 1234567 → "1,234,567": figures people read at a glance. */
export const thousands = (n: number, digits = 0) =>
  n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** node:util parseArgs, strict, with its complaints turned into UsageError. */
export function parseOptions<T extends NonNullable<ParseArgsConfig["options"]>>(options: T) {
  try {
    return parseArgs({ options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}
