import type { Site } from "../site.js";
import { paths } from "../urls.js";

/**
 * `kept`: what the reader typed in a form that could not be shown again (its page needs the
 * database, which could not be reached): given back to copy, so that nothing typed is lost.
 */
export function ErrorView({
  site,
  title,
  text,
  kept,
}: {
  site: Site;
  title: string;
  text: string;
  kept?: string | undefined;
}) {
  return (
    <section class="error-page">
      <h1>{title}</h1>
      <p>{text}</p>
      {kept ? (
        <p>
          <label for="kept-text">{site.t.errors.keptText}</label>
          <textarea id="kept-text" readonly rows={8}>
            {/* HTML drops one newline right after <textarea>: this one, not the reader's. */}
            {`\n${kept}`}
          </textarea>
        </p>
      ) : null}
      <p>
        <a href={paths.home()}>{site.t.errors.backHome}</a>
      </p>
    </section>
  );
}
