/**
 * A saved secret as screens show it: never whole. Its last four characters tell two keys apart
 * (which one is saved?) when the key is long enough that four say little of it; a shorter one
 * shows none.
 */
export function maskSecret(value: string): string {
  if (value === "") return "";
  const chars = [...value];
  return chars.length >= 12 ? `••••${chars.slice(-4).join("")}` : "••••";
}
