import { BENCH_ARTICLE_SLUG, categoryRows } from "../data/plan.js";
import { get } from "./http.js";
import type { Load } from "./load.js";

const isOk = (status: number) => status === 200;

export const ARTICLE_PATH = `/article/${BENCH_ARTICLE_SLUG}`;

/** The reader pages the bench measures, in the order it prints them. */
export function pageLoads(): { key: string; label: string; load: Load }[] {
  const category = categoryRows()[0]?.slug ?? "politique";
  const page = (key: string, label: string, path: string) => ({
    key,
    label,
    load: { method: "GET" as const, path, ok: isOk },
  });
  return [
    page("home", "home /", "/"),
    page("category", `category /rubrique/${category}`, `/rubrique/${category}`),
    page("article", `article ${ARTICLE_PATH}`, ARTICLE_PATH),
    page("feed", "feed /feed.xml", "/feed.xml"),
  ];
}

/** Where a search page may one day live; the first that answers 200 is measured. */
const SEARCH_CANDIDATES = ["/recherche?q=conseil", "/search?q=conseil"];

/** The search page's load, or undefined while the site has no search (which is no failure). */
export async function searchLoad(baseUrl: string): Promise<Load | undefined> {
  for (const path of SEARCH_CANDIDATES) {
    const res = await get(`${baseUrl}${path}`).catch(() => undefined);
    if (res?.status === 200) return { method: "GET", path, ok: isOk };
  }
  return undefined;
}

/**
 * Valid comments from distinct readers, as the form posts them without JavaScript: each request
 * has its own author and text (the duplicate rule would refuse repeats), and says it comes from
 * the site itself, as a browser does. Only the 303 back to the article counts as accepted.
 */
export function commentPostLoad(): Load {
  // Unique to this process, so that no two runs on one database post the same comment.
  const run = `${process.pid.toString(36)}${Date.now().toString(36)}`;
  let n = 0;
  return {
    method: "POST",
    path: `${ARTICLE_PATH}/commentaires`,
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "sec-fetch-site": "same-origin",
    },
    body: () => {
      n++;
      return new URLSearchParams({
        name: `Lectrice ${n}`,
        email: `lectrice-${run}-${n}@bench.example`,
        body: `Merci pour cet article, commentaire numéro ${n} (${run}).`,
      }).toString();
    },
    ok: (status) => status === 303,
  };
}
