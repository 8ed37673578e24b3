import { FormErrors } from "../../../web/components/field.js";
import { ResponsiveImage } from "../../../web/components/responsive-image.js";
import type { Messages } from "../../../web/i18n/index.js";
import { paths } from "../../../web/urls.js";
import type { MediaItem } from "../model.js";
import type { Usage } from "../service.js";
import { DetailFields, type DetailValues } from "./detail-fields.js";
import { statusWords, UsageLinks } from "./library.js";

export interface ItemProps {
  t: Messages;
  item: MediaItem;
  usage: readonly Usage[];
  /** The site's header shows it as its logo. */
  logo: boolean;
  /** The details form: the image's own texts, or a refused post's. */
  values: DetailValues;
  errors: Readonly<Record<string, string>>;
  summary?: string;
  /** Why the image was not deleted. */
  deleteError?: string;
  notice?: string;
}

/** One image: its picture and facts, its texts to change, where it is used, and deleting it. */
export function ItemView(props: ItemProps) {
  const { t, item, usage, logo, values, errors, summary, deleteError, notice } = props;
  return (
    <>
      <p>
        <a href={paths.admin.media}>← {t.newsroom.media.back}</a>
      </p>
      <h1>{item.filename}</h1>
      {notice ? (
        <p class="notice" role="status">
          {notice}
        </p>
      ) : null}
      <div class="media-item">
        <div class="media-preview">
          <ResponsiveImage image={item} sizes="(min-width: 60rem) 30rem, 100vw" aboveFold />
        </div>
        <dl class="media-facts-list">
          <dt>{t.newsroom.media.format}</dt>
          <dd>{item.format.toUpperCase()}</dd>
          <dt>{t.newsroom.media.dimensions}</dt>
          <dd>{t.newsroom.media.size(item.width, item.height)}</dd>
          <dt>{t.newsroom.media.fileWeight}</dt>
          <dd>{t.newsroom.media.weight(item.bytes)}</dd>
          <dt>{t.newsroom.media.state}</dt>
          <dd>
            <span class={`media-status media-status-${item.status}`}>
              {statusWords(t, item.status)}
            </span>
          </dd>
          <dt>{t.newsroom.media.usage}</dt>
          <dd class="media-usage">
            <UsageLinks t={t} usage={usage} logo={logo} />
          </dd>
        </dl>
      </div>
      <p>
        <a href={item.src}>{t.newsroom.media.original}</a>
      </p>
      <section aria-labelledby="details-title">
        <h2 id="details-title">{t.newsroom.media.details}</h2>
        <form method="post" action={paths.admin.mediaItem(item.id)} novalidate>
          <FormErrors summary={summary} />
          <DetailFields t={t} prefix="edit" values={values} errors={errors} />
          <p class="form-submit">
            <button type="submit">{t.newsroom.media.save}</button>
          </p>
        </form>
      </section>
      <section aria-labelledby="delete-title" class="media-delete">
        <h2 id="delete-title">{t.newsroom.media.remove.title}</h2>
        <p id="delete-text">
          {logo
            ? t.newsroom.media.remove.logo
            : usage.length > 0
              ? t.newsroom.media.remove.inUse
              : t.newsroom.media.remove.text}
        </p>
        {deleteError ? (
          <p class="form-errors" role="alert" id="delete-error">
            {deleteError}
          </p>
        ) : null}
        <form method="post" action={paths.admin.mediaDelete(item.id)}>
          <button
            type="submit"
            class="secondary danger"
            aria-describedby={deleteError ? "delete-text delete-error" : "delete-text"}
          >
            {t.newsroom.media.remove.submit}
          </button>
        </form>
      </section>
    </>
  );
}
