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
  const w = t.search;
  return (
    <section class="search-page">
      <h1>{query.q ? w.titleFor(query.q) : w.title}</h1>
      <form
        class="search-form"
        role="search"
        aria-label={w.title}
        method="get"
        action={paths.search(t.lang)}
      >
        <p class="search-words">
          <label for="search-q">{w.field}</label>
          <input
            type="search"
            id="search-q"
            name="q"
            value={query.q}
            maxLength={1000}
            autocomplete="off"
            aria-describedby="search-hint"
            data-search-suggest={paths.searchSuggestions}
            data-suggest-label={w.suggestions}
          />
          <button type="submit">{w.submit}</button>
        </p>
        <p id="search-hint" class="search-hint">
          {w.hint}
        </p>
        <fieldset class="search-filters">
          <legend>{w.filters}</legend>
          <label for="search-section">{w.section}</label>
          <select id="search-section" name="rubrique">
            <option value="">{w.anySection}</option>
            {(found?.sections ?? site.categories).map((c) => (
              <option value={c.slug} selected={c.slug === query.section}>
                {c.name}
              </option>
            ))}
          </select>
          <label for="search-from">{w.from}</label>
          <input type="date" id="search-from" name="du" value={query.from ?? ""} />
          <label for="search-to">{w.to}</label>
          <input type="date" id="search-to" name="au" value={query.to ?? ""} />
        </fieldset>
      </form>
      {!found ? (
        <p class="search-empty">{w.empty}</p>
      ) : found.results.length === 0 ? (
        <p class="search-none">{w.none}</p>
      ) : (
        <>
          <p class="search-count" role="status">
            {w.found(fmt.number(found.total), found.total, found.capped)}
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
            label={w.pages}
            page={found.page}
            totalPages={found.totalPages}
            href={(page) => paths.search(t.lang, { ...query, page })}
          />
        </>
      )}
    </section>
  );
}
