/** Every reader-facing string in French, the site's default language. `en.ts` has the same shape. */
export const fr = {
  lang: "fr",
  intlLocale: "fr-FR",
  skipToContent: "Aller au contenu",
  mainNav: "Rubriques",
  home: "Accueil",
  latest: "À la une",
  latestArticles: "Derniers articles",
  seeAll: (name: string) => `Tous les articles « ${name} »`,
  inCategory: "Dans",
  by: "Par",
  publishedOn: "Publié le",
  updatedOn: "Mis à jour le",
  tags: "Mots-clés",
  tagTitle: (name: string) => `Mot-clé : ${name}`,
  authorTitle: (name: string) => `Articles de ${name}`,
  noArticles: "Aucun article pour l’instant.",
  pagination: "Pagination",
  previous: "Page précédente",
  next: "Page suivante",
  pageOf: (page: number, total: number) => `Page ${page} sur ${total}`,
  related: "À lire aussi",
  commentCount: (n: string, count: number) =>
    count === 0 ? "Aucun commentaire" : count === 1 ? "1 commentaire" : `${n} commentaires`,
  comments: {
    leave: "Laisser un commentaire",
    replyTo: (name: string) => `Répondre à ${name}`,
    cancelReply: "Annuler la réponse",
    reply: "Répondre",
    note: "Votre adresse e-mail ne sera pas publiée.",
    requiredNote: "Les champs obligatoires sont indiqués avec",
    name: "Nom",
    email: "E-mail",
    website: "Site web",
    body: "Commentaire",
    remember:
      "Enregistrer mon nom, mon e-mail et mon site dans ce navigateur pour mon prochain commentaire.",
    honeypot: "Laissez ce champ vide",
    submit: "Laisser un commentaire",
    sending: "Envoi…",
    pending: "Votre commentaire est en attente de modération.",
    erased: "Commentaire supprimé à la demande de son auteur.",
    closed: "Les commentaires sont fermés.",
    none: "Soyez le premier à réagir.",
    says: "a écrit",
    permalink: "Lien vers ce commentaire",
    pages: "Pages de commentaires",
    allReplies: (n: string) => `Voir les ${n} réponses`,
    repliesTitle: (name: string) => `Réponses à ${name}`,
    repliesPages: "Pages de réponses",
    backToArticle: "Retour à l’article",
  },
  /** The summary above a form that came back, and of a refusal that lists field messages. */
  formErrors: (n: number) =>
    n === 1 ? "Un champ est à corriger." : `${n} champs sont à corriger.`,
  problems: {
    required: "Ce champ est obligatoire.",
    tooShort: (limit: number) => `Au moins ${limit} caractères, s’il vous plaît.`,
    tooLong: (limit: number) => `${limit} caractères au plus, s’il vous plaît.`,
    email: "Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.",
    url: "Saisissez une adresse web complète commençant par http:// ou https://.",
    notText: "Ce champ doit contenir un seul texte.",
    duplicate: "Vous avez déjà publié ce commentaire.",
    closed: "Les commentaires sont fermés pour cet article.",
    unknownParent: "Le commentaire auquel vous répondez n’existe plus.",
    choice: "Cette valeur n’est pas acceptée.",
    credentials: "Adresse e-mail ou mot de passe incorrect.",
    control:
      "Ce champ contient un caractère invisible non autorisé (caractère de contrôle). Retapez-le ou collez-le sans mise en forme.",
    tooFast: (seconds: number) =>
      seconds < 60
        ? `Trop d’envois depuis votre connexion. Réessayez dans ${seconds} s.`
        : `Trop d’envois depuis votre connexion. Réessayez dans ${Math.ceil(seconds / 60)} min.`,
    tooLarge: (megabytes: number) => `Ce fichier est trop lourd : ${megabytes} Mo au plus.`,
    notImage:
      "Ce fichier n’est pas une image acceptée. Envoyez une image JPEG, PNG, WebP, GIF ou AVIF.",
    tooManyPixels: (megapixels: number) =>
      `Cette image a trop de pixels : ${megapixels} mégapixels au plus. Réduisez-la et envoyez-la de nouveau.`,
    damagedImage:
      "Cette image est endommagée ou incomplète. Exportez-la de nouveau et envoyez le nouveau fichier.",
    inUse: "Cette image est utilisée dans des articles : retirez-la d’abord de ceux-ci.",
    altMissing:
      "Une image de cet article n’a pas de texte alternatif. Décrivez chaque image avant de publier.",
    oneFile: "Envoyez un seul fichier à la fois.",
    busy: (seconds: number) =>
      `Le serveur prépare déjà d’autres images. Réessayez dans ${seconds} s.`,
  },
  /** Error pages, keyed by the `messageKey` of each code in lib/error-codes.ts. */
  errors: {
    notFound: {
      title: "Page introuvable",
      text: "La page que vous cherchez n’existe pas ou a été déplacée.",
    },
    error: {
      title: "Une erreur est survenue",
      text: "Nous n’avons pas pu afficher cette page. Réessayez dans un instant.",
    },
    forbidden: {
      title: "Accès refusé",
      text: "Cette action n’est pas permise depuis cette page.",
    },
    rateLimited: {
      title: "Trop de requêtes",
      text: "Merci de patienter un peu avant de réessayer.",
    },
    signInRequired: {
      title: "Connexion requise",
      text: "Connectez-vous à la rédaction pour continuer.",
    },
    badRequest: {
      title: "Requête invalide",
      text: "Cette requête n’a pas pu être comprise.",
    },
    backHome: "Retour à l’accueil",
  },
  footer: (site: string) => `${site} — propulsé par Kiosque`,
  /** The newsroom (/admin), in each person's chosen language. */
  newsroom: {
    title: "Rédaction",
    nav: "Menu de la rédaction",
    articles: "Articles",
    dashboard: "Tableau de bord",
    viewSite: "Voir le site",
    signedInAs: (name: string) => `Connecté·e : ${name}`,
    signOut: "Se déconnecter",
    signOutEverywhere: "Se déconnecter partout",
    welcome: (name: string) => `Bonjour, ${name}`,
    roleNames: {
      admin: "Administration",
      editor: "Édition",
      author: "Auteur·e",
      moderator: "Modération",
    },
    yourRole: (role: string) => `Votre rôle : ${role}`,
    signIn: {
      title: "Connexion à la rédaction",
      email: "E-mail",
      password: "Mot de passe",
      submit: "Se connecter",
    },
    /** The media library (/admin/medias) and its picker. */
    media: {
      title: "Médiathèque",
      count: (n: number) => (n === 1 ? "1 image" : `${n} images`),
      empty: "La médiathèque est vide : envoyez une première image.",
      none: "Aucune image ne correspond à cette recherche.",
      search: "Rechercher une image",
      searchHint: "Dans le nom du fichier, le texte alternatif, la légende ou le crédit.",
      searchSubmit: "Rechercher",
      results: (q: string) => `Résultats pour « ${q} »`,
      list: "Images",
      upload: {
        title: "Ajouter une image",
        file: "Fichier de l’image",
        fileHint: (megabytes: number) => `JPEG, PNG, WebP, GIF ou AVIF, ${megabytes} Mo au plus.`,
        reselect:
          "Choisissez de nouveau le fichier : un navigateur ne le garde pas d’un envoi à l’autre.",
        submit: "Envoyer l’image",
      },
      alt: "Texte alternatif",
      altHint:
        "Ce que montre l’image, pour qui ne la voit pas (une ou deux phrases). Obligatoire avant de publier un article qui la montre.",
      caption: "Légende",
      credit: "Crédit",
      creditHint: "Par exemple « Photo : Agence ».",
      noAlt: "Sans texte alternatif",
      status: {
        processing: "En préparation",
        ready: "Prête",
        failed: "Échec de la préparation",
      } as Record<"processing" | "ready" | "failed", string>,
      size: (width: number, height: number) => `${width} × ${height} px`,
      weight: (bytes: number) => `${Math.max(1, Math.round(bytes / 1000))} Ko`,
      format: "Format",
      dimensions: "Dimensions",
      fileWeight: "Poids",
      state: "État",
      usedIn: "Utilisée dans :",
      unused: "Utilisée dans aucun article.",
      usage: "Où elle est utilisée",
      details: "Texte de l’image",
      save: "Enregistrer",
      saved: "Modifications enregistrées.",
      uploaded: "Image envoyée. Ses tailles pour le web sont en préparation.",
      deleted: "Image supprimée.",
      original: "Fichier d’origine (sans métadonnées)",
      remove: {
        title: "Supprimer l’image",
        text: "L’image et tous ses fichiers seront supprimés définitivement.",
        inUse: "Elle ne peut pas être supprimée tant que des articles l’utilisent.",
        submit: "Supprimer définitivement",
      },
      back: "Retour à la médiathèque",
      picker: {
        insert: "Insérer une image de la médiathèque",
        choose: "Choisir l’image à la une",
        fallback: "Ouvrir la médiathèque dans un nouvel onglet",
      },
    },
  },
};

export type Messages = typeof fr;
