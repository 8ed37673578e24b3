/**
 * Every reader URL, query string and fragment in one place, so a link, its route, the redirect
 * after a post and the comment island never disagree. Pure and import-free: the island, which runs
 * in the browser, uses it too.
 */

/** Fragment ids the article page carries, and links and the island point at. */
export const anchors = {
  /** The comment section. */
  comments: "comments",
  /** The comment form. */
  respond: "respond",
  /** The summary of a refused comment form (focusable: a fragment naming it moves focus there). */
  formErrors: "form-errors",
  comment: (id: number | string) => `comment-${id}`,
};

/** A queue of the moderation desk: its status, and what narrows it. */
export interface DeskQuery {
  status: string;
  article?: number | undefined;
  q?: string | undefined;
  page?: number | undefined;
}

/** The fragment id of a comment on the desk (not a reader page's `comment-N`). */
export const deskAnchor = (id: number | string) => `desk-comment-${id}`;

/** A search as its page's address holds it (`/recherche?q=…&rubrique=…&du=…&au=…&page=…`). */
export interface SearchQuery {
  q: string;
  section?: string | undefined;
  /** Days, `YYYY-MM-DD`, both included. */
  from?: string | undefined;
  to?: string | undefined;
  page?: number | undefined;
}

const searchPath = (lang: string) => (lang === "en" ? "/search" : "/recherche");

const pageQuery = (page: number) => (page > 1 ? `?page=${page}` : "");
/** The page of comments, when not the first (WordPress's `cpage`, kept for its links). */
const commentPageQuery = (page: number) => (page > 1 ? `?cpage=${page}` : "");

const article = (slug: string) => `/article/${encodeURIComponent(slug)}`;
const commentForm = (slug: string) => `${article(slug)}/commentaires`;

/** A feed's format, and the extension its address ends with. */
export type FeedFormat = "rss" | "atom" | "json";
const feedFile = (format: FeedFormat) =>
  `feed.${format === "rss" ? "xml" : format === "atom" ? "atom" : "json"}`;
const listing = (kind: string, slug: string) => `/${kind}/${encodeURIComponent(slug)}`;

/** Paths of reader pages. */
export const paths = {
  home: (page = 1) => `/${pageQuery(page)}`,
  article,
  /**
   * Where the comment form posts; asked with GET (the island does), a fresh form stamp as JSON
   * `{ stamp }` (decision 013).
   */
  comments: commentForm,
  category: (slug: string, page = 1) => `/rubrique/${encodeURIComponent(slug)}${pageQuery(page)}`,
  tag: (slug: string, page = 1) => `/tag/${encodeURIComponent(slug)}${pageQuery(page)}`,
  author: (slug: string, page = 1) => `/auteur/${encodeURIComponent(slug)}${pageQuery(page)}`,
  /** One of the site's own pages (« Mentions légales », « À propos »). */
  page: (slug: string) => `/page/${encodeURIComponent(slug)}`,
  /** A page of an article's comments, scrolled to the comment section. */
  commentPage: (slug: string, page = 1) =>
    `${article(slug)}${commentPageQuery(page)}#${anchors.comments}`,
  /** One comment, on the page of comments it is on: where a post without JavaScript lands. */
  comment: (slug: string, id: number, page: number) =>
    `${article(slug)}${commentPageQuery(page)}#${anchors.comment(id)}`,
  /**
   * "Répondre" without JavaScript (WordPress's `replytocom`): the same page of comments, its form
   * set to answer comment `id`.
   */
  reply: (slug: string, id: number, page: number) =>
    `${article(slug)}?replytocom=${id}${page > 1 ? `&cpage=${page}` : ""}#${anchors.respond}`,
  /** The pages of one thread's replies, when they do not all fit on the article page. */
  replies: (slug: string, rootId: number, page = 1) =>
    `${article(slug)}/reponses/${rootId}${pageQuery(page)}`,
  /** One reply, on the page of its thread's replies it is on. */
  commentInThread: (slug: string, rootId: number, page: number, id: number) =>
    `${article(slug)}/reponses/${rootId}${pageQuery(page)}#${anchors.comment(id)}`,
  /** "Répondre" without JavaScript on a page of a thread's replies. */
  replyInThread: (slug: string, rootId: number, page: number, id: number) =>
    `${article(slug)}/reponses/${rootId}?replytocom=${id}${page > 1 ? `&page=${page}` : ""}#${anchors.respond}`,
  /** The form, back to a new top-level comment. */
  respond: (slug: string) => `${article(slug)}#${anchors.respond}`,
  /**
   * Where a comment refused without JavaScript is shown again (a 303 after the post): the form's
   * own address, its fragment on the error summary, so the browser focuses it (decision 022).
   */
  refusedComment: (slug: string) => `${commentForm(slug)}#${anchors.formErrors}`,
  /** Feeds: the site's, a section's, a tag's, a byline's; an article's comments (RSS). */
  feeds: {
    site: (format: FeedFormat = "rss") => `/${feedFile(format)}`,
    category: (slug: string, format: FeedFormat = "rss") =>
      `${listing("rubrique", slug)}/${feedFile(format)}`,
    tag: (slug: string, format: FeedFormat = "rss") =>
      `${listing("tag", slug)}/${feedFile(format)}`,
    author: (slug: string, format: FeedFormat = "rss") =>
      `${listing("auteur", slug)}/${feedFile(format)}`,
    comments: (slug: string) => `${article(slug)}/${feedFile("rss")}`,
  },
  /** For search engines: the sitemap index, each sitemap it lists, robots.txt. */
  sitemaps: {
    index: "/sitemap.xml",
    articles: (page: number) => `/sitemaps/articles-${page}.xml`,
    sections: "/sitemaps/rubriques.xml",
    tags: "/sitemaps/tags.xml",
    authors: "/sitemaps/auteurs.xml",
    news: "/sitemaps/actualites.xml",
    robots: "/robots.txt",
  },
  /** The search page, in the site's language: `/recherche` (fr) or `/search` (en). */
  search: (lang: string, q?: SearchQuery) => {
    if (!q) return searchPath(lang);
    const query = new URLSearchParams({ q: q.q });
    if (q.section) query.set("rubrique", q.section);
    if (q.from) query.set("du", q.from);
    if (q.to) query.set("au", q.to);
    if (q.page !== undefined && q.page > 1) query.set("page", String(q.page));
    return `${searchPath(lang)}?${query.toString()}`;
  },
  /** The search box's suggestions, `?q=` (JSON: `{ suggestions: [{ url, title }] }`). */
  searchSuggestions: "/recherche/suggestions",
  /** The newsroom. Its pages are never cached and its cookie is sent to them alone. */
  admin: {
    home: "/admin",
    signIn: "/admin/connexion",
    signOut: "/admin/deconnexion",
    signOutEverywhere: "/admin/deconnexion-partout",
    articles: "/admin/articles",
    /** The second step of signing in, for accounts with a second factor. */
    secondStep: "/admin/connexion/code",
    account: "/admin/compte",
    accountProfile: "/admin/compte/profil",
    accountPassword: "/admin/compte/mot-de-passe",
    /** Closes one of the person's own sessions (named in the form by its hash). */
    accountCloseSession: "/admin/compte/sessions/fermer",
    secondFactor: "/admin/compte/double-authentification",
    secondFactorStart: "/admin/compte/double-authentification/activer",
    secondFactorConfirm: "/admin/compte/double-authentification/confirmer",
    secondFactorRenew: "/admin/compte/double-authentification/codes",
    secondFactorDisable: "/admin/compte/double-authentification/desactiver",
    people: "/admin/personnes",
    personRole: (id: number | string) => `/admin/personnes/${id}/role`,
    personDisable: (id: number | string) => `/admin/personnes/${id}/desactiver`,
    personEnable: (id: number | string) => `/admin/personnes/${id}/reactiver`,
    personResetSecondFactor: (id: number | string) =>
      `/admin/personnes/${id}/double-authentification/retirer`,
    /** Closes every session of this person, on every instance (an admin's action). */
    personSignOut: (id: number | string) => `/admin/personnes/${id}/deconnecter`,
    requireSecondFactor: "/admin/personnes/double-authentification-obligatoire",
    invitations: "/admin/personnes/invitations",
    revokeInvitation: (id: number | string) => `/admin/personnes/invitations/${id}/revoquer`,
    /** The settings screens (admins): the site, the discussion rules, outside services. */
    settings: {
      site: "/admin/reglages",
      discussion: "/admin/reglages/discussion",
      integrations: "/admin/reglages/integrations",
    },
    /** Where the site screen's logo form posts (an image's number, or empty: no logo). */
    siteLogo: "/admin/reglages/logo",
    /** "Test this key" and "remove the key" of one outside service (settings/integrations.ts). */
    integrationTest: (name: string) => `/admin/reglages/integrations/${name}/tester`,
    integrationRemoveKey: (name: string) => `/admin/reglages/integrations/${name}/retirer-la-cle`,
    /**
     * Where an invitation link leads: its token (base64url, safe in a path as it is) is the last
     * segment, kept out of the logs (lib/logger.ts).
     */
    invitation: (token: string) => `/admin/invitation/${token}`,
    newArticle: "/admin/articles/nouveau",
    article: (id: number | string) => `/admin/articles/${id}`,
    /** Where the edit page's island posts the form as typed (JSON answer). */
    autosave: (id: number | string) => `/admin/articles/${id}/brouillon`,
    restoreAutosave: (id: number | string) => `/admin/articles/${id}/brouillon/reprendre`,
    discardAutosave: (id: number | string) => `/admin/articles/${id}/brouillon/oublier`,
    revisions: (id: number | string) => `/admin/articles/${id}/revisions`,
    restoreRevision: (id: number | string, revision: number | string) =>
      `/admin/articles/${id}/revisions/${revision}/restaurer`,
    /** Tag suggestions, `?q=` (JSON). */
    tags: "/admin/etiquettes",
    sections: "/admin/rubriques",
    /** The site's own pages (« Mentions légales »): the list, a new one, one to edit. */
    pages: "/admin/pages",
    newPage: "/admin/pages/nouvelle",
    page: (id: number | string) => `/admin/pages/${id}`,
    section: (id: number | string) => `/admin/rubriques/${id}`,
    /** Deletes a section into another (POST, `into`). */
    sectionDelete: (id: number | string) => `/admin/rubriques/${id}/suppression`,
    /** The media library: the list (`?q=`, `?page=`; JSON for the picker) and where uploads post. */
    media: "/admin/medias",
    mediaPage: (q: string, page = 1) => {
      const query = new URLSearchParams();
      if (q) query.set("q", q);
      if (page > 1) query.set("page", String(page));
      const s = query.toString();
      return s ? `/admin/medias?${s}` : "/admin/medias";
    },
    /** One image: its details (POST changes them), where it is used. */
    mediaItem: (id: number) => `/admin/medias/${id}`,
    mediaDelete: (id: number) => `/admin/medias/${id}/suppression`,
    /** The moderation desk (issue 11): its queues, actions on one comment, bulk actions. */
    desk: "/admin/commentaires",
    /** The menu's counts of the desk's queues, as JSON (web/islands/live-counts.ts polls it). */
    deskCounts: "/admin/commentaires/compteurs",
    deskQueue: (q: DeskQuery) => {
      const query = new URLSearchParams({ statut: q.status });
      if (q.article !== undefined) query.set("article", String(q.article));
      if (q.q) query.set("q", q.q);
      if (q.page !== undefined && q.page > 1) query.set("page", String(q.page));
      return `/admin/commentaires?${query.toString()}`;
    },
    deskAction: (id: number | string) => `/admin/commentaires/${id}/action`,
    deskBulk: "/admin/commentaires/lot",
    deskEdit: (id: number | string) => `/admin/commentaires/${id}/modifier`,
    deskReply: (id: number | string) => `/admin/commentaires/${id}/repondre`,
    bans: "/admin/commentaires/bannissements",
    banNew: (commentId?: number) =>
      `/admin/commentaires/bannissements/nouveau${commentId === undefined ? "" : `?commentaire=${commentId}`}`,
    banLift: (id: number | string) => `/admin/commentaires/bannissements/${id}/lever`,
    /** The audit log of staff actions (admins). */
    journal: "/admin/journal",
  },
  /** An uploaded image or one of its variants: keys are URL-safe as they are (media/keys.ts). */
  media: (key: string) => `/media/${key}`,
  /** A draft as readers will see it, for whoever holds the signed link. */
  preview: (token: string) => `/apercu/${token}`,
};
