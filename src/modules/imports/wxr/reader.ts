import fs from "node:fs";
import { SaxesParser, type SaxesTagPlain } from "saxes";
import { fnv1a } from "../../../lib/fnv1a.js";
import { ImportRefused } from "../errors.js";
import { TextChunks } from "./decode.js";
import type {
  ReadProgress,
  WxrAuthor,
  WxrChannel,
  WxrComment,
  WxrComments,
  WxrItem,
  WxrRecord,
  WxrTerm,
} from "./model.js";

/** WXR versions WordPress has written (1.0 in 2.x, 1.1 in 3.0, 1.2 since 3.1). */
const VERSIONS = new Set(["1.0", "1.1", "1.2"]);
/** The `wp:` namespace of those versions, with http or https (WordPress.com writes https). */
const WP_NAMESPACE = /^https?:\/\/wordpress\.org\/export\/1\.[012]\/$/;
/**
 * The longest text one element may hold: far past any article (WordPress's own column is
 * LONGTEXT, but a 16 MB post is not writing). Past it the file is refused, so one hostile
 * element cannot take the memory the streaming keeps bounded.
 */
const MAX_TEXT = 16 * 1024 * 1024;
/** Chunks read at a time: memory stays near this whatever the file's size. */
const CHUNK = 256 * 1024;

/**
 * How many of an item's comments are handed over at once, at most: past either bound, the item
 * goes on (with the comments read so far) and its next comments follow in parts of their own.
 * One post with a thousand 1 MB comments was held whole, twice the file's size in memory; and
 * each part is written in a transaction of its own, short enough for the site's own writes.
 */
export interface CommentParts {
  comments: number;
  characters: number;
}

export const COMMENT_PARTS: CommentParts = { comments: 500, characters: 4_000_000 };

type Fields = Record<string, string>;

/** The channel's children that are records; the others describe the site. */
const RECORDS = new Set(["item", "wp:author", "wp:category", "wp:tag", "wp:term"]);

const emptyItem = (): WxrItem => ({
  kind: "item",
  title: "",
  link: "",
  creator: "",
  guid: "",
  content: "",
  excerpt: "",
  postId: "",
  postDate: "",
  postDateGmt: "",
  postModified: "",
  postModifiedGmt: "",
  commentStatus: "",
  postName: "",
  status: "",
  postParent: "",
  menuOrder: "",
  postType: "",
  postPassword: "",
  isSticky: "",
  attachmentUrl: "",
  terms: [],
  meta: [],
  comments: [],
});

/** Item fields by element name: the rest of an item's children are not read. */
const ITEM_FIELDS: Readonly<Record<string, keyof WxrItem>> = {
  title: "title",
  link: "link",
  "dc:creator": "creator",
  guid: "guid",
  "content:encoded": "content",
  "excerpt:encoded": "excerpt",
  "wp:post_id": "postId",
  "wp:post_date": "postDate",
  "wp:post_date_gmt": "postDateGmt",
  "wp:post_modified": "postModified",
  "wp:post_modified_gmt": "postModifiedGmt",
  "wp:comment_status": "commentStatus",
  "wp:post_name": "postName",
  "wp:status": "status",
  "wp:post_parent": "postParent",
  "wp:menu_order": "menuOrder",
  "wp:post_type": "postType",
  "wp:post_password": "postPassword",
  "wp:is_sticky": "isSticky",
  "wp:attachment_url": "attachmentUrl",
};

const COMMENT_FIELDS: Readonly<Record<string, keyof WxrComment>> = {
  "wp:comment_id": "id",
  "wp:comment_author": "author",
  "wp:comment_author_email": "email",
  "wp:comment_author_url": "url",
  "wp:comment_date": "date",
  "wp:comment_date_gmt": "dateGmt",
  "wp:comment_content": "content",
  "wp:comment_approved": "approved",
  "wp:comment_type": "type",
  "wp:comment_parent": "parent",
  "wp:comment_user_id": "userId",
};

const get = (f: Fields, key: string) => f[key] ?? "";

function authorOf(f: Fields): WxrAuthor {
  return {
    kind: "author",
    id: get(f, "wp:author_id"),
    login: get(f, "wp:author_login"),
    email: get(f, "wp:author_email"),
    displayName: get(f, "wp:author_display_name"),
    firstName: get(f, "wp:author_first_name"),
    lastName: get(f, "wp:author_last_name"),
    description: get(f, "wp:author_description"),
  };
}

function termOf(element: string, f: Fields): WxrTerm {
  if (element === "wp:category")
    return {
      kind: "term",
      taxonomy: "category",
      id: get(f, "wp:term_id"),
      slug: get(f, "wp:category_nicename"),
      name: get(f, "wp:cat_name"),
      parent: get(f, "wp:category_parent"),
      description: get(f, "wp:category_description"),
    };
  if (element === "wp:tag")
    return {
      kind: "term",
      taxonomy: "post_tag",
      id: get(f, "wp:term_id"),
      slug: get(f, "wp:tag_slug"),
      name: get(f, "wp:tag_name"),
      parent: "",
      description: get(f, "wp:tag_description"),
    };
  return {
    kind: "term",
    taxonomy: get(f, "wp:term_taxonomy"),
    id: get(f, "wp:term_id"),
    slug: get(f, "wp:term_slug"),
    name: get(f, "wp:term_name"),
    parent: get(f, "wp:term_parent"),
    description: get(f, "wp:term_description"),
  };
}

/**
 * Reads a WordPress export as a stream of records, never the whole file at once: the channel's
 * description first, then authors, terms and items as they come. Refuses (ImportRefused) what is
 * not well-formed XML with its line and column, a DOCTYPE (WordPress never writes one; it is
 * where entity bombs and external entities live: the parser expands no entity it was not born
 * knowing either way), a file that is not a WordPress export, a missing or unknown WXR version.
 */
export async function* readWxr(
  file: string,
  onProgress?: (p: ReadProgress) => void,
  parts: CommentParts = COMMENT_PARTS,
): AsyncGenerator<WxrRecord> {
  let stream: fs.ReadStream;
  let totalBytes: number;
  try {
    totalBytes = (await fs.promises.stat(file)).size;
    stream = fs.createReadStream(file, { highWaterMark: CHUNK });
  } catch (error) {
    throw new ImportRefused("KIOSQUE_IMPORT_UNREADABLE", {
      file,
      reason: error instanceof Error ? error.message : String(error),
    });
  }
  const parser = new SaxesParser({ position: true, xmlns: false });
  const out: WxrRecord[] = [];
  const stack: string[] = [];
  let text = "";
  let channel: Partial<WxrChannel> | undefined = {};
  let namespaceOk = false;
  let fields: Fields = {};
  let item: WxrItem | undefined;
  /** The item's key once it went on ahead of its last comments; undefined until then. */
  let itemSent: string | undefined;
  let partChars = 0;
  let comment: Partial<WxrComment> | undefined;
  let meta: { key: string; value: string } | undefined;
  let termAttrs: { domain: string; nicename: string } | undefined;

  const refuse = (
    code: "KIOSQUE_IMPORT_MALFORMED" | "KIOSQUE_IMPORT_UNSUPPORTED",
    reason: string,
  ) => new ImportRefused(code, { file, line: parser.line, column: parser.column, reason });

  /** The channel's record goes out before anything that depends on its version. */
  function channelDone(): void {
    if (!channel) return;
    const version = channel.version ?? "";
    if (!namespaceOk)
      throw refuse("KIOSQUE_IMPORT_UNSUPPORTED", "not a WordPress export (no WXR namespace)");
    if (version === "") throw refuse("KIOSQUE_IMPORT_UNSUPPORTED", "no WXR version in the file");
    if (!VERSIONS.has(version))
      throw refuse(
        "KIOSQUE_IMPORT_UNSUPPORTED",
        `WXR version ${version} (versions 1.0, 1.1 and 1.2 are read)`,
      );
    out.push({
      kind: "channel",
      version,
      title: channel.title ?? "",
      link: channel.link ?? "",
      description: channel.description ?? "",
      language: channel.language ?? "",
      baseSiteUrl: channel.baseSiteUrl ?? "",
      baseBlogUrl: channel.baseBlogUrl ?? "",
    });
    channel = undefined;
  }

  parser.on("doctype", () => {
    throw refuse("KIOSQUE_IMPORT_UNSUPPORTED", "a DOCTYPE (WordPress exports have none)");
  });
  parser.on("opentag", (tag: SaxesTagPlain) => {
    const name = tag.name;
    const depth = stack.length;
    if (depth === 0) {
      if (name !== "rss")
        throw refuse("KIOSQUE_IMPORT_UNSUPPORTED", `a <${name}> document, not RSS`);
      namespaceOk = WP_NAMESPACE.test(tag.attributes["xmlns:wp"] ?? "");
    }
    stack.push(name);
    text = "";
    const parent = stack[depth - 1];
    if (parent === "channel") {
      if (RECORDS.has(name)) channelDone();
      if (name === "item") {
        item = emptyItem();
        itemSent = undefined;
        partChars = 0;
      }
      fields = {};
    } else if (item && parent === "item") {
      if (name === "wp:comment") comment = {};
      else if (name === "wp:postmeta") meta = { key: "", value: "" };
      else if (name === "category")
        termAttrs = {
          domain: tag.attributes.domain ?? "",
          nicename: tag.attributes.nicename ?? "",
        };
    }
  });
  const addText = (t: string) => {
    if (text.length + t.length > MAX_TEXT)
      throw refuse("KIOSQUE_IMPORT_MALFORMED", `an element longer than ${MAX_TEXT} characters`);
    text += t;
  };
  parser.on("text", addText);
  parser.on("cdata", addText);
  parser.on("closetag", (tag) => {
    const name = tag.name;
    stack.pop();
    const parent = stack[stack.length - 1];
    if (parent === "channel") {
      if (name === "item" && item) {
        if (itemSent === undefined) out.push(keyed(item));
        else if (item.comments.length > 0) out.push(moreComments(itemSent, item));
        item = undefined;
      } else if (name === "wp:author") out.push(authorOf(fields));
      else if (name === "wp:category" || name === "wp:tag" || name === "wp:term")
        out.push(termOf(name, fields));
      else if (channel) {
        const key = (
          {
            title: "title",
            link: "link",
            description: "description",
            language: "language",
            "wp:wxr_version": "version",
            "wp:base_site_url": "baseSiteUrl",
            "wp:base_blog_url": "baseBlogUrl",
          } as const
        )[name as "title"];
        if (key) channel[key] = text.trim();
      }
    } else if (name === "channel") {
      channelDone();
    } else if (item && parent === "item") {
      if (itemSent !== undefined && name !== "wp:comment")
        // Its record went on ahead: what it said is known. WordPress writes comments last.
        throw refuse(
          "KIOSQUE_IMPORT_UNSUPPORTED",
          `item ${itemSent}: a <${name}> after ${parts.comments} or more of its comments (WordPress writes an item's comments last)`,
        );
      if (name === "wp:comment" && comment) {
        const c = { ...emptyComment, ...comment };
        item.comments.push(c);
        partChars += c.content.length + c.author.length + c.email.length + c.url.length;
        comment = undefined;
        if (item.comments.length >= parts.comments || partChars >= parts.characters) {
          if (itemSent === undefined) {
            const sent = keyed(item);
            out.push(sent);
            itemSent = sent.postId;
          } else out.push(moreComments(itemSent, item));
          item.comments = [];
          partChars = 0;
        }
      } else if (name === "wp:postmeta" && meta) {
        item.meta.push(meta);
        meta = undefined;
      } else if (name === "category" && termAttrs) {
        item.terms.push({ ...termAttrs, name: text });
        termAttrs = undefined;
      } else {
        const key = ITEM_FIELDS[name];
        // Every field of an item is text; the lists (terms, meta, comments) are filled above.
        if (key) (item as unknown as Record<string, string>)[key] = text;
      }
    } else if (item && parent === "wp:comment" && comment) {
      const key = COMMENT_FIELDS[name];
      if (key) comment[key] = text;
    } else if (item && parent === "wp:postmeta" && meta) {
      if (name === "wp:meta_key") meta.key = text;
      else if (name === "wp:meta_value") meta.value = text;
    } else if (
      parent === "wp:author" ||
      parent === "wp:category" ||
      parent === "wp:tag" ||
      parent === "wp:term"
    ) {
      fields[name] = text;
    }
    text = "";
  });

  const chunks = new TextChunks(file);
  let bytesRead = 0;
  const feed = (t: string) => {
    try {
      parser.write(t);
    } catch (error) {
      if (error instanceof ImportRefused) throw error;
      throw refuse("KIOSQUE_IMPORT_MALFORMED", named(reasonOf(error), t));
    }
  };
  try {
    for await (const chunk of stream) {
      const bytes = chunk as Buffer;
      bytesRead += bytes.length;
      feed(chunks.decode(bytes));
      onProgress?.({ bytesRead, totalBytes });
      yield* out.splice(0, out.length);
    }
    feed(chunks.end());
    try {
      parser.close();
    } catch (error) {
      throw refuse("KIOSQUE_IMPORT_MALFORMED", reasonOf(error));
    }
    if (channel) throw refuse("KIOSQUE_IMPORT_UNSUPPORTED", "not a WordPress export (no channel)");
    yield* out.splice(0, out.length);
  } catch (error) {
    // The file could not be read (a folder, no permission, gone): said as such. Anything else
    // (the caller's progress callback, a bug) goes on as it is.
    if (error instanceof Error && "syscall" in error)
      throw new ImportRefused("KIOSQUE_IMPORT_UNREADABLE", { file, reason: reasonOf(error) });
    throw error;
  } finally {
    stream.destroy();
  }
}

/**
 * An item's key, by which an import finds it again (wp_id): its `wp:post_id`. Some exports have
 * none (hand-made or other tools' WXR, such as the theme previews'): "" made every such item one,
 * so the first was imported and the others taken for it. Such an item is keyed by its guid, which
 * WordPress means to stay the item's for ever, else its link, else a hash of what it says (title,
 * date, content): each stays the same between runs of the same file. A comment without its
 * `wp:comment_id` is keyed the same way, by a hash of its item's key and what it says. MUST run
 * once the item's fields are read (WordPress writes them before its comments).
 */
function keyed(item: WxrItem): WxrItem {
  const postId =
    item.postId.trim() ||
    item.guid.trim() ||
    item.link.trim() ||
    `content:${hashOf(item.postType, item.title, item.postDate, item.content)}`;
  return { ...item, postId, comments: keyedComments(postId, item.comments) };
}

function keyedComments(postId: string, comments: readonly WxrComment[]): WxrComment[] {
  return comments.map((c) =>
    c.id.trim() ? c : { ...c, id: `content:${hashOf(postId, c.author, c.date, c.content)}` },
  );
}

/** The next part of the comments of an item that went on ahead (keyed as `postId`). */
function moreComments(postId: string, item: WxrItem): WxrComments {
  return {
    kind: "comments",
    postId,
    postType: item.postType,
    comments: keyedComments(postId, item.comments),
  };
}

/** Two FNV-1a hashes (forwards and of the reversed text): 64 bits, for keys within one site. */
function hashOf(...parts: string[]): string {
  const text = parts.join("\u0000");
  const hex = (n: number) => n.toString(16).padStart(8, "0");
  return hex(fnv1a(text)) + hex(fnv1a([...text].reverse().join("")));
}

const emptyComment: WxrComment = {
  id: "",
  author: "",
  email: "",
  url: "",
  date: "",
  dateGmt: "",
  content: "",
  approved: "",
  type: "",
  parent: "",
  userId: "",
};

/** Characters XML allows nowhere, even escaped in CDATA: controls, lone surrogates, U+FFFE/F. */
// eslint-disable-next-line no-control-regex -- finding them is the point
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|\p{Cs}/u;

/**
 * saxes says "disallowed character" of a character that is invisible in an editor: which one it
 * is (the first such in the text it was given, where it failed) is added.
 */
function named(reason: string, text: string): string {
  if (!reason.startsWith("disallowed character")) return reason;
  const c = NOT_XML.exec(text)?.[0];
  if (c === undefined) return reason;
  const code = `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;
  return `disallowed character ${code} (${/\p{Cs}/u.test(c) ? "half of a surrogate pair" : "a control character"}, which XML does not allow)`;
}

/** saxes says "file:line:column: what"; the line and column are given apart. */
function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/^(?:[^:]*:)?\d+:\d+: /, "").replace(/\.$/, "");
}
