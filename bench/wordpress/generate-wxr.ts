import fs from "node:fs";
import { once } from "node:events";
import { substream } from "../data/prng.js";
import { bodyMaker, commentBody, headline, personName, sentence } from "../data/text.js";
import { CATEGORIES } from "../data/words.js";

/** The size of a generated WordPress export. */
export interface WxrSpec {
  posts: number;
  comments: number;
  seed: number;
}

const AUTHORS = 12;
const TAGS = 300;
const START = Date.UTC(2016, 0, 1);
const YEAR_MS = 365 * 86_400_000;

const cdata = (s: string) => `<![CDATA[${s.replace(/]]>/g, "]]]]><![CDATA[>")}]]>`;
const sqlDate = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace("T", " ");
const slug = (s: string) =>
  s
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 60);

/**
 * Writes a WordPress export as WordPress writes one (WXR 1.2): authors, categories and tags
 * first, then posts in classic-editor text (no `<p>`: the import adds them) with their comments,
 * a share of them replies, some to a comment WordPress did not export (spam). Streamed: the
 * file is never in memory, whatever `posts`.
 */
export async function writeWxr(file: string, spec: WxrSpec): Promise<number> {
  const out = fs.createWriteStream(file);
  const write = async (s: string) => {
    if (!out.write(s)) await once(out, "drain");
  };
  const r = substream(spec.seed, "wxr");
  const body = bodyMaker(substream(spec.seed, "wxr-paragraphs"));
  await write(`<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
<title>Bench</title><link>https://bench.example</link><description>Generated</description><language>fr-FR</language>
<wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>https://bench.example</wp:base_site_url><wp:base_blog_url>https://bench.example</wp:base_blog_url>
`);
  for (let a = 1; a <= AUTHORS; a++)
    await write(
      `<wp:author><wp:author_id>${a}</wp:author_id><wp:author_login>${cdata(`auteur${a}`)}</wp:author_login><wp:author_email>${cdata(`auteur${a}@bench.example`)}</wp:author_email><wp:author_display_name>${cdata(personName(r))}</wp:author_display_name></wp:author>\n`,
    );
  for (const [i, [name, description]] of CATEGORIES.entries())
    await write(
      `<wp:category><wp:term_id>${i + 1}</wp:term_id><wp:category_nicename>${cdata(slug(name))}</wp:category_nicename><wp:category_parent></wp:category_parent><wp:cat_name>${cdata(name.replace("&", "&amp;"))}</wp:cat_name><wp:category_description>${cdata(description)}</wp:category_description></wp:category>\n`,
    );
  for (let t = 1; t <= TAGS; t++)
    await write(
      `<wp:tag><wp:term_id>${100 + t}</wp:term_id><wp:tag_slug>${cdata(`sujet-${t}`)}</wp:tag_slug><wp:tag_name>${cdata(`Sujet ${t}`)}</wp:tag_name></wp:tag>\n`,
    );

  let commentId = 1;
  const perPost = spec.posts > 0 ? spec.comments / spec.posts : 0;
  let owed = 0;
  for (let p = 1; p <= spec.posts; p++) {
    const title = headline(r);
    const postSlug = `${slug(title)}-${p}`;
    const at = START + Math.floor((p / spec.posts) * 8 * YEAR_MS);
    const [category] = r.pick(CATEGORIES);
    const tags = [r.int(1, TAGS), r.int(1, TAGS), r.int(1, TAGS)];
    // Classic-editor text: paragraphs separated by blank lines, as WordPress stores them.
    const text = body(r)
      .replace(/<\/?p>/g, "\n\n")
      .trim();
    owed += perPost;
    const n = Math.floor(owed);
    owed -= n;
    let comments = "";
    const first = commentId;
    for (let c = 0; c < n; c++, commentId++) {
      // A third are replies: to an earlier comment of the post, now and then to a missing one.
      const parent =
        c > 0 && r.chance(0.33) ? (r.chance(0.05) ? 9_999_999 : r.int(first, commentId - 1)) : 0;
      const when = at + (c + 1) * 600_000;
      comments += `<wp:comment><wp:comment_id>${commentId}</wp:comment_id><wp:comment_author>${cdata(personName(r))}</wp:comment_author><wp:comment_author_email>${cdata(`lecteur${r.int(1, 5000)}@example.org`)}</wp:comment_author_email><wp:comment_author_url></wp:comment_author_url><wp:comment_author_IP>${cdata("203.0.113.7")}</wp:comment_author_IP><wp:comment_date>${cdata(sqlDate(when + 3_600_000))}</wp:comment_date><wp:comment_date_gmt>${cdata(sqlDate(when))}</wp:comment_date_gmt><wp:comment_content>${cdata(commentBody(r))}</wp:comment_content><wp:comment_approved>${cdata(r.chance(0.9) ? "1" : "0")}</wp:comment_approved><wp:comment_type>${cdata("comment")}</wp:comment_type><wp:comment_parent>${parent}</wp:comment_parent><wp:comment_user_id>0</wp:comment_user_id></wp:comment>\n`;
    }
    await write(`<item><title>${cdata(title)}</title><link>https://bench.example/${sqlDate(at).slice(0, 10).replace(/-/g, "/")}/${postSlug}/</link><dc:creator>${cdata(`auteur${r.int(1, AUTHORS)}`)}</dc:creator><guid isPermaLink="false">https://bench.example/?p=${p}</guid><content:encoded>${cdata(text)}</content:encoded><excerpt:encoded>${cdata(sentence(r))}</excerpt:encoded><wp:post_id>${p}</wp:post_id><wp:post_date>${cdata(sqlDate(at + 3_600_000))}</wp:post_date><wp:post_date_gmt>${cdata(sqlDate(at))}</wp:post_date_gmt><wp:comment_status>open</wp:comment_status><wp:post_name>${cdata(postSlug)}</wp:post_name><wp:status>${cdata(r.chance(0.97) ? "publish" : "draft")}</wp:status><wp:post_parent>0</wp:post_parent><wp:post_type>${cdata("post")}</wp:post_type><wp:post_password></wp:post_password><wp:is_sticky>0</wp:is_sticky><category domain="category" nicename="${slug(category)}">${cdata(category)}</category>${tags.map((t) => `<category domain="post_tag" nicename="sujet-${t}">${cdata(`Sujet ${t}`)}</category>`).join("")}
${comments}</item>\n`);
  }
  await write("</channel>\n</rss>\n");
  out.end();
  await once(out, "finish");
  return fs.statSync(file).size;
}
