/**
 * The whole field's value for each suggested tag: what is typed before the last comma, then the
 * tag. Tags already in the field are not offered again.
 */
export function completions(value: string, names: readonly string[]): string[] {
  const cut = value.lastIndexOf(",");
  const head = cut < 0 ? "" : `${value.slice(0, cut + 1)} `;
  const already = new Set(
    value
      .slice(0, Math.max(0, cut))
      .split(",")
      .map((s) => s.trim().toLowerCase()),
  );
  return names.filter((n) => !already.has(n.toLowerCase())).map((n) => `${head}${n}`);
}
