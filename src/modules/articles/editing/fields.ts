import { charLength, FormReader, shownValue, type RawForm } from "../../../lib/form-fields.js";
import type { Problem } from "../../../lib/errors.js";
import { slugify } from "../../../lib/slug.js";
import { isLocale } from "../../../web/i18n/index.js";
import { related } from "../../related/index.js";

/**
 * An article as the newsroom edits it: what a save stores, a revision keeps and two revisions
 * compare. The body is kept as sanitised HTML.
 */
export interface ArticleFields {
  title: string;
  standfirst: string;
  slug: string;
  bodyHtml: string;
  categoryId: number;
  /** Tag names as typed; created on save when new. */
  tags: string[];
  /** Bylines in order: the first leads. */
  authorIds: number[];
  imageMediaId: number | null;
  imageUrl: string | null;
  imageAlt: string;
  imageCaption: string;
  imageCredit: string;
  seoTitle: string;
  seoDescription: string;
  commentsOpen: boolean;
  /** A language of the interface's (web/i18n), or "": the site's. */
  language: string;
}

/**
 * The form's field names: the HTML `name` of each control, the keys of an autosave, and the
 * keys of the problems a refused form shows.
 */
export const formNames = {
  title: "title",
  standfirst: "standfirst",
  slug: "slug",
  body: "body",
  section: "section",
  tags: "tags",
  authors: "authors",
  imageMediaId: "image_media_id",
  imageUrl: "image_url",
  imageAlt: "image_alt",
  imageCaption: "image_caption",
  imageCredit: "image_credit",
  seoTitle: "seo_title",
  seoDescription: "seo_description",
  commentsOpen: "comments_open",
  language: "language",
  /** The related articles pinned, one a line: not one of the article's fields (related_pins). */
  pinned: "pinned",
  publishAt: "publish_at",
  version: "version",
  action: "action",
} as const;

/** Most characters per field: each with room for real use, none unbounded. */
export const limits = {
  title: 200,
  standfirst: 600,
  slug: 80,
  /** A long read is ~60,000 characters of HTML; imports run longer. */
  body: 500_000,
  tags: 1_000,
  tag: 60,
  maxTags: 20,
  maxAuthors: 10,
  imageUrl: 2_000,
  imageAlt: 300,
  imageCaption: 600,
  imageCredit: 200,
  seoTitle: 120,
  seoDescription: 300,
  /** The pin field whole; its lines are checked by the related module (`readPinField`). */
  pinned: 4_000,
  maxPins: related.MAX_PINS,
} as const;

/** The form as typed, field by field: what a refused form, an autosave and a restore show. */
export type FormValues = Record<string, string | string[]>;

/** Reads a posted article form; `problems` holds one per field that must change. */
export function readArticleForm(raw: RawForm): {
  fields: Omit<ArticleFields, "bodyHtml"> & { body: string };
  problems: Record<string, Problem>;
} {
  const f = new FormReader(raw);
  const n = formNames;
  const title = f.text(n.title, { required: true, max: limits.title });
  const standfirst = f.text(n.standfirst, { max: limits.standfirst, multiline: true });
  const slug = f.text(n.slug, { max: limits.slug });
  const body = f.html(n.body, { max: limits.body });
  const categoryId = f.rowId(n.section, { required: true });
  const tags = splitTags(f.text(n.tags, { max: limits.tags }));
  if (tags.length > limits.maxTags || tags.some((t) => charLength(t) > limits.tag))
    f.refuse(n.tags, { problem: "tooLong", limit: limits.tag });
  // A tag lives at its address (/tag/…): one with no letter or digit would have none, and a save
  // must not leave it out unseen.
  const addressless = tags.findIndex((t) => !slugify(t));
  if (addressless >= 0) f.refuse(n.tags, { problem: "tagNoAddress", limit: addressless + 1 });
  const authorIds = f.rowIds(n.authors, { maxItems: limits.maxAuthors });
  if (authorIds.length === 0) f.refuse(n.authors, { problem: "required" });
  const imageMediaId = f.rowId(n.imageMediaId) ?? null;
  // From the menu: the interface's languages, or nothing for the site's. Anything else, long or
  // short, is the wrong choice.
  const language = f.text(n.language, { max: Infinity });
  if (language && !isLocale(language)) f.refuse(n.language, { problem: "choice" });
  const imageUrl = f.text(n.imageUrl, { max: limits.imageUrl });
  if (imageUrl && !isImageAddress(imageUrl)) f.refuse(n.imageUrl, { problem: "url" });
  const fields = {
    title,
    standfirst,
    slug,
    body,
    categoryId: categoryId ?? 0,
    tags,
    authorIds: authorIds.filter((a) => a > 0),
    imageMediaId,
    imageUrl: imageUrl || null,
    imageAlt: f.text(n.imageAlt, { max: limits.imageAlt }),
    imageCaption: f.text(n.imageCaption, { max: limits.imageCaption }),
    imageCredit: f.text(n.imageCredit, { max: limits.imageCredit }),
    seoTitle: f.text(n.seoTitle, { max: limits.seoTitle }),
    seoDescription: f.text(n.seoDescription, { max: limits.seoDescription, multiline: true }),
    commentsOpen: f.flag(n.commentsOpen),
    language: isLocale(language) ? language : "",
  };
  return { fields, problems: f.problems };
}

/** "Climat, Paris ,, climat" → ["Climat", "Paris"]: one of each, in the order typed. */
export function splitTags(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of text.split(",")) {
    const name = part.trim().replace(/\s+/g, " ");
    const key = name.toLocaleLowerCase("fr");
    if (name && !seen.has(key)) {
      seen.add(key);
      out.push(name);
    }
  }
  return out;
}

/** An absolute http(s) address or a path on this site: nothing a browser would run. */
function isImageAddress(text: string): boolean {
  if (text.startsWith("/") && !text.startsWith("//")) return !/[\s\\]/.test(text);
  try {
    const url = new URL(text);
    return url.protocol === "https:" || url.protocol === "http:";
  } catch {
    return false;
  }
}

/** The form's values from stored fields: what the edit page shows. */
export function formValuesOf(fields: ArticleFields): FormValues {
  const n = formNames;
  return {
    [n.title]: fields.title,
    [n.standfirst]: fields.standfirst,
    [n.slug]: fields.slug,
    [n.body]: fields.bodyHtml,
    [n.section]: fields.categoryId ? String(fields.categoryId) : "",
    [n.tags]: fields.tags.join(", "),
    [n.authors]: fields.authorIds.map(String),
    [n.imageMediaId]: fields.imageMediaId === null ? "" : String(fields.imageMediaId),
    [n.imageUrl]: fields.imageUrl ?? "",
    [n.imageAlt]: fields.imageAlt,
    [n.imageCaption]: fields.imageCaption,
    [n.imageCredit]: fields.imageCredit,
    [n.seoTitle]: fields.seoTitle,
    [n.seoDescription]: fields.seoDescription,
    [n.commentsOpen]: fields.commentsOpen ? "1" : "",
    [n.language]: fields.language,
  };
}

/** The fields an autosave keeps (everything a person types; not the version nor the action). */
const KEPT: readonly string[] = Object.values(formNames).filter(
  (k) => k !== formNames.version && k !== formNames.action && k !== formNames.publishAt,
);

/**
 * The form's values as posted, for a refused form or an autosave: texts and lists of the known
 * fields only, whole (a refused form shows everything typed, even past a field's limit; the
 * request's own size limit bounds them). Only the authors are a list; any other field sent twice
 * keeps its first text, as every form shows it.
 */
export function postedValues(raw: RawForm): FormValues {
  const out: FormValues = {};
  for (const key of KEPT) {
    const v = raw[key];
    if (key === formNames.authors && Array.isArray(v))
      out[key] = v
        .filter((x): x is string => typeof x === "string")
        .slice(0, limits.maxAuthors)
        .map((x) => x.slice(0, 20));
    else if (typeof v === "string" || Array.isArray(v)) out[key] = shownValue(raw, key);
  }
  return out;
}
