import type { TxCtx } from "../../../ctx.js";
import { slugify } from "../../../lib/slug.js";
import { paths } from "../../../web/urls.js";
import { importedArticles } from "../../articles/index.js";
import { redirects } from "../../redirects/index.js";
import * as repo from "../repo.js";
import type { WxrTerm } from "../wxr/model.js";
import { plainText, slugText } from "./fields.js";
import { detached } from "../../../lib/detached.js";
import { shownKey, tooLong } from "./keys.js";
import type { Run } from "./run.js";

/** Kiosque's slug for a WordPress term: its own (decoded) when it makes one, else its name's. */
export const termSlug = (nicename: string, name: string) =>
  slugify(slugText(nicename)) || slugify(plainText(name));

/**
 * A term's nicename, or "" when it is longer than any WordPress slug (keys.ts): then the term is
 * found by its name, as one without a nicename, and the report says so.
 */
function nicename(run: Run, raw: string, name: string): string {
  if (!tooLong(raw, "slug")) return raw;
  run.report.look(
    `term ${plainText(name).slice(0, 80)}: its nicename, ${shownKey(raw)}, is longer than WordPress's slugs: found by its name`,
  );
  return "";
}

/** `/category/parent/child` as WordPress builds it from the parents' slugs. */
function categoryPath(run: Run, slug: string): string {
  const chain = [slug];
  for (
    let p = run.categoryParents.get(slug);
    p && chain.length < 20 && !chain.includes(p);
    p = run.categoryParents.get(p)
  )
    chain.unshift(p);
  const path = `/category/${chain.map(encodeURIComponent).join("/")}`;
  // Twenty parents of long slugs: no old address, the index of redirects would refuse it.
  return tooLong(path, "address") ? `/category/${encodeURIComponent(slug)}` : path;
}

/**
 * A category becomes a section, a tag a tag, found by slug (a term listed twice is one). Sections
 * are flat in Kiosque: a child category is a section of its own, its parent noted in the report,
 * and `/category/parent/child/` answers 301 to it.
 */
export async function sectionFor(
  run: Run,
  tx: TxCtx,
  changed: (...keys: string[]) => void,
  term: { nicename: string; name: string; description?: string; id?: string },
): Promise<number> {
  const cacheKey = `category\u0000${term.nicename}\u0000${term.name}`;
  const cached = run.terms.get(cacheKey);
  if (cached !== undefined) return cached;
  term = { ...term, nicename: nicename(run, term.nicename, term.name) };
  const slug = termSlug(term.nicename, term.name);
  const id = await importedArticles.ensureSection(tx, changed, {
    slug,
    name: plainText(term.name) || slug,
    description: plainText(term.description ?? ""),
  });
  const key = slugText(term.nicename) || slug;
  if ((await repo.mappedOne(tx.db, "category", key)) === undefined) {
    await repo.remember(tx.db, [{ kind: "category", wp_id: key, kiosque_id: id }]);
    const from = [categoryPath(run, key), `/category/${encodeURIComponent(key)}`];
    if (term.id) from.push(`/?cat=${term.id}`);
    const real = (await importedArticles.sectionSlug(tx, id)) ?? slug;
    await redirects.record(
      tx,
      from.map((f) => ({ from: f, to: paths.category(real) })),
    );
    run.report.imported("sections (from categories)");
  }
  run.terms.set(detached(cacheKey), id);
  return id;
}

export async function tagFor(
  run: Run,
  tx: TxCtx,
  term: { nicename: string; name: string },
): Promise<number | undefined> {
  const cacheKey = `tag\u0000${term.nicename}\u0000${term.name}`;
  if (run.terms.has(cacheKey)) return run.terms.get(cacheKey);
  term = { ...term, nicename: nicename(run, term.nicename, term.name) };
  const slug = termSlug(term.nicename, term.name);
  const id = await importedArticles.ensureTag(tx, slug, plainText(term.name));
  run.terms.set(detached(cacheKey), id);
  if (id === undefined) return undefined;
  const key = slugText(term.nicename) || slug;
  if ((await repo.mappedOne(tx.db, "tag", key)) === undefined) {
    await repo.remember(tx.db, [{ kind: "tag", wp_id: key, kiosque_id: id }]);
    await redirects.record(tx, [
      { from: `/tag/${encodeURIComponent(key)}`, to: paths.tag(slug) },
      { from: `/?tag=${encodeURIComponent(key)}`, to: paths.tag(slug) },
    ]);
    run.report.imported("tags");
  }
  return id;
}

/** A term of the export's list (pass 2), in the caller's transaction. */
export async function importTerm(
  run: Run,
  tx: TxCtx,
  changed: (...keys: string[]) => void,
  term: WxrTerm,
): Promise<void> {
  const { report } = run;
  if (term.taxonomy !== "category" && term.taxonomy !== "post_tag") {
    report.skipped(`terms of taxonomy ${term.taxonomy || "(none)"}`);
    return;
  }
  const kind = term.taxonomy === "category" ? "category" : "tag";
  term = { ...term, slug: nicename(run, term.slug, term.name) };
  const key = slugText(term.slug) || termSlug(term.slug, term.name);
  if (!key) {
    report.skipped(`${kind} without a name`);
    return;
  }
  if (run.seenTerms.has(`${kind}:${key}`)) {
    report.skipped(`${kind === "category" ? "categories" : "tags"} listed twice (imported once)`);
    return;
  }
  run.seenTerms.add(`${kind}:${key}`);
  if (await repo.mappedOne(tx.db, kind, key)) {
    report.already(kind === "category" ? "sections" : "tags");
    return;
  }
  if (kind === "category") {
    await sectionFor(run, tx, changed, {
      nicename: term.slug,
      name: term.name,
      description: term.description,
      id: term.id,
    });
    if (term.parent)
      report.look(
        `category ${plainText(term.name)} was under ${shownKey(term.parent)}: sections are flat, it is a section of its own`,
      );
  } else await tagFor(run, tx, { nicename: term.slug, name: term.name });
}
