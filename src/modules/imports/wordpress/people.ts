import type { TxCtx } from "../../../ctx.js";
import { slugify } from "../../../lib/slug.js";
import { paths } from "../../../web/urls.js";
import { accounts } from "../../accounts/index.js";
import { redirects } from "../../redirects/index.js";
import * as repo from "../repo.js";
import { clean, plainText } from "./fields.js";
import { detached } from "../../../lib/detached.js";
import { KEY_MAX, shownKey, tooLong } from "./keys.js";
import type { Run } from "./run.js";

/** An address WordPress allowed but Kiosque's accounts would refuse gets a placeholder. */
function emailFor(login: string, email: string): string {
  const e = email.trim().toLowerCase();
  if (accounts.isEmail(e)) return e;
  return `${slugify(login) || "auteur"}@import.invalid`;
}

/**
 * The account of a WordPress login: the one imported before, else one made now (role author, no
 * password), in the caller's transaction. The cache is the run's: a failed transaction ends the
 * run, so it never names an account that was rolled back.
 */
export async function personFor(run: Run, tx: TxCtx, login: string): Promise<number> {
  const { report } = run;
  let key = clean(login).trim() || "wordpress";
  if (tooLong(key, "login")) {
    // No WordPress login (keys.ts): its posts go to the import's own byline, said once.
    const said = `\u0000${shownKey(key)}`;
    if (!run.people.has(said)) {
      report.look(
        `author ${shownKey(key)}: a login longer than WordPress's ${KEY_MAX.login} characters: its posts are filed under "wordpress"`,
      );
      run.people.set(detached(said), 0);
    }
    key = "wordpress";
  }
  const cached = run.people.get(key);
  if (cached !== undefined) return cached;
  const before = await repo.mappedOne(tx.db, "author", key);
  if (before) {
    run.people.set(detached(key), before.kiosque_id);
    return before.kiosque_id;
  }
  const a = run.authors.get(key);
  const name =
    plainText(a?.displayName ?? "") ||
    plainText(`${a?.firstName ?? ""} ${a?.lastName ?? ""}`) ||
    key;
  const id = await (async () => {
    const made = await accounts.accountForImport(tx, {
      email: emailFor(key, a?.email ?? ""),
      name,
      bio: plainText(a?.description ?? ""),
      slug: key,
    });
    await repo.remember(tx.db, [{ kind: "author", wp_id: key, kiosque_id: made.id }]);
    const slug = made.slug;
    if (slug) {
      const from = [`/author/${encodeURIComponent(key)}`];
      if (a?.id) from.push(`/?author=${a.id}`);
      await redirects.record(
        tx,
        from.map((f) => ({ from: f, to: paths.author(slug) })),
      );
    }
    if (made.created) report.imported("authors (accounts without a password)");
    else report.look(`author ${key}: mapped to the existing account with the same e-mail`);
    return made.id;
  })();
  run.people.set(detached(key), id);
  return id;
}
