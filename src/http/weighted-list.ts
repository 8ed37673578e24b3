/**
 * A header that lists names with weights (Accept, Accept-Encoding: RFC 9110 §12.4.2): each name,
 * lower-cased, with its weight, 1 when none is given or when it does not read as one (0 to 1,
 * three decimals at most). The first mention of a name counts. Headers sent twice are one list.
 */
export function weightedList(header: string | string[] | undefined): Map<string, number> {
  const list = Array.isArray(header) ? header.join(",") : (header ?? "");
  const weights = new Map<string, number>();
  for (const item of list.split(",")) {
    const [name = "", ...params] = item.split(";").map((s) => s.trim().toLowerCase());
    if (name === "" || weights.has(name)) continue;
    let weight = 1;
    for (const p of params) {
      const m = /^q\s*=\s*([01](?:\.\d{0,3})?)$/.exec(p);
      if (m) weight = Number(m[1]);
    }
    weights.set(name, weight);
  }
  return weights;
}
