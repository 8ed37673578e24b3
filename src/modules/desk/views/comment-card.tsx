import type { DeskComment } from "../../comments/index.js";
import type { LogLine } from "../../moderation/index.js";
import type { Formatter } from "../../../web/i18n/format.js";
import type { Messages } from "../../../web/i18n/index.js";
import { deskAnchor, paths } from "../../../web/urls.js";

/** Who a moderation log line names, in words: the rules, a person, the command line. */
export function actorWords(t: Messages, actor: string, names: ReadonlyMap<number, string>): string {
  if (actor === "pipeline") return t.desk.pipeline;
  const user = /^user:(\d+)$/.exec(actor);
  if (user) return names.get(Number(user[1])) ?? t.desk.someone(user[1] ?? "");
  if (actor.startsWith("cli:")) return `${t.desk.operator} (${actor.slice(4)})`;
  return actor;
}

/** A rule's reason in words, with its detail ("mot interdit : casino"). */
export function reasonWords(t: Messages, reason: { rule: string; detail?: string }): string {
  const rules: Record<string, string> = t.desk.rules;
  const name = rules[reason.rule] ?? reason.rule;
  return reason.detail ? `${name} (${reason.detail})` : name;
}

/** Plain text as its author wrote it, paragraphs and line breaks kept; never markup. */
function Text({ text }: { text: string }) {
  return (
    <>
      {text
        .trim()
        .split(/\n\s*\n/u)
        .map((para) => (
          <p>
            {para.split("\n").map((line, i) => (
              <>
                {i > 0 ? <br /> : null}
                {line}
              </>
            ))}
          </p>
        ))}
    </>
  );
}

/** A website as a link only when it is one (http or https): anything else shows as text. */
function Website({ url }: { url: string }) {
  return /^https?:\/\//i.test(url) ? (
    <a href={url} rel="nofollow ugc noopener noreferrer">
      {url}
    </a>
  ) : (
    <span>{url}</span>
  );
}

/** The last decision on a comment and why, when there is a why to say. */
function Why({
  t,
  last,
  names,
}: {
  t: Messages;
  last: LogLine | undefined;
  names: ReadonlyMap<number, string>;
}) {
  if (!last || last.reasons.length === 0) return null;
  return (
    <p class="desk-why">
      <strong>{t.desk.why}</strong> {last.reasons.map((r) => reasonWords(t, r)).join(" ; ")}.{" "}
      <span class="desk-muted">{t.desk.decidedBy(actorWords(t, last.actor, names))}</span>
    </p>
  );
}

function History({
  t,
  fmt,
  comment,
  names,
}: {
  t: Messages;
  fmt: Formatter;
  comment: DeskComment;
  names: ReadonlyMap<number, string>;
}) {
  if (comment.log.length <= 1 && comment.edits.length === 0) return null;
  const who = (id: number) =>
    id === 0 ? t.desk.operator : (names.get(id) ?? t.desk.someone(String(id)));
  return (
    <details class="desk-history">
      <summary>{t.desk.history}</summary>
      <ol>
        {comment.log.map((l) => (
          <li>
            {t.desk.historyLine(
              fmt.dateTime(l.at),
              actorWords(t, l.actor, names),
              t.desk.statusOne[l.status as keyof Messages["desk"]["statusOne"]] ?? l.status,
            )}
            {l.reasons.length > 0
              ? ` — ${l.reasons.map((r) => reasonWords(t, r)).join(" ; ")}`
              : ""}
          </li>
        ))}
      </ol>
      {comment.edits.map((e) => (
        <div class="desk-original">
          <p>{t.desk.original(fmt.dateTime(e.at), who(e.by))}</p>
          <p>
            <b>{e.name}</b>
            {e.website ? <> · {e.website}</> : null}
          </p>
          <blockquote>
            <Text text={e.body} />
          </blockquote>
        </div>
      ))}
    </details>
  );
}

/** Buttons of one comment, by its status: what may be done to it from here. */
function actionsFor(c: DeskComment) {
  const list: { action: string; key?: string }[] = [];
  if (c.status !== "approved") list.push({ action: "approve", key: "a" });
  if (c.status !== "spam") list.push({ action: "spam", key: "s" });
  if (c.status !== "trash") list.push({ action: "trash", key: "t" });
  if (c.status === "spam" || c.status === "trash") list.push({ action: "restore" });
  // A mention is listed apart from the comments: it is never put first among them.
  if (c.status === "approved" && c.kind === "comment")
    list.push({ action: c.featured ? "unfeature" : "feature" });
  if (c.gif) list.push({ action: "removeGif" });
  return list;
}

export interface CardContext {
  t: Messages;
  fmt: Formatter;
  names: ReadonlyMap<number, string>;
  /** The queue's own address, where every form comes back to. */
  back: string;
  /** An error on this comment's actions (a refused action, no JavaScript). */
  error?: { id: number; text: string } | undefined;
}

/**
 * One comment on the desk: who wrote it (address and website for staff eyes), where, when, its
 * text, why it is where it is, its history, and what can be done to it — each a real form, so
 * the desk works without JavaScript; the desk island adds keys and inline actions.
 */
export function CommentCard({
  ctx,
  comment: c,
  next,
}: {
  ctx: CardContext;
  comment: DeskComment;
  /** The comment after this one (or before, for the last): where focus goes after an action. */
  next: number | undefined;
}) {
  const { t, fmt } = ctx;
  const id = deskAnchor(c.id);
  const error = ctx.error?.id === c.id ? ctx.error.text : undefined;
  return (
    <li>
      <article
        class="desk-comment"
        id={id}
        tabindex={-1}
        data-id={c.id}
        aria-labelledby={`${id}-title`}
      >
        <header class="desk-comment-head">
          <input
            type="checkbox"
            class="desk-select"
            form="desk-bulk"
            name="ids"
            value={String(c.id)}
            id={`${id}-select`}
            aria-label={t.desk.select(c.authorName)}
          />
          <h2 id={`${id}-title`} class="desk-author">
            {c.authorName}
          </h2>
          {c.staff ? <span class="badge badge-staff">{t.desk.staffBadge}</span> : null}
          {c.kind !== "comment" ? (
            <span class="badge badge-mention" data-kind={c.kind}>
              {t.desk.kindBadge[c.kind]}
            </span>
          ) : null}
          {c.featured ? <span class="badge">{t.desk.featuredBadge}</span> : null}
          {c.edits.length > 0 ? <span class="badge">{t.desk.editedBadge}</span> : null}
          <span class="desk-muted">{t.desk.number(c.id)}</span>
        </header>
        <p class="desk-meta">
          <span class="desk-email">{c.authorEmail}</span>
          {c.authorWebsite ? (
            <>
              {" · "}
              <Website url={c.authorWebsite} />
            </>
          ) : null}
        </p>
        <p class="desk-meta">
          {t.desk.onArticle}{" "}
          <a
            href={`${paths.article(c.articleSlug)}#${c.kind === "comment" ? "comment" : "mention"}-${c.id}`}
          >
            {c.articleTitle}
          </a>
          {" · "}
          <time datetime={c.createdAt}>{fmt.dateTime(c.createdAt)}</time>
          {" · "}
          <a href={paths.admin.deskQueue({ status: c.status, article: c.articleId })}>
            {t.desk.articleQueue}
          </a>
        </p>
        <div class="desk-text">
          <Text text={c.body} />
        </div>
        {c.gif ? (
          <figure class="desk-gif">
            <img
              src={c.gif.still ?? c.gif.src}
              width={c.gif.width}
              height={c.gif.height}
              alt={c.gif.title || t.gifs.alt}
              loading="lazy"
            />
            <figcaption>
              <a href={c.gif.src}>{t.desk.gifCaption(c.gif.title || t.gifs.alt)}</a>
            </figcaption>
          </figure>
        ) : null}
        <Why t={t} last={c.log.at(-1)} names={ctx.names} />
        <History t={t} fmt={fmt} comment={c} names={ctx.names} />
        <form method="post" action={paths.admin.deskAction(c.id)} class="desk-actions">
          <input type="hidden" name="retour" value={ctx.back} />
          {next !== undefined ? <input type="hidden" name="suivant" value={String(next)} /> : null}
          {actionsFor(c).map(({ action, key }) => (
            <button
              type="submit"
              name="action"
              value={action}
              class={action === "approve" ? undefined : "secondary"}
              data-key={key}
              aria-keyshortcuts={key}
            >
              {t.desk.actions[action as keyof Messages["desk"]["actions"]]}
            </button>
          ))}
          <a
            href={`${paths.admin.deskEdit(c.id)}?retour=${encodeURIComponent(ctx.back)}`}
            aria-label={t.desk.editOf(c.authorName)}
          >
            {t.desk.edit}
          </a>
          <a href={paths.admin.banNew(c.id)} aria-label={t.desk.banOf(c.authorName)}>
            {t.desk.ban}
          </a>
          {error ? (
            <span class="field-error" role="alert">
              {error}
            </span>
          ) : null}
        </form>
        {c.status === "spam" || c.status === "trash" || c.kind !== "comment" ? null : (
          <details class="desk-reply">
            <summary aria-keyshortcuts="r">{t.desk.replyOf(c.authorName)}</summary>
            <form method="post" action={paths.admin.deskReply(c.id)}>
              <input type="hidden" name="retour" value={ctx.back} />
              <p class="field">
                <label for={`${id}-reply`}>{t.desk.replyLabel}</label>
                <textarea id={`${id}-reply`} name="body" rows={4} maxLength={20000} />
              </p>
              <p class="form-submit">
                <button type="submit">{t.desk.replySubmit}</button>
              </p>
            </form>
          </details>
        )}
      </article>
    </li>
  );
}
