import { describedBy, Field, FormErrors } from "../../../web/components/field.js";
import { Pagination } from "../../../web/components/pagination.js";
import { ResponsiveImage } from "../../../web/components/responsive-image.js";
import type { Messages } from "../../../web/i18n/index.js";
import { paths } from "../../../web/urls.js";
import type { MediaItem } from "../model.js";
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

/** What an image's state is called (media table's `status`: "processing", "ready", "failed"). */
export function statusWords(t: Messages, status: MediaItem["status"]): string {
  return t.newsroom.media.status[status];
}

/** Links to the newsroom pages of the articles and site pages that use an image. */
export function UsageLinks({
  t,
  usage,
  logo,
}: {
  t: Messages;
  usage: readonly Usage[];
  /** The site's logo (settings → site): said first, with a link to where it is changed. */
  logo: boolean;
}) {
  const asLogo = logo ? (
    <a class="media-logo" href={`${paths.admin.settings.site}#site-logo`}>
      {t.newsroom.media.usedAsLogo}
    </a>
  ) : null;
  if (usage.length === 0) return asLogo ?? <>{t.newsroom.media.unused}</>;
  return (
    <>
      {asLogo ? <>{asLogo} · </> : null}
      {t.newsroom.media.usedIn}{" "}
      {usage.map((u, i) => (
        <>
          {i > 0 ? ", " : null}
          <a
            href={
              "pageId" in u ? paths.admin.page(u.pageId) : `${paths.admin.articles}/${u.articleId}`
            }
          >
            {u.title}
          </a>
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
  return (
    <section class="media-upload" aria-labelledby="upload-title">
      <h2 id="upload-title">{t.newsroom.media.upload.title}</h2>
      <form method="post" action={paths.admin.media} enctype="multipart/form-data" novalidate>
        <FormErrors summary={state.summary} />
        <Field
          id="upload-file"
          label={t.newsroom.media.upload.file}
          required
          hint={t.newsroom.media.upload.fileHint(maxUploadMB)}
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
          <button type="submit">{t.newsroom.media.upload.submit}</button>
        </p>
      </form>
    </section>
  );
}

/** The media library: the upload form, the search, and a page of images with where each is used. */
export function LibraryView(props: LibraryProps) {
  const { t, library, q, searchError, upload, maxUploadMB, notice } = props;
  return (
    <>
      <h1>{t.newsroom.media.title}</h1>
      {notice ? (
        <p class="notice" role="status">
          {notice}
        </p>
      ) : null}
      <UploadForm t={t} state={upload} maxUploadMB={maxUploadMB} />
      <section class="media-browse" aria-labelledby="list-title">
        <h2 id="list-title">
          {q && !searchError ? t.newsroom.media.results(q) : t.newsroom.media.list}
        </h2>
        <form method="get" action={paths.admin.media} role="search" class="media-search">
          <Field
            id="q"
            label={t.newsroom.media.search}
            hint={t.newsroom.media.searchHint}
            error={searchError}
          >
            <input
              id="q"
              name="q"
              type="search"
              value={q}
              {...describedBy("q", searchError, true)}
            />
          </Field>
          <p class="form-submit">
            <button type="submit">{t.newsroom.media.searchSubmit}</button>
          </p>
        </form>
        {library ? <Results t={t} library={library} q={q} /> : null}
      </section>
    </>
  );
}

function Results({ t, library, q }: { t: Messages; library: LibraryPage; q: string }) {
  if (library.total === 0) return <p>{q ? t.newsroom.media.none : t.newsroom.media.empty}</p>;
  return (
    <>
      <p class="media-count">{t.newsroom.media.count(library.total)}</p>
      <ul class="media-grid">
        {library.items.map((item) => (
          <li class="media-card" key={item.id}>
            <ResponsiveImage image={item} sizes="12rem" class="media-thumb" />
            <p class="media-name">
              <a href={paths.admin.mediaItem(item.id)}>{item.filename}</a>
            </p>
            <p class="media-facts">
              {t.newsroom.media.size(item.width, item.height)} ·{" "}
              <span class={`media-status media-status-${item.status}`}>
                {statusWords(t, item.status)}
              </span>
            </p>
            {item.alt ? (
              <p class="media-alt">{item.alt}</p>
            ) : (
              <p class="media-alt media-alt-missing">{t.newsroom.media.noAlt}</p>
            )}
            <p class="media-usage">
              <UsageLinks t={t} usage={item.usage} logo={item.logo} />
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
