import { Pagination } from "../../../web/components/pagination.js";
import type { Site } from "../../../web/site.js";
import { paths, type SearchQuery } from "../../../web/urls.js";
import type { SearchResults } from "../service.js";
import { Marked } from "./marked.js";

/**
 * The search page: the form (words, section, dates: a GET, so a search is an address to share),
 * then the ranked results, each with its marked headline and passage, and pages. The words field
 * carries the search box's hooks (`data-search-suggest`): the island adds suggestions as one types.
 */
export function SearchPage({
  site,
  query,
  found,
}: {
  site: Site;
  query: SearchQuery;
  found: SearchResults | undefined;
}) {
  const { t, fmt } = site;
  return (
    <section class="search-page">
      <h1>{query.q ? t.search.titleFor(query.q) : t.search.title}</h1>
      <form
        class="search-form"
        role="search"
        aria-label={t.search.title}
        method="get"
        action={paths.search(t.lang)}
      >
        <p class="search-words">
          <label for="search-q">{t.search.field}</label>
          <input
            type="search"
            id="search-q"
            name="q"
            value={query.q}
            maxLength={1000}
            autocomplete="off"
            aria-describedby="search-hint"
            data-search-suggest={paths.searchSuggestions}
            data-suggest-label={t.search.suggestions}
          />
          <button type="submit">{t.search.submit}</button>
        </p>
        <p id="search-hint" class="search-hint">
          {t.search.hint}
        </p>
        <fieldset class="search-filters">
          <legend>{t.search.filters}</legend>
          <label for="search-section">{t.search.section}</label>
          <select id="search-section" name="rubrique">
            <option value="">{t.search.anySection}</option>
            {(found?.sections ?? site.categories).map((c) => (
              <option value={c.slug} selected={c.slug === query.section}>
                {c.name}
              </option>
            ))}
          </select>
          <label for="search-from">{t.search.from}</label>
          <input type="date" id="search-from" name="du" value={query.from ?? ""} />
          <label for="search-to">{t.search.to}</label>
          <input type="date" id="search-to" name="au" value={query.to ?? ""} />
        </fieldset>
      </form>
      {!found ? (
        <p class="search-empty">{t.search.empty}</p>
      ) : found.results.length === 0 ? (
        <p class="search-none">{t.search.none}</p>
      ) : (
        <>
          <p class="search-count" role="status">
            {t.search.found(fmt.number(found.total), found.total, found.capped)}
          </p>
          <ol class="search-results">
            {found.results.map((r) => (
              <li class="search-result">
                <h2 class="search-result-title">
                  <a href={paths.article(r.slug)}>
                    <Marked segments={r.title} />
                  </a>
                </h2>
                <p class="search-result-meta">
                  <a href={paths.category(r.category.slug)}>{r.category.name}</a>
                  {" · "}
                  <time datetime={r.publishedAt}>{fmt.date(r.publishedAt)}</time>
                </p>
                <p class="search-result-snippet">
                  <Marked segments={r.snippet} />
                </p>
              </li>
            ))}
          </ol>
          <Pagination
            t={t}
            label={t.search.pages}
            page={found.page}
            totalPages={found.totalPages}
            href={(page) => paths.search(t.lang, { ...query, page })}
          />
        </>
      )}
    </section>
  );
}
