import type { Ctx, TxCtx } from "../../ctx.js";
import { changeKeys } from "../../lib/change-keys.js";
import { NotFound } from "../../lib/errors.js";
import { sanitizeArticleHtml } from "../../lib/sanitize.js";
import { numberedSlug, slugify } from "../../lib/slug.js";
import { paths } from "../../web/urls.js";
import { redirects } from "../redirects/index.js";
import * as repo from "./repo.js";
import type { SitePageStatus } from "./table.js";

export interface SitePage {
  id: number;
  slug: string;
  title: string;
  bodyHtml: string;
  status: SitePageStatus;
  inFooter: boolean;
  position: number;
  createdAt: string;
  updatedAt: string;
  version: number;
}

const toPage = (r: Awaited<ReturnType<typeof repo.all>>[number]): SitePage => ({
  id: r.id,
  slug: r.slug,
  title: r.title,
  bodyHtml: r.body_html,
  status: r.status,
  inFooter: r.in_footer === 1,
  position: r.position,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  version: r.version,
});

/** A published page, for readers; NotFound for a draft or an unknown slug. */
export async function publishedPage(ctx: Ctx, slug: string): Promise<SitePage> {
  const row = await repo.publishedBySlug(ctx.db, slug);
  if (!row) throw new NotFound("page", { slug });
  return toPage(row);
}

/** The footer's links: published pages marked for it, in order. */
export async function footerLinks(ctx: Ctx): Promise<{ slug: string; title: string }[]> {
  return repo.footer(ctx.db);
}

/** Every page, drafts included: the export. */
export async function allPages(ctx: Ctx): Promise<SitePage[]> {
  return (await repo.all(ctx.db)).map(toPage);
}

/** Slugs and titles of these pages (the media library says where an image is used). */
export async function slugsAndTitles(
  ctx: Ctx,
  ids: readonly number[],
): Promise<Map<number, { slug: string; title: string }>> {
  const rows = await repo.slugsAndTitles(ctx.db, [...new Set(ids)]);
  return new Map(rows.map((r) => [r.id, { slug: r.slug, title: r.title }]));
}

export interface NewSitePage {
  slug: string;
  title: string;
  bodyHtml: string;
  status: SitePageStatus;
  inFooter: boolean;
  position: number;
  createdAt: string;
  updatedAt: string;
}

/**
 * Writes a page in the caller's transaction (an import); its slug numbered when taken. Every page
 * shows the footer: a published page in it changes them all.
 */
export async function storePage(
  tx: TxCtx,
  changed: (...keys: string[]) => void,
  page: NewSitePage,
): Promise<{ id: number; slug: string }> {
  const base = slugify(page.slug) || slugify(page.title) || "page";
  let slug = base;
  for (let n = 2; await repo.slugTaken(tx.db, slug); n++) slug = numberedSlug(base, n);
  const id = await repo.insert(tx.db, {
    slug,
    title: page.title,
    body_html: sanitizeArticleHtml(page.bodyHtml),
    status: page.status,
    in_footer: page.inFooter ? 1 : 0,
    position: page.position,
    created_at: page.createdAt,
    updated_at: page.updatedAt,
  });
  // An old address of the same spelling would send the page's readers elsewhere once a draft.
  await redirects.forget(tx, [paths.page(slug)]);
  if (page.status === "published") changed(changeKeys.all);
  return { id, slug };
}
