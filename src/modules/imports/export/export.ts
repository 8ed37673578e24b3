import type { Ctx } from "../../../ctx.js";
import { instantToZoned } from "../../../lib/zoned-time.js";
import { paths } from "../../../web/urls.js";
import { accounts } from "../../accounts/index.js";
import { importedArticles, type ArticleStatus } from "../../articles/index.js";
import { portableComments, type CommentStatus } from "../../comments/index.js";
import { media } from "../../media/index.js";
import { sitePages } from "../../pages/index.js";
import { escapeXml } from "../../../lib/xml-text.js";
import { escapeHtml } from "../../../web/html.js";
import { el, sqlDate, XmlFile } from "./writer.js";

// Kiosque's plain text goes escaped (escapeHtml) where WordPress reads HTML: a comment, a title,
// an excerpt, a caption. A reader's "<img onerror=…>" is words, not a tag, on the WordPress site
// that imports it; and "<s>" comes back as "<s>" into a Kiosque, which reads them as HTML too.

/**
 * WordPress numbers posts, pages and attachments in one sequence; Kiosque has a table for each.
 * Pages and images are moved out of the articles' range so every item keeps a distinct id (an
 * import of the file back, here or into WordPress, maps them apart).
 */
export const PAGE_ID_BASE = 1_000_000_000;
export const MEDIA_ID_BASE = 1_500_000_000;
/** Articles read at a time: one batch and its comments in memory, whatever the site's size. */
const BATCH = 200;

const POST_STATUS: Record<ArticleStatus, string> = {
  published: "publish",
  scheduled: "future",
  draft: "draft",
  review: "pending",
};
const COMMENT_APPROVED: Record<CommentStatus, string> = {
  approved: "1",
  pending: "0",
  spam: "spam",
  trash: "trash",
};

export interface ExportCounts {
  authors: number;
  sections: number;
  tags: number;
  images: number;
  articles: number;
  pages: number;
  comments: number;
}

/**
 * Writes the whole site as a WordPress export (WXR 1.2, what WordPress's Tools → Export writes
 * and its importer reads): authors, sections as categories, tags, images as attachments (their
 * addresses on this site, which WordPress's importer downloads), articles with their comments
 * (threads, statuses, pingbacks and trackbacks by their kind), pages. Streamed, a batch at a time.
 */
export async function exportWordpress(ctx: Ctx, file: string): Promise<ExportCounts> {
  const settings = await ctx.settings();
  const zone = settings["site.timezone"];
  const base = (ctx.config.publicUrl ?? "http://localhost").replace(/\/+$/, "");
  const counts: ExportCounts = {
    authors: 0,
    sections: 0,
    tags: 0,
    images: 0,
    articles: 0,
    pages: 0,
    comments: 0,
  };
  const out = await XmlFile.create(file);
  const local = (iso: string | null) =>
    iso
      ? `${instantToZoned(new Date(iso), zone).replace("T", " ")}:${iso.slice(17, 19) || "00"}`
      : "0000-00-00 00:00:00";
  const gmt = (iso: string | null) => (iso ? sqlDate(new Date(iso)) : "0000-00-00 00:00:00");
  try {
    await out.write(`<?xml version="1.0" encoding="UTF-8" ?>
<!-- generator="Kiosque" created="${sqlDate(ctx.clock.now())}" -->
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
<title>${escapeXml(settings["site.name"])}</title>
<link>${escapeXml(base)}</link>
<description>${escapeXml(settings["site.description"])}</description>
<language>${settings["site.locale"]}</language>
<wp:wxr_version>1.2</wp:wxr_version>
<wp:base_site_url>${escapeXml(base)}</wp:base_site_url>
<wp:base_blog_url>${escapeXml(base)}</wp:base_blog_url>
`);
    const people = await accounts.portablePeople(ctx);
    const loginOf = new Map(people.map((p) => [p.id, p.slug]));
    for (const p of people) {
      await out.write(
        `<wp:author>${el("wp:author_id", p.id)}${el("wp:author_login", p.slug)}${el("wp:author_email", p.email)}${el("wp:author_display_name", p.name)}${el("wp:author_first_name", "")}${el("wp:author_last_name", "")}${el("wp:author_description", p.bio)}</wp:author>\n`,
      );
      counts.authors++;
    }
    const { sections, tags } = await importedArticles.portableTerms(ctx);
    for (const s of sections) {
      await out.write(
        `<wp:category>${el("wp:term_id", s.id)}${el("wp:category_nicename", s.slug)}${el("wp:category_parent", "")}${el("wp:cat_name", s.name)}${el("wp:category_description", s.description)}</wp:category>\n`,
      );
      counts.sections++;
    }
    for (const t of tags) {
      await out.write(
        `<wp:tag>${el("wp:term_id", t.id)}${el("wp:tag_slug", t.slug)}${el("wp:tag_name", t.name)}</wp:tag>\n`,
      );
      counts.tags++;
    }

    for (let after = 0; ;) {
      const items = await media.portableBatch(ctx, after, BATCH);
      if (items.length === 0) break;
      for (const m of items) {
        const url = `${base}${m.src}`;
        await out.write(
          `<item>${el("title", escapeHtml(m.filename))}<link>${escapeXml(url)}</link>${el("dc:creator", loginOf.get(m.uploadedBy) ?? "")}<guid isPermaLink="false">${escapeXml(url)}</guid>${el("content:encoded", "")}${el("excerpt:encoded", escapeHtml(m.caption))}${el("wp:post_id", MEDIA_ID_BASE + m.id)}${el("wp:post_date", local(m.createdAt))}${el("wp:post_date_gmt", gmt(m.createdAt))}${el("wp:post_name", m.filename)}${el("wp:status", "inherit")}${el("wp:post_parent", 0)}${el("wp:post_type", "attachment")}${el("wp:attachment_url", url)}<wp:postmeta>${el("wp:meta_key", "_wp_attachment_image_alt")}${el("wp:meta_value", m.alt)}</wp:postmeta></item>\n`,
        );
        counts.images++;
      }
      after = items[items.length - 1]!.id;
    }

    for (let after = 0; ;) {
      const batch = await importedArticles.portableBatch(ctx, after, BATCH);
      if (batch.length === 0) break;
      const comments = await portableComments(
        ctx,
        batch.map((a) => a.id),
      );
      for (const a of batch) {
        const url = `${base}${paths.article(a.slug)}`;
        const terms = [
          `<category domain="category" nicename="${escapeXml(a.section.slug)}">${escapeXml(a.section.name)}</category>`,
          ...a.tags.map(
            (t) =>
              `<category domain="post_tag" nicename="${escapeXml(t.slug)}">${escapeXml(t.name)}</category>`,
          ),
        ].join("");
        const meta = [
          ...(a.imageMediaId !== null
            ? [["_thumbnail_id", String(MEDIA_ID_BASE + a.imageMediaId)]]
            : []),
          ...a.oldSlugs.map((s) => ["_wp_old_slug", s]),
        ]
          .map(
            ([k, v]) =>
              `<wp:postmeta>${el("wp:meta_key", k ?? "")}${el("wp:meta_value", v ?? "")}</wp:postmeta>`,
          )
          .join("");
        const thread = comments
          .filter((c) => c.article_id === a.id)
          .map((c) => {
            counts.comments++;
            return `<wp:comment>${el("wp:comment_id", c.id)}${el("wp:comment_author", c.author_name)}${el("wp:comment_author_email", c.author_email)}${el("wp:comment_author_url", c.author_website ?? "")}${el("wp:comment_author_IP", "")}${el("wp:comment_date", local(c.created_at))}${el("wp:comment_date_gmt", gmt(c.created_at))}${el("wp:comment_content", escapeHtml(c.body))}${el("wp:comment_approved", COMMENT_APPROVED[c.status])}${el("wp:comment_type", c.kind)}${el("wp:comment_parent", c.parent_id ?? 0)}${el("wp:comment_user_id", 0)}</wp:comment>`;
          })
          .join("");
        const date = a.publishedAt ?? a.createdAt;
        await out.write(
          `<item>${el("title", escapeHtml(a.title))}<link>${escapeXml(url)}</link>${el("dc:creator", loginOf.get(a.authorIds[0] ?? 0) ?? "")}<guid isPermaLink="false">${escapeXml(`${base}/?p=${a.id}`)}</guid>${el("description", "")}${el("content:encoded", a.bodyHtml)}${el("excerpt:encoded", escapeHtml(a.standfirst))}${el("wp:post_id", a.id)}${el("wp:post_date", local(date))}${el("wp:post_date_gmt", a.publishedAt ? gmt(a.publishedAt) : "0000-00-00 00:00:00")}${el("wp:post_modified", local(a.modifiedAt))}${el("wp:post_modified_gmt", gmt(a.modifiedAt))}${el("wp:comment_status", a.commentsOpen ? "open" : "closed")}${el("wp:ping_status", "closed")}${el("wp:post_name", a.slug)}${el("wp:status", POST_STATUS[a.status])}${el("wp:post_parent", 0)}${el("wp:menu_order", 0)}${el("wp:post_type", "post")}${el("wp:post_password", "")}${el("wp:is_sticky", a.sticky ? 1 : 0)}${terms}${meta}${thread}</item>\n`,
        );
        counts.articles++;
      }
      after = batch[batch.length - 1]!.id;
    }

    for (const p of await sitePages.allPages(ctx)) {
      const url = `${base}${paths.page(p.slug)}`;
      await out.write(
        `<item>${el("title", escapeHtml(p.title))}<link>${escapeXml(url)}</link>${el("dc:creator", "")}<guid isPermaLink="false">${escapeXml(`${base}/?page_id=${PAGE_ID_BASE + p.id}`)}</guid>${el("content:encoded", p.bodyHtml)}${el("excerpt:encoded", "")}${el("wp:post_id", PAGE_ID_BASE + p.id)}${el("wp:post_date", local(p.createdAt))}${el("wp:post_date_gmt", gmt(p.createdAt))}${el("wp:post_modified", local(p.updatedAt))}${el("wp:post_modified_gmt", gmt(p.updatedAt))}${el("wp:comment_status", "closed")}${el("wp:post_name", p.slug)}${el("wp:status", p.status === "published" ? "publish" : "draft")}${el("wp:post_parent", 0)}${el("wp:menu_order", p.position)}${el("wp:post_type", "page")}${el("wp:post_password", "")}${el("wp:is_sticky", 0)}</item>\n`,
      );
      counts.pages++;
    }
    await out.write("</channel>\n</rss>\n");
    await out.close();
  } catch (error) {
    await out.abandon();
    throw error;
  }
  return counts;
}
