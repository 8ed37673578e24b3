import type { Site } from "../site.js";
import { paths } from "../urls.js";

export function ErrorView({ site, title, text }: { site: Site; title: string; text: string }) {
  return (
    <section class="error-page">
      <h1>{title}</h1>
      <p>{text}</p>
      <p>
        <a href={paths.home()}>{site.t.errors.backHome}</a>
      </p>
    </section>
  );
}
