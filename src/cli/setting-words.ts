import type { Problem } from "../lib/errors.js";
import { choicesOf, kindOf, type SettingKey } from "../modules/settings/index.js";

/**
 * What a refused value of a setting needs, said for `kiosque settings set`, where it is typed as
 * JSON or text: the screens' words ("a single text value", "not accepted") fit a form's field and
 * misled here (a list asked for "a single text"). Undefined where the screens' English words fit
 * (a number out of bounds, a key's letters and digits).
 */
export function settingProblem(key: SettingKey, p: Problem): string | undefined {
  const kind = kindOf(key);
  if (p.problem === "noKey")
    return `no key is saved: set one with \`kiosque settings set ${key} KEY\`.`;
  if (kind === "list") {
    if (p.problem === "tooManyLines") return `${p.limit ?? 0} entries at most.`;
    if (p.problem === "lineTooLong") return `each entry: ${p.limit ?? 0} characters at most.`;
    if (p.problem === "notText" || p.problem === "choice")
      return `this setting takes a JSON list of texts, none empty, for example '["casino","viagra"]' (quoted for the shell as shown).`;
  }
  if (p.problem !== "choice") return undefined;
  if (kind === "choice") return `this setting takes one of: ${choicesOf(key).join(", ")}.`;
  if (kind === "boolean") return "this setting takes true or false.";
  if (kind === "zone")
    return "this setting takes a time zone's name, for example Europe/Paris or America/New_York.";
  return undefined;
}
