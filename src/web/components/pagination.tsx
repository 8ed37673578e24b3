import type { Messages } from "../i18n/index.js";

export function Pagination({
  t,
  page,
  totalPages,
  href,
  label,
}: {
  t: Messages;
  page: number;
  totalPages: number;
  href: (page: number) => string;
  label?: string;
}) {
  if (totalPages <= 1) return null;
  return (
    <nav class="pagination" aria-label={label ?? t.pagination}>
      {page > 1 ? (
        <a rel="prev" href={href(page - 1)}>
          ← {t.previous}
        </a>
      ) : null}
      <span aria-current="page">{t.pageOf(page, totalPages)}</span>
      {page < totalPages ? (
        <a rel="next" href={href(page + 1)}>
          {t.next} →
        </a>
      ) : null}
    </nav>
  );
}
