export * as articles from "./service.js";
export type { Article, ArticleSummary, Named, Paged } from "./model.js";
export type { ArticlesTables } from "./table.js";
export type { NewArticle, NewCategory, HomePage } from "./service.js";
export { ArticleView } from "./views/article.js";
