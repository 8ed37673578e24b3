import type { Ctx, TxCtx } from "../../../ctx.js";
import { changeKeys } from "../../../lib/change-keys.js";
import { Forbidden, Invalid, NotFound } from "../../../lib/errors.js";
import { FormReader, type RawForm } from "../../../lib/form-fields.js";
import { slugify } from "../../../lib/slug.js";
import { paths, type FeedFormat } from "../../../web/urls.js";
import { canManageSections, canWriteArticles, type Actor } from "../../accounts/index.js";
import { audit } from "../../audit/index.js";
import { redirects } from "../../redirects/index.js";
import * as articlesRepo from "../repo.js";

export interface Section {
  id: number;
  slug: string;
  name: string;
  description: string;
  /** Its place in the menu, smallest first (sections of one place go by name). */
  position: number;
  /** In the site's menu and on the home page; its page answers either way. */
  inMenu: boolean;
}

const NAME_MAX = 80;
const DESCRIPTION_MAX = 500;
/** Places in the menu: more than a site has sections, few enough to type. */
const POSITION_MAX = 9999;

/** A section's own addresses: its page and its feeds. */
const FEEDS: readonly FeedFormat[] = ["rss", "atom", "json"];
const addresses = (slug: string) => [
  paths.category(slug),
  ...FEEDS.map((format) => paths.feeds.category(slug, format)),
];

/**
 * A section's addresses now lead elsewhere (its slug changed, or it was merged into another):
 * each old one answers 301 to its counterpart, as do the old addresses that led to it.
 */
async function moveAddresses(tx: TxCtx, from: string, to: string): Promise<void> {
  const [old, now] = [addresses(from), addresses(to)];
  for (const [i, address] of old.entries()) await redirects.move(tx, address, now[i] as string);
}

/** Every section, in the site's order: for the forms' choices and the sections page. */
export async function sections(ctx: Ctx): Promise<Section[]> {
  return (await articlesRepo.listCategories(ctx.db)).map((c) => ({
    id: c.id,
    slug: c.slug,
    name: c.name,
    description: c.description,
    position: c.position,
    inMenu: c.in_menu === 1,
  }));
}

function readSection(raw: RawForm) {
  const f = new FormReader(raw);
  const name = f.text("name", { required: true, max: NAME_MAX });
  const typedSlug = f.text("slug", { max: NAME_MAX });
  const description = f.text("description", { max: DESCRIPTION_MAX, multiline: true });
  const slug = slugify(typedSlug || name);
  // On the address field even when the name made it: that is where the person types one.
  if (!f.problems.name && !f.problems.slug && !slug) f.refuse("slug", { problem: "noAddress" });
  // From 0: the demo's and older sections' places start there (a save of the first was refused).
  const position = f.integer("position", { min: 0, max: POSITION_MAX });
  // Asked only by a form that shows the box: a post without it (a page from before the box,
  // a script) leaves the section where it is, rather than take it out of the menu.
  const inMenu = f.flag("in_menu_asked") ? f.flag("in_menu") : undefined;
  return { f, name, slug, slugTyped: typedSlug !== "", description, position, inMenu };
}

function mayManage(actor: Actor): void {
  if (!canManageSections(actor)) throw new Forbidden("KIOSQUE_FORBIDDEN", { user: actor.id });
}

/**
 * A new section, last in the menu unless a place is typed; its slug from its name unless one is
 * typed.
 */
export async function createSection(ctx: Ctx, actor: Actor, raw: RawForm): Promise<number> {
  mayManage(actor);
  const { f, name, slug, slugTyped, description, position: typed, inMenu } = readSection(raw);
  return ctx.write(async (tx, changed) => {
    await articlesRepo.lockCategories(tx.db);
    const all = await articlesRepo.listCategories(tx.db);
    // On the field it came from: a slug made from the name was refused on the empty slug field.
    if (all.some((c) => c.slug === slug))
      f.refuse(slugTyped ? "slug" : "name", { problem: "taken" });
    if (!f.ok) throw new Invalid("KIOSQUE_SECTION_INVALID", f.problems);
    // Every page's navigation lists the sections.
    changed(changeKeys.all);
    const position = typed ?? Math.max(0, ...all.map((c) => c.position)) + 1;
    const id = await articlesRepo.insertCategory(tx.db, {
      slug,
      name,
      description,
      position,
      in_menu: inMenu === false ? 0 : 1,
    });
    // Addresses that led elsewhere (a section renamed or merged away) live here again.
    await redirects.forget(tx, addresses(slug));
    await audit.record(tx, {
      actor,
      action: "section.create",
      target: { type: "section", id },
      details: { name, slug },
    });
    return id;
  });
}

/**
 * Changes a section: its name, its address (when the slug is changed), its place in the menu,
 * and whether it is there at all (and on the home page).
 */
export async function renameSection(
  ctx: Ctx,
  actor: Actor,
  id: number,
  raw: RawForm,
): Promise<void> {
  mayManage(actor);
  const { f, name, slug, slugTyped, description, position, inMenu } = readSection(raw);
  await ctx.write(async (tx, changed) => {
    await articlesRepo.lockCategories(tx.db);
    const all = await articlesRepo.listCategories(tx.db);
    const before = all.find((c) => c.id === id);
    if (!before) throw new NotFound("section", { id });
    if (all.some((c) => c.slug === slug && c.id !== id))
      f.refuse(slugTyped ? "slug" : "name", { problem: "taken" });
    if (!f.ok) throw new Invalid("KIOSQUE_SECTION_INVALID", f.problems, { id });
    changed(changeKeys.all);
    const shown = inMenu ?? before.in_menu === 1;
    const after = { position: position ?? before.position, in_menu: shown ? 1 : 0 };
    await articlesRepo.updateCategory(tx.db, id, { slug, name, description, ...after });
    if (slug !== before.slug) await moveAddresses(tx, before.slug, slug);
    await audit.record(tx, {
      actor,
      action: "section.rename",
      target: { type: "section", id },
      details: {
        name: { from: before.name, to: name },
        slug: { from: before.slug, to: slug },
        // The menu's, only when they change: most saves rename.
        ...(after.position === before.position
          ? {}
          : { position: { from: before.position, to: after.position } }),
        ...(after.in_menu === before.in_menu
          ? {}
          : { inMenu: { from: before.in_menu === 1, to: shown } }),
      },
    });
  });
}

/** How many articles, in any state, each section holds (by id): what deleting it would move. */
export async function articleCounts(ctx: Ctx): Promise<Map<number, number>> {
  const rows = await articlesRepo.articleCountsBySection(ctx.db);
  return new Map(rows.map((r) => [r.category_id, ctx.engine.toNumber(r.n)]));
}

/**
 * Deletes a section into another (`into`, from the form): its articles, drafts included, move
 * there, and its page and feeds answer 301 to the other's, so links, subscriptions and a
 * WordPress import run again (articles' ensureSection) all lead there. The last section stays:
 * every article needs one.
 */
export async function deleteSection(
  ctx: Ctx,
  actor: Actor,
  id: number,
  raw: RawForm,
): Promise<{ moved: number }> {
  mayManage(actor);
  const f = new FormReader(raw);
  const into = f.rowId("into", { required: true });
  return ctx.write(async (tx, changed) => {
    await articlesRepo.lockCategories(tx.db);
    const all = await articlesRepo.listCategories(tx.db);
    const gone = all.find((c) => c.id === id);
    if (!gone) throw new NotFound("section", { id });
    const target = all.find((c) => c.id === into && c.id !== id);
    if (!target && !f.problems.into) f.refuse("into", { problem: "choice" });
    if (!f.ok || !target) throw new Invalid("KIOSQUE_SECTION_INVALID", f.problems, { id });
    // Every page's navigation lists the sections, and listings show articles' sections.
    changed(changeKeys.all);
    const moved = await articlesRepo.moveToSection(tx.db, id, target.id);
    await moveAddresses(tx, gone.slug, target.slug);
    await articlesRepo.deleteCategory(tx.db, id);
    await audit.record(tx, {
      actor,
      action: "section.delete",
      target: { type: "section", id },
      details: { name: gone.name, slug: gone.slug, into: target.name, articles: moved },
    });
    return { moved };
  });
}

/** Tags whose name starts with what was typed, for the tag field's suggestions. */
export async function suggestTags(
  ctx: Ctx,
  actor: Actor,
  typed: string,
): Promise<{ slug: string; name: string }[]> {
  if (!canWriteArticles(actor)) throw new Forbidden("KIOSQUE_FORBIDDEN", { user: actor.id });
  const prefix = slugify(typed);
  if (!prefix) return [];
  return articlesRepo.tagsStartingWith(ctx.db, prefix, 10);
}
