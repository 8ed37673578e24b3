/**
 * The search page's and the search box's words (issue 13), in a file of their own so the main
 * catalogues only name them (`search` in fr.ts and en.ts). Read as `t.search.…`.
 */
export const searchFr = {
  /** The form in every page's header, and its button. */
  label: "Rechercher sur le site",
  submit: "Rechercher",
  title: "Recherche",
  titleFor: (q: string) => `Recherche : ${q}`,
  field: "Mots recherchés",
  hint: "Des mots entre guillemets cherchent l’expression exacte ; une faute de frappe est pardonnée.",
  filters: "Affiner la recherche",
  section: "Rubrique",
  anySection: "Toutes les rubriques",
  from: "Publié depuis le",
  to: "Publié jusqu’au",
  found: (n: string, count: number, capped: boolean) =>
    capped
      ? `Plus de ${n} articles trouvés`
      : count === 1
        ? "1 article trouvé"
        : `${n} articles trouvés`,
  none: "Aucun article ne correspond à cette recherche.",
  empty: "Tapez un ou plusieurs mots pour chercher parmi les articles.",
  pages: "Pages de résultats",
  suggestions: "Suggestions",
};

export type SearchWords = typeof searchFr;

export const searchEn: SearchWords = {
  label: "Search the site",
  submit: "Search",
  title: "Search",
  titleFor: (q: string) => `Search: ${q}`,
  field: "Search for",
  hint: "Words in quotes look for the exact phrase; one typo is forgiven.",
  filters: "Narrow the search",
  section: "Section",
  anySection: "All sections",
  from: "Published from",
  to: "Published until",
  found: (n: string, count: number, capped: boolean) =>
    capped
      ? `More than ${n} articles found`
      : count === 1
        ? "1 article found"
        : `${n} articles found`,
  none: "No article matches this search.",
  empty: "Type one or more words to search the articles.",
  pages: "Result pages",
  suggestions: "Suggestions",
};
