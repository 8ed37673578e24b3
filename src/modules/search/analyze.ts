import { terms } from "../../lib/french-text.js";
import { htmlText } from "../../lib/html-text.js";

/** An article's terms as indexed: its headline and tags, and its standfirst and body. */
export interface DocumentTerms {
  title: string[];
  body: string[];
}

export function analyze(article: {
  title: string;
  standfirst: string;
  body_html: string;
  tags: readonly string[];
}): DocumentTerms {
  return {
    title: [...terms(article.title), ...article.tags.flatMap((t) => terms(t))],
    body: [...terms(article.standfirst), ...terms(htmlText(article.body_html))],
  };
}
