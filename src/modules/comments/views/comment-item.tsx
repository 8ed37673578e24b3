import type { ComponentChildren } from "preact";
import type { Site } from "../../../web/site.js";
import { CommentGifFigure } from "../../gifs/index.js";
import { anchors } from "../../../web/urls.js";
import type { PublicComment } from "../model.js";
import { avatarColour } from "../../../lib/avatar.js";

/**
 * Plain text as the reader wrote it: blank lines make paragraphs, single newlines line breaks.
 * Called as a function, like `avatarImage` below, not as a component: each comment of a cold
 * page would otherwise pay for two more components (ten comments: 39 → 30 µs of rendering).
 */
function body(text: string) {
  return text
    .trim()
    .split(/\n\s*\n/u)
    .map((para) => (
      <p>
        {para.includes("\n")
          ? para.split("\n").map((line, i) => (
              <>
                {i > 0 ? <br /> : null}
                {line}
              </>
            ))
          : para}
      </p>
    ));
}

/**
 * "Rédaction": this comment is the newsroom's own answer (written from the moderation desk);
 * "Auteur" when its writer signed the article.
 */
export function StaffBadge({ site, author }: { site: Site; author: boolean }) {
  return (
    <span class={author ? "staff-badge author-badge" : "staff-badge"}>
      {author ? site.t.comments.authorBadge : site.t.comments.staffBadge}
    </span>
  );
}

/**
 * Whether a comment is its article's author's: a staff reply by one of the bylines. Computed at
 * render from the article's bylines the page already holds: no query per comment.
 */
const byAuthor = (comment: PublicComment, bylines: readonly number[] | undefined): boolean =>
  comment.staffUserId !== null && (bylines ?? []).includes(comment.staffUserId);

function avatarImage(comment: PublicComment) {
  // Presentation attributes, not style: allowed under a style-src without 'unsafe-inline'.
  return (
    <svg class="avatar" viewBox="0 0 40 40" width="40" height="40" aria-hidden="true">
      <circle cx="20" cy="20" r="20" fill={avatarColour(comment.avatar.hue)} />
      <text x="20" y="25" text-anchor="middle" font-size="15" fill="#fff">
        {comment.avatar.initials}
      </text>
    </svg>
  );
}

/** Extras a page puts around comments: marks for a reader's own parts, a "more replies" link. */
export interface CommentExtras {
  /** A named mark (http/segments.ts): where a held reply to this comment would go. */
  mark?: (name: string) => ComponentChildren;
  /** After a thread's replies, when it has more than this page shows. */
  after?: (c: PublicComment) => ComponentChildren;
  /** The accounts that signed the article: their staff replies are badged "Auteur". */
  bylines?: readonly number[];
}

/** The mark after a comment's replies (inside its list of replies when it has one). */
export const repliesMark = (id: number) => `replies:${id}`;

export function CommentItem({
  site,
  comment,
  replyHref,
  canReply,
  extras = {},
}: {
  site: Site;
  comment: PublicComment;
  replyHref: (id: number) => string;
  canReply: (c: PublicComment) => boolean;
  extras?: CommentExtras;
}) {
  const { t, fmt } = site;
  const mark = extras.mark?.(repliesMark(comment.id));
  const replies = (
    <>
      {comment.replies.length > 0 ? (
        <ol class="children">
          {comment.replies.map((r) => (
            <CommentItem
              site={site}
              comment={r}
              replyHref={replyHref}
              canReply={canReply}
              extras={extras}
            />
          ))}
          {mark}
        </ol>
      ) : (
        mark
      )}
      {extras.after?.(comment)}
    </>
  );
  if (comment.erased) {
    return (
      <li id={anchors.comment(comment.id)} class="comment comment-erased">
        <p class="comment-text">{t.comments.erased}</p>
        {replies}
      </li>
    );
  }
  const author = comment.authorWebsite ? (
    <a
      href={comment.authorWebsite}
      rel="nofollow ugc noopener noreferrer"
      class="comment-author-link"
    >
      {comment.authorName}
    </a>
  ) : (
    comment.authorName
  );
  return (
    <li
      id={anchors.comment(comment.id)}
      class={comment.status === "pending" ? "comment comment-pending" : "comment"}
    >
      <article class="comment-body" aria-labelledby={`${anchors.comment(comment.id)}-author`}>
        <header class="comment-meta">
          {avatarImage(comment)}
          <p>
            <b class="comment-author" id={`${anchors.comment(comment.id)}-author`}>
              {author}
            </b>{" "}
            {comment.staff ? (
              <>
                <StaffBadge site={site} author={byAuthor(comment, extras.bylines)} />{" "}
              </>
            ) : null}
            <span class="visually-hidden">{t.comments.says} </span>
            <a
              class="comment-date"
              href={`#${anchors.comment(comment.id)}`}
              title={t.comments.permalink}
            >
              <time datetime={comment.createdAt}>{fmt.dateTime(comment.createdAt)}</time>
            </a>
          </p>
        </header>
        {comment.status === "pending" ? (
          <p class="moderation-notice" role="status">
            {t.comments.pending}
          </p>
        ) : null}
        <div class="comment-text">{body(comment.body)}</div>
        {comment.gif ? <CommentGifFigure gif={comment.gif} label={t.gifs.alt} /> : null}
        {canReply(comment) ? (
          <p class="reply">
            <a
              class="reply-link"
              href={replyHref(comment.id)}
              data-reply-to={comment.id}
              data-reply-name={comment.authorName}
              aria-label={t.comments.replyTo(comment.authorName)}
            >
              {t.comments.reply}
            </a>
          </p>
        ) : null}
      </article>
      {replies}
    </li>
  );
}

/**
 * A comment the newsroom put first: its author, date and text, and a link to its place in the
 * discussion (where it also stands, with its replies).
 */
export function FeaturedComment({
  site,
  comment,
  bylines,
}: {
  site: Site;
  comment: PublicComment;
  bylines?: readonly number[] | undefined;
}) {
  const { fmt } = site;
  return (
    <li class="featured-comment">
      <p class="comment-meta">
        <b class="comment-author">{comment.authorName}</b>{" "}
        {comment.staff ? (
          <>
            <StaffBadge site={site} author={byAuthor(comment, bylines)} />{" "}
          </>
        ) : null}
        <a class="comment-date" href={`#${anchors.comment(comment.id)}`}>
          <time datetime={comment.createdAt}>{fmt.dateTime(comment.createdAt)}</time>
        </a>
      </p>
      <div class="comment-text">{body(comment.body)}</div>
      {comment.gif ? <CommentGifFigure gif={comment.gif} label={site.t.gifs.alt} /> : null}
    </li>
  );
}
