import type { ComponentChildren, VNode } from "preact";
import type { Site } from "../../../web/site.js";
import { renderFragment } from "../../../web/document.js";
import { html, type Html } from "../../../web/html.js";
import { commentGifFigure } from "../../gifs/index.js";
import { anchors } from "../../../web/urls.js";
import type { PublicComment } from "../model.js";
import { avatarColour } from "../../../lib/avatar.js";

/*
 * The comment views are templates (web/html.ts, decision 028), not components: a page of
 * comments is most of a cold article's markup, and rendered as components it was about a third
 * of the article's rendering time. They render the bytes the components did.
 */

/** Plain text as the reader wrote it: blank lines make paragraphs, single newlines line breaks. */
function body(text: string): VNode[] {
  return text
    .trim()
    .split(/\n\s*\n/u)
    .map((para) =>
      para.includes("\n")
        ? html`<p>${para.split("\n").map((line, i) => (i > 0 ? html`<br/>${line}` : line))}</p>`
        : html`<p>${para}</p>`,
    );
}

/** A comment's text as HTML, as its page shows it: for feeds, which carry it away from the page. */
export function commentTextHtml(text: string): string {
  return renderFragment(body(text));
}

/**
 * "Rédaction": this comment is the newsroom's own answer (written from the moderation desk);
 * "Auteur" when its writer signed the article. Followed by a space, as it stands before the date.
 */
function staffBadge(site: Site, author: boolean): VNode {
  return author
    ? html`<span class="staff-badge author-badge">${site.t.comments.authorBadge}</span> `
    : html`<span class="staff-badge">${site.t.comments.staffBadge}</span> `;
}

/**
 * Whether a comment is its article's author's: a staff reply by one of the bylines. Computed at
 * render from the article's bylines the page already holds: no query per comment.
 */
const byAuthor = (comment: PublicComment, bylines: readonly number[] | undefined): boolean =>
  comment.staffUserId !== null && (bylines ?? []).includes(comment.staffUserId);

const badge = (site: Site, comment: PublicComment, bylines: readonly number[] | undefined) =>
  comment.staff ? staffBadge(site, byAuthor(comment, bylines)) : null;

/** Presentation attributes, not style: allowed under a style-src without 'unsafe-inline'. */
const avatarImage = (comment: PublicComment) => html`
  <svg class="avatar" viewBox="0 0 40 40" width="40" height="40" aria-hidden="true">
    <circle cx="20" cy="20" r="20" fill="${avatarColour(comment.avatar.hue)}"></circle>
    <text x="20" y="25" text-anchor="middle" font-size="15" fill="#fff">
      ${comment.avatar.initials}
    </text>
  </svg>`;

/** The date a comment was posted, linking to its place on the page. */
const permalink = (site: Site, comment: PublicComment, title: string | null) => html`
  <a class="comment-date" href="#${anchors.comment(comment.id)}"${
    title === null ? null : html` title="${title}"`
  }>
    <time datetime="${comment.createdAt}">${site.fmt.dateTime(comment.createdAt)}</time>
  </a>`;

const gifFigure = (site: Site, comment: PublicComment) =>
  comment.gif ? commentGifFigure(comment.gif, site.t.gifs.alt) : null;

/** Extras a page puts around comments: marks for a reader's own parts, a "more replies" link. */
export interface CommentExtras {
  /** A named mark (http/segments.ts): where a held reply to this comment would go. */
  mark?: (name: string) => ComponentChildren;
  /** After a thread's replies, when it has more than this page shows. */
  after?: (c: PublicComment) => Html;
  /** The accounts that signed the article: their staff replies are badged "Auteur". */
  bylines?: readonly number[];
}

/** The mark after a comment's replies (inside its list of replies when it has one). */
export const repliesMark = (id: number) => `replies:${id}`;

export interface CommentItemProps {
  site: Site;
  comment: PublicComment;
  replyHref: (id: number) => string;
  canReply: (c: PublicComment) => boolean;
  extras?: CommentExtras;
}

/** A comment and its replies, as an item of a list of comments. */
export function commentItem(props: CommentItemProps): VNode {
  const { site, comment, replyHref, canReply, extras = {} } = props;
  const { t } = site;
  // A mark is a Preact element (http/segments.ts), rendered in place like any other.
  const mark = extras.mark?.(repliesMark(comment.id)) as Html;
  const replies = html`
    ${
      comment.replies.length > 0
        ? html`
          <ol class="children">
            ${comment.replies.map((r) => commentItem({ ...props, comment: r }))}
            ${mark}
          </ol>`
        : mark
    }
    ${extras.after?.(comment)}`;
  const id = anchors.comment(comment.id);
  if (comment.erased)
    return html`
      <li id="${id}" class="comment comment-erased">
        <p class="comment-text">${t.comments.erased}</p>
        ${replies}
      </li>`;
  const author = comment.authorWebsite
    ? html`
      <a
        href="${comment.authorWebsite}"
        rel="nofollow ugc noopener noreferrer"
        class="comment-author-link"
      >
        ${comment.authorName}
      </a>`
    : comment.authorName;
  const pending = comment.status === "pending";
  const notice = pending
    ? html`<p class="moderation-notice" role="status">${t.comments.pending}</p>`
    : null;
  const staff = badge(site, comment, extras.bylines);
  const reply = canReply(comment)
    ? html`
      <p class="reply">
        <a
          class="reply-link"
          href="${replyHref(comment.id)}"
          data-reply-to="${comment.id}"
          data-reply-name="${comment.authorName}"
          aria-label="${t.comments.replyTo(comment.authorName)}"
        >${t.comments.reply}</a>
      </p>`
    : null;
  return html`
    <li id="${id}" class="${pending ? "comment comment-pending" : "comment"}">
      <article class="comment-body" aria-labelledby="${id}-author">
        <header class="comment-meta">
          ${avatarImage(comment)}
          <p>
            <b class="comment-author" id="${id}-author">${author}</b> ${staff}
            <span class="visually-hidden">${t.comments.says} </span>
            ${permalink(site, comment, t.comments.permalink)}
          </p>
        </header>
        ${notice}
        <div class="comment-text">${body(comment.body)}</div>
        ${gifFigure(site, comment)}
        ${reply}
      </article>
      ${replies}
    </li>`;
}

/**
 * A comment the newsroom put first: its author, date and text, and a link to its place in the
 * discussion (where it also stands, with its replies).
 */
export function featuredComment(
  site: Site,
  comment: PublicComment,
  bylines: readonly number[] | undefined,
): VNode {
  return html`
    <li class="featured-comment">
      <p class="comment-meta">
        <b class="comment-author">${comment.authorName}</b> ${badge(site, comment, bylines)}
        ${permalink(site, comment, null)}
      </p>
      <div class="comment-text">${body(comment.body)}</div>
      ${gifFigure(site, comment)}
    </li>`;
}
