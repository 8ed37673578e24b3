/**
 * A WordPress export (WXR, "WordPress eXtended RSS", versions 1.0 to 1.2) as the reader hands it
 * over, one record at a time: the texts as the file has them (CDATA unwrapped, XML entities
 * read), nothing interpreted yet. Every field is a string; an absent element is "".
 */

export interface WxrChannel {
  kind: "channel";
  version: string;
  title: string;
  /** The site's address (`<link>`), what its permalinks start with. */
  link: string;
  description: string;
  language: string;
  baseSiteUrl: string;
  baseBlogUrl: string;
}

export interface WxrAuthor {
  kind: "author";
  id: string;
  login: string;
  email: string;
  displayName: string;
  firstName: string;
  lastName: string;
  description: string;
}

/** `category` and `tag` are WordPress's two; `term` is any other taxonomy's (menus, formats…). */
export interface WxrTerm {
  kind: "term";
  taxonomy: string;
  id: string;
  slug: string;
  name: string;
  /** The parent's slug, for a category; "" at the top. */
  parent: string;
  description: string;
}

export interface WxrComment {
  id: string;
  author: string;
  email: string;
  url: string;
  date: string;
  dateGmt: string;
  content: string;
  /** "1", "0", "spam", "trash", "post-trashed". */
  approved: string;
  /** "" or "comment", "pingback", "trackback". */
  type: string;
  parent: string;
  userId: string;
}

/** A post's category or tag, as `<category domain="post_tag" nicename="x">Name</category>`. */
export interface WxrItemTerm {
  domain: string;
  nicename: string;
  name: string;
}

export interface WxrItem {
  kind: "item";
  title: string;
  link: string;
  creator: string;
  guid: string;
  content: string;
  excerpt: string;
  postId: string;
  postDate: string;
  postDateGmt: string;
  postModified: string;
  postModifiedGmt: string;
  commentStatus: string;
  postName: string;
  status: string;
  postParent: string;
  menuOrder: string;
  postType: string;
  postPassword: string;
  isSticky: string;
  attachmentUrl: string;
  terms: WxrItemTerm[];
  meta: { key: string; value: string }[];
  /** Its comments, or the first part of them when there are many (then `WxrComments` follow). */
  comments: WxrComment[];
}

/**
 * More comments of the item handed over just before: a post with many comments comes in parts
 * (reader.ts `CommentParts`), so that one item's comments are never all held at once.
 */
export interface WxrComments {
  kind: "comments";
  /** The item's key (its `postId` as handed over). */
  postId: string;
  postType: string;
  comments: WxrComment[];
}

export type WxrRecord = WxrChannel | WxrAuthor | WxrTerm | WxrItem | WxrComments;

/** Where the reader is in the file, for the progress bar. */
export interface ReadProgress {
  bytesRead: number;
  totalBytes: number;
}
