import { describedBy, Field, FormErrors } from "../../../web/components/field.js";
import { Pagination } from "../../../web/components/pagination.js";
import { ResponsiveImage } from "../../../web/components/responsive-image.js";
import type { Messages } from "../../../web/i18n/index.js";
import { paths } from "../../../web/urls.js";
import type { LibraryPage, Usage } from "../service.js";
import { DetailFields, type DetailValues } from "./detail-fields.js";

/** The upload form as shown: empty, or refused with its texts and a message per field. */
export interface UploadFormState {
  values: DetailValues;
  errors: Readonly<Record<string, string>>;
  summary?: string;
}

export interface LibraryProps {
  t: Messages;
  /** Undefined when the search itself was refused (`searchError`). */
  library: LibraryPage | undefined;
  q: string;
  searchError?: string;
  upload: UploadFormState;
  maxUploadMB: number;
  notice?: string;
}

/** Links to the newsroom pages of the articles that use an image. */
export function UsageLinks({ t, usage }: { t: Messages; usage: readonly Usage[] }) {
  const m = t.newsroom.media;
  if (usage.length === 0) return <>{m.unused}</>;
  return (
    <>
      {m.usedIn}{" "}
      {usage.map((u, i) => (
        <>
          {i > 0 ? ", " : null}
          <a href={`${paths.admin.articles}/${u.articleId}`}>{u.title}</a>
        </>
      ))}
    </>
  );
}

function UploadForm({
  t,
  state,
  maxUploadMB,
}: {
  t: Messages;
  state: UploadFormState;
  maxUploadMB: number;
}) {
  const m = t.newsroom.media;
  return (
    <section class="media-upload" aria-labelledby="upload-title">
      <h2 id="upload-title">{m.upload.title}</h2>
      <form method="post" action={paths.admin.media} enctype="multipart/form-data" novalidate>
        <FormErrors summary={state.summary} />
        <Field
          id="upload-file"
          label={m.upload.file}
          required
          hint={m.upload.fileHint(maxUploadMB)}
          error={state.errors.file}
        >
          <input
            id="upload-file"
            name="file"
            type="file"
            accept="image/jpeg,image/png,image/webp,image/gif,image/avif"
            required
            {...describedBy("upload-file", state.errors.file, true)}
          />
        </Field>
        <DetailFields t={t} prefix="upload" values={state.values} errors={state.errors} />
        <p class="form-submit">
          <button type="submit">{m.upload.submit}</button>
        </p>
      </form>
    </section>
  );
}

/** The media library: the upload form, the search, and a page of images with where each is used. */
export function LibraryView(props: LibraryProps) {
  const { t, library, q, searchError, upload, maxUploadMB, notice } = props;
  const m = t.newsroom.media;
  return (
    <>
      <h1>{m.title}</h1>
      {notice ? (
        <p class="notice" role="status">
          {notice}
        </p>
      ) : null}
      <UploadForm t={t} state={upload} maxUploadMB={maxUploadMB} />
      <section class="media-browse" aria-labelledby="list-title">
        <h2 id="list-title">{q && !searchError ? m.results(q) : m.list}</h2>
        <form method="get" action={paths.admin.media} role="search" class="media-search">
          <Field id="q" label={m.search} hint={m.searchHint} error={searchError}>
            <input
              id="q"
              name="q"
              type="search"
              value={q}
              {...describedBy("q", searchError, true)}
            />
          </Field>
          <p class="form-submit">
            <button type="submit">{m.searchSubmit}</button>
          </p>
        </form>
        {library ? <Results t={t} library={library} q={q} /> : null}
      </section>
    </>
  );
}

function Results({ t, library, q }: { t: Messages; library: LibraryPage; q: string }) {
  const m = t.newsroom.media;
  if (library.total === 0) return <p>{q ? m.none : m.empty}</p>;
  return (
    <>
      <p class="media-count">{m.count(library.total)}</p>
      <ul class="media-grid">
        {library.items.map((item) => (
          <li class="media-card" key={item.id}>
            <ResponsiveImage image={item} sizes="12rem" class="media-thumb" />
            <p class="media-name">
              <a href={paths.admin.mediaItem(item.id)}>{item.filename}</a>
            </p>
            <p class="media-facts">
              {m.size(item.width, item.height)} ·{" "}
              <span class={`media-status media-status-${item.status}`}>
                {m.status[item.status]}
              </span>
            </p>
            {item.alt ? (
              <p class="media-alt">{item.alt}</p>
            ) : (
              <p class="media-alt media-alt-missing">{m.noAlt}</p>
            )}
            <p class="media-usage">
              <UsageLinks t={t} usage={item.usage} />
            </p>
          </li>
        ))}
      </ul>
      <Pagination
        t={t}
        page={library.page}
        totalPages={library.totalPages}
        href={(page) => paths.admin.mediaPage(q, page)}
      />
    </>
  );
}
