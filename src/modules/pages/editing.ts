import type { Ctx } from "../../ctx.js";
import { changeKeys } from "../../lib/change-keys.js";
import { hasImageElsewhere, hasImageWithoutAlt } from "../../lib/body-images.js";
import { Forbidden, Invalid, NotFound } from "../../lib/errors.js";
import { FormReader, type RawForm } from "../../lib/form-fields.js";
import { sanitizeArticleHtml } from "../../lib/sanitize.js";
import { numberedSlug, slugify } from "../../lib/slug.js";
import { paths } from "../../web/urls.js";
import { canManagePages, type Actor } from "../accounts/index.js";
import { redirects } from "../redirects/index.js";
import * as repo from "./repo.js";
import { allPages, type SitePage } from "./service.js";
import type { SitePageStatus } from "./table.js";

/** The limits of a page's fields: an article's (articles/editing/fields.ts). */
export const pageLimits = { title: 200, slug: 80, body: 500_000, position: 1000 } as const;
const STATUSES: readonly SitePageStatus[] = ["draft", "published"];

/** The form's values as typed, for a form shown again. */
export interface PageFormValues {
  title: string;
  slug: string;
  body: string;
  status: string;
  in_footer: string;
  position: string;
  /** The version the form was opened on; empty for a new page. */
  version: string;
}

export const pageFormValues = (p?: SitePage): PageFormValues => ({
  title: p?.title ?? "",
  slug: p?.slug ?? "",
  body: p?.bodyHtml ?? "",
  status: p?.status ?? "draft",
  in_footer: p === undefined || p.inFooter ? "1" : "",
  position: String(p?.position ?? 0),
  version: p ? String(p.version) : "",
});

function mayManage(actor: Actor): void {
  if (!canManagePages(actor)) throw new Forbidden("KIOSQUE_FORBIDDEN", { user: actor.id });
}

/**
 * A published page keeps the rules of an article's body (articles/editing/workflow.ts): its images
 * are on the site, and each has its alternative text. A draft may hold any.
 */
function checkImages(f: FormReader, bodyHtml: string, publicUrl: string | undefined): void {
  if (hasImageElsewhere(bodyHtml, publicUrl)) f.refuse("body", { problem: "imageElsewhere" });
  else if (hasImageWithoutAlt(bodyHtml)) f.refuse("body", { problem: "altMissing" });
}

function readPage(raw: RawForm, publicUrl: string | undefined) {
  const f = new FormReader(raw);
  const title = f.text("title", { required: true, max: pageLimits.title });
  const typedSlug = f.text("slug", { max: pageLimits.slug });
  const body = f.html("body", { max: pageLimits.body });
  const status = f.choice("status", STATUSES, "draft");
  const inFooter = f.flag("in_footer");
  const position = f.integer("position", { min: 0, max: pageLimits.position }) ?? 0;
  // Absent from a form made before pages had versions: saved as before, over whatever is there.
  const version = f.integer("version", { min: 1, max: 2_147_483_647 });
  const slug = slugify(typedSlug || title);
  // On the address field even when the title made it: that is where the person types one.
  if (!f.problems.title && !f.problems.slug && !slug) f.refuse("slug", { problem: "noAddress" });
  const bodyHtml = sanitizeArticleHtml(body);
  if (status === "published" && !f.problems.body) checkImages(f, bodyHtml, publicUrl);
  return {
    f,
    title,
    slug,
    slugTyped: typedSlug !== "",
    bodyHtml,
    status: status ?? "draft",
    inFooter,
    position,
    version,
  };
}

/** Every page, drafts included, for the newsroom's list. */
export async function pagesForStaff(ctx: Ctx, actor: Actor): Promise<SitePage[]> {
  mayManage(actor);
  return allPages(ctx);
}

export async function pageForEdit(ctx: Ctx, actor: Actor, id: number): Promise<SitePage> {
  mayManage(actor);
  const page = (await allPages(ctx)).find((p) => p.id === id);
  if (!page) throw new NotFound("page", { id });
  return page;
}

/**
 * Creates a page (`id` undefined) or saves one, from the newsroom's form: refused whole, with a
 * problem per field (KIOSQUE_PAGE_INVALID), or saved in one transaction. A page whose slug
 * changes keeps answering at its old address, with a 301; its new one is never an old one,
 * whatever renames came before (redirects.move). Every page shows the footer: any save changes
 * them all.
 */
export async function savePage(
  ctx: Ctx,
  actor: Actor,
  id: number | undefined,
  raw: RawForm,
): Promise<number> {
  mayManage(actor);
  const { f, ...page } = readPage(raw, ctx.config.publicUrl);
  return ctx.write(async (tx, changed) => {
    const all = await repo.all(tx.db);
    const current = id === undefined ? undefined : all.find((p) => p.id === id);
    if (id !== undefined && !current) throw new NotFound("page", { id });
    const taken = (slug: string) => all.some((p) => p.slug === slug && p.id !== id);
    // An address made from the title is numbered when taken, as an article's is; one typed is
    // the person's choice, refused on its field (it was refused on the empty field).
    let slug = page.slug;
    if (!page.slugTyped) for (let n = 2; taken(slug); n++) slug = numberedSlug(page.slug, n);
    if (taken(slug)) f.refuse("slug", { problem: "taken" });
    // Someone saved since the form was opened: theirs stays, this one comes back as typed, and
    // its next save (on the version now shown) is a choice made knowing it.
    if (current && page.version !== undefined && page.version !== current.version)
      f.refuse("version", { problem: "savedMeanwhile" });
    if (!f.ok) throw new Invalid("KIOSQUE_PAGE_INVALID", f.problems, { id });
    changed(changeKeys.all);
    const now = tx.clock.now().toISOString();
    const values = {
      slug,
      title: page.title,
      body_html: page.bodyHtml,
      status: page.status,
      in_footer: page.inFooter ? 1 : 0,
      position: page.position,
      updated_at: now,
    };
    const address = paths.page(slug);
    if (current && current.slug !== slug)
      await redirects.move(tx, paths.page(current.slug), address);
    // Forgotten at every save: an old address left by a rename before this rule heals too.
    else await redirects.forget(tx, [address]);
    if (!current) return repo.insert(tx.db, { ...values, created_at: now });
    await repo.update(tx.db, current.id, values);
    return current.id;
  });
}
