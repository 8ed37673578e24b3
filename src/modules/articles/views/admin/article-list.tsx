import { Pagination } from "../../../../web/components/pagination.js";
import type { Formatter } from "../../../../web/i18n/format.js";
import type { Messages } from "../../../../web/i18n/index.js";
import { paths } from "../../../../web/urls.js";
import type { Paged } from "../../model.js";
import type { StaffRow } from "../../editing/staff-list.js";
import type { ArticleStatus } from "../../table.js";
import type { FormChoices } from "./article-fields.js";

/** The list's filters as the query string gives them back (what the form shows). */
export interface ListQuery {
  status: string;
  section: string;
  /** "mine", "all" or a person's id. */
  author: string;
  q: string;
}

const STATUSES: readonly ArticleStatus[] = ["draft", "review", "scheduled", "published"];

/** The newsroom's articles: a GET form of filters, a table, pages. */
export function ArticleListView({
  t,
  fmt,
  query,
  page,
  choices,
  href,
}: {
  t: Messages;
  fmt: Formatter;
  query: ListQuery;
  page: Paged<StaffRow> & { capped: boolean };
  choices: FormChoices;
  href: (page: number) => string;
}) {
  const option = (value: string, label: string, current: string) => (
    <option value={value} selected={value === current}>
      {label}
    </option>
  );
  return (
    <>
      <h1>{t.newsroom.writing.list.title}</h1>
      <p>
        <a class="button" href={paths.admin.newArticle}>
          {t.newsroom.writing.list.newArticle}
        </a>
      </p>
      <form
        method="get"
        action={paths.admin.articles}
        class="filters"
        role="search"
        aria-label={t.newsroom.writing.list.filters}
      >
        <label>
          {t.newsroom.writing.list.status}
          <select name="status">
            {option("", t.newsroom.writing.list.anyStatus, query.status)}
            {STATUSES.map((s) => option(s, t.newsroom.writing.statusNames[s], query.status))}
          </select>
        </label>
        <label>
          {t.newsroom.writing.list.section}
          <select name="section">
            {option("", t.newsroom.writing.list.anySection, query.section)}
            {choices.sections.map((s) => option(String(s.id), s.name, query.section))}
          </select>
        </label>
        <label>
          {t.newsroom.writing.list.author}
          <select name="author">
            {option("all", t.newsroom.writing.list.anyone, query.author)}
            {choices.people.map((p) => option(String(p.id), p.name, query.author))}
          </select>
        </label>
        <label>
          {t.newsroom.writing.list.search}
          <input type="search" name="q" value={query.q} maxLength={200} />
        </label>
        <button type="submit">{t.newsroom.writing.list.apply}</button>
      </form>
      <p>{t.newsroom.writing.list.count(`${fmt.number(page.total)}${page.capped ? "+" : ""}`)}</p>
      {page.items.length === 0 ? (
        <p>{t.newsroom.writing.list.none}</p>
      ) : (
        <table class="data-table">
          <thead>
            <tr>
              <th scope="col">{t.newsroom.writing.list.headline}</th>
              <th scope="col">{t.newsroom.writing.list.status}</th>
              <th scope="col">{t.newsroom.writing.list.section}</th>
              <th scope="col">{t.newsroom.writing.list.authors}</th>
              <th scope="col">{t.newsroom.writing.list.modified}</th>
              <th scope="col">{t.newsroom.writing.list.published}</th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((r) => (
              <tr>
                <td>
                  <a href={paths.admin.article(r.id)}>{r.title}</a>
                  {r.status === "published" ? (
                    <>
                      {" · "}
                      <a href={paths.article(r.slug)}>{t.newsroom.writing.list.viewOnSite}</a>
                    </>
                  ) : null}
                </td>
                <td>
                  <span class={`status status-${r.status}`}>
                    {t.newsroom.writing.statusNames[r.status]}
                  </span>
                </td>
                <td>{r.section}</td>
                <td>{r.authors.join(", ")}</td>
                <td>
                  <time datetime={r.modifiedAt}>{fmt.dateTime(r.modifiedAt)}</time>
                </td>
                <td>
                  {r.publishedAt ? (
                    <time datetime={r.publishedAt}>{fmt.dateTime(r.publishedAt)}</time>
                  ) : (
                    "—"
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination t={t} page={page.page} totalPages={page.totalPages} href={href} />
    </>
  );
}
