import type { Site } from "../../../web/site.js";
import type { Mention } from "../reading.js";

/**
 * Other sites citing the article (pingbacks and trackbacks, kept by a WordPress import), as
 * WordPress themes list them: a compact list apart from the comments, the citing page's title
 * linking to it, no avatar, no reply link. Nothing at all when there are none.
 */
export function MentionList({ site, mentions }: { site: Site; mentions: readonly Mention[] }) {
  if (mentions.length === 0) return null;
  const { t, fmt } = site;
  return (
    <section class="mentions" aria-labelledby="mentions-title">
      <h3 id="mentions-title">{t.comments.mentions(fmt.number(mentions.length))}</h3>
      <ol class="mention-list">
        {mentions.map((m) => (
          <li id={`mention-${m.id}`} class="mention" data-kind={m.kind}>
            <span class="mention-kind">{t.comments.mentionKind[m.kind]}</span>{" "}
            {m.url ? (
              <a href={m.url} rel="nofollow ugc">
                {m.title || m.url}
              </a>
            ) : (
              <span>{m.title}</span>
            )}{" "}
            <time class="mention-date" datetime={m.createdAt}>
              {fmt.date(m.createdAt)}
            </time>
          </li>
        ))}
      </ol>
    </section>
  );
}
