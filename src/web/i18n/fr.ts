import { writingFr } from "./writing-fr.js";
import { settingsWords } from "./settings-words.js";
import { deskFr } from "./desk.js";
import { searchFr } from "./search-words.js";

/** « de » before a name, elided before a vowel: « Articles d’Amina », « Articles de Paul ». */
const de = (name: string) => (/^[aeiouyàâäéèêëîïôöùûü]/i.test(name) ? `d’${name}` : `de ${name}`);

/** Every reader-facing string in French, the site's default language. `en.ts` has the same shape. */
export const fr = {
  lang: "fr",
  intlLocale: "fr-FR",
  skipToContent: "Aller au contenu",
  mainNav: "Rubriques",
  footerNav: "Pages du site",
  home: "Accueil",
  latest: "À la une",
  latestArticles: "Derniers articles",
  seeAll: (name: string) => `Tous les articles « ${name} »`,
  inCategory: "Dans :",
  by: "Par",
  publishedOn: "Publié le",
  updatedOn: "Mis à jour le",
  tags: "Mots-clés",
  tagTitle: (name: string) => `Mot-clé : ${name}`,
  authorTitle: (name: string) => `Articles ${de(name)}`,
  homeDescription: (site: string) => `Les derniers articles ${de(site)}.`,
  sectionDescription: (name: string) => `Tous les articles de la rubrique « ${name} ».`,
  tagDescription: (name: string) => `Tous les articles sur « ${name} ».`,
  authorDescription: (name: string) => `Tous les articles signés ${name}.`,
  feeds: {
    commentsTitle: (title: string) => `Commentaires sur « ${title} »`,
    commentBy: (name: string) => `Commentaire ${de(name)}`,
  },
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
    /** Said in the form's summary when an inline post never reached the server. */
    offline: "Votre commentaire n’a pas pu être envoyé : vérifiez la connexion et réessayez.",
    /** Said on the text's field when a post is past the server's body limit (HTTP 413). */
    tooLarge: "Ce commentaire est bien trop long pour être envoyé : raccourcissez-le.",
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
    /** The page of a comment form refused without JavaScript (its title and heading). */
    refusedTitle: (title: string) => `Votre commentaire sur « ${title} »`,
    refusedNote: "Votre commentaire n’a pas été publié : corrigez-le puis envoyez-le de nouveau.",
    /** The badge on a reply written by the newsroom from the moderation desk. */
    staffBadge: "Rédaction",
    /** The badge on a reply written by one of the article's bylines. */
    authorBadge: "Auteur",
    /** Above the comments the newsroom put first under the article. */
    featured: "Choisis par la rédaction",
    /** Above the other sites that cite the article (WordPress's pingbacks and trackbacks). */
    mentions: (n: string) => `Mentions (${n})`,
    mentionKind: { pingback: "Pingback", trackback: "Trackback" },
  },
  gifs: {
    button: "GIF",
    buttonLabel: "Ajouter un GIF",
    title: "Choisir un GIF",
    search: "Chercher un GIF",
    close: "Fermer",
    trending: "GIF du moment",
    none: "Aucun GIF trouvé.",
    unavailable: "GIF indisponibles pour le moment.",
    chosen: "GIF choisi",
    remove: "Retirer le GIF",
    loading: "Recherche…",
    more: "Plus de GIF",
    poweredBy: { giphy: "Powered by GIPHY", klipy: "Powered by KLIPY", disabled: "" },
    /** The alternative text of a GIF without a title. */
    alt: "GIF",
  },
  /** The summary above a form that came back, and of a refusal that lists field messages. */
  /** The title of a page that shows a refusal: said first, for who hears the title first. */
  errorTitle: (title: string) => `Erreur : ${title}`,
  /** One line of an error summary: the field's label and its message. */
  fieldError: (label: string, message: string) => `${label} : ${message}`,
  formErrors: (n: number) =>
    n === 1 ? "Un champ est à corriger." : `${n} champs sont à corriger.`,
  problems: {
    required: "Ce champ est obligatoire.",
    tooShort: (limit: number) => `Au moins ${limit} caractères, s’il vous plaît.`,
    tooLong: (limit: number) => `${limit} caractères au plus, s’il vous plaît.`,
    email: "Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.",
    url: "Saisissez une adresse web complète commençant par http:// ou https://.",
    website: "Saisissez l’adresse complète d’un site web, par exemple https://exemple.fr.",
    notText: "Ce champ doit contenir un seul texte.",
    duplicate: "Vous avez déjà publié ce commentaire.",
    closed: "Les commentaires sont fermés pour cet article.",
    unknownParent: "Le commentaire auquel vous répondez n’existe plus.",
    choice: "Cette valeur n’est pas acceptée.",
    credentials: "Adresse e-mail ou mot de passe incorrect.",
    control:
      "Ce champ contient un caractère invisible non autorisé (caractère de contrôle). Retapez-le ou collez-le sans mise en forme.",
    emailTaken: "Un compte utilise déjà cette adresse e-mail.",
    mismatch: "Les deux mots de passe ne sont pas identiques.",
    badCode: "Ce code n’est pas valable, a expiré ou a déjà servi.",
    wrongPassword: "Ce n’est pas votre mot de passe actuel.",
    lastAdmin: "La rédaction doit garder au moins un administrateur actif.",
    savedMeanwhile:
      "Quelqu’un a enregistré cette page entre-temps : votre texte, ci-dessous, n’est pas enregistré. Ouvrez la page dans un autre onglet pour lire sa version ; enregistrer ce formulaire la remplacera.",
    notNumber: "Saisissez un nombre entier, par exemple 10.",
    belowMin: (limit: number) => `${limit} au minimum.`,
    aboveMax: (limit: number) => `${limit} au maximum.`,
    tooManyLines: (limit: number) => `${limit} lignes au plus, s’il vous plaît.`,
    lineTooLong: (limit: number) => `Chaque ligne : ${limit} caractères au plus.`,
    lettersDigits: "Seulement des lettres et des chiffres, sans espace.",
    noKey: "Saisissez et enregistrez d’abord une clé.",
    retypeSecret:
      "Clé non enregistrée, car un autre champ est à corriger : saisissez-la de nouveau.",
    refused: "Ce commentaire ne peut pas être publié.",
    notPublished: "Ce commentaire n’est pas publié : approuvez-le d’abord.",
    noClient:
      "La connexion de ce commentaire n’est plus connue (elle est oubliée après le délai de conservation) : bannissez son adresse e-mail.",
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
    inUse:
      "Cette image est utilisée dans des articles ou des pages : retirez-la d’abord de ceux-ci.",
    altMissing: "Une image n’a pas de texte alternatif. Décrivez chaque image avant de publier.",
    imageElsewhere:
      "Une image est sur un autre site : les navigateurs des lecteurs ne la chargent pas. Importez-la dans la médiathèque avant de publier.",
    taken: "Déjà utilisé ailleurs : choisissez-en un autre.",
    noAddress:
      "Aucune lettre ni aucun chiffre pour en faire l’adresse : saisissez ici une adresse faite de lettres ou de chiffres, par exemple « fete-2026 ».",
    tagNoAddress: (n: number) =>
      `Mot-clé n° ${n} : il lui faut au moins une lettre ou un chiffre, dont est faite son adresse. Ajoutez-en, ou retirez ce mot-clé.`,
    dateTime: "Saisissez une date et une heure, par exemple 01/09/2026 08:30.",
    past: "Cette date est passée : choisissez un moment à venir.",
    oneFile: "Envoyez un seul fichier à la fois.",
    noImage: "Aucune image de la médiathèque ne porte ce numéro.",
    pinUnknown: (line: number) => `Ligne ${line} : aucun article à cette adresse ni à ce numéro.`,
    pinNotLive: (line: number) =>
      `Ligne ${line} : cet article n’est pas en ligne ; seuls les articles publiés peuvent être épinglés.`,
    pinSelf: (line: number) => `Ligne ${line} : un article ne peut pas s’épingler lui-même.`,
    pinRepeated: (line: number) => `Ligne ${line} : cet article est déjà épinglé plus haut.`,
    logoInUse:
      "Cette image est le logo du site : choisissez-en un autre ou retirez-le d’abord (Réglages → Site).",
    busy: (seconds: number) =>
      `Le serveur prépare déjà d’autres images. Réessayez dans ${seconds} s.`,
    tooDeep:
      "Ce texte imbrique ses balises plus profondément qu’aucun navigateur ne les lit (plus de 512 niveaux) : il vient sans doute d’un copier-coller abîmé ; recollez-le en texte simple.",
    notSaved: (seconds: number) =>
      `Le site ne peut rien enregistrer pour l’instant, et rien n’a été enregistré : votre texte est gardé ici. Réessayez dans ${seconds} s.`,
    ownByline: "Gardez votre nom parmi les signatures : vous signez ce que vous écrivez.",
    bylineDisabled:
      "Un compte désactivé garde les signatures qu’il a, mais ne peut pas en recevoir de nouvelle.",
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
    secondFactorRequired: {
      title: "Double authentification requise",
      text: "La rédaction exige la double authentification pour votre rôle : activez-la depuis votre compte.",
    },
    invitationGone: {
      title: "Invitation plus valable",
      text: "Ce lien d’invitation a déjà servi, a été remplacé par un plus récent, révoqué ou a expiré. Demandez-en un nouveau à l’administrateur de la rédaction.",
    },
    invitationTaken: {
      title: "Ce compte existe déjà",
      text: "Un compte existe déjà pour l’adresse de cette invitation : le lien ne sert plus. Connectez-vous à la rédaction avec cette adresse et votre mot de passe ; s’il est perdu, demandez à l’administrateur de la rédaction de le remplacer.",
    },
    badRequest: {
      title: "Requête invalide",
      text: "Cette requête n’a pas pu être comprise.",
    },
    conflict: {
      title: "Modification concurrente",
      text: "Quelqu’un a enregistré cet article entre-temps. Votre version est conservée dans ses révisions.",
    },
    previewExpired: {
      title: "Lien d’aperçu expiré",
      text: "Ce lien d’aperçu n’est plus valable. Demandez-en un nouveau à la rédaction.",
    },
    databaseBusy: {
      title: "Le site est très occupé",
      text: "Rien n’a été enregistré : réessayez dans quelques secondes.",
    },
    /** The same, for a page asked for (a GET): nothing was sent to be saved. */
    databaseBusyRead: {
      title: "Le site est très occupé",
      text: "Cette page ne peut pas s’afficher pour l’instant : réessayez dans quelques secondes.",
    },
    storageFull: {
      title: "Enregistrement impossible pour le moment",
      text: "Le site ne peut rien enregistrer pour l’instant, et rien n’a été enregistré. Réessayez dans un petit moment.",
    },
    keptText: "Votre texte, à copier pour le renvoyer plus tard :",
    backHome: "Retour à l’accueil",
  },
  footer: (site: string) => `${site} — propulsé par Kiosque`,
  /** The moderation desk and the journal (desk.ts). */
  desk: deskFr,
  search: searchFr,
  /** The newsroom (/admin), in each person's chosen language. */
  newsroom: {
    /** Writing and publishing articles (modules/articles/views/admin). */
    writing: writingFr,
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
    people: "Personnes",
    account: "Mon compte",
    you: "(vous)",
    yes: "Oui",
    no: "Non",
    saved: "Modifications enregistrées.",
    settingsPage: settingsWords.fr,
    dashboardPage: {
      published: "Articles publiés par jour",
      publishedOwn: "Vos articles publiés par jour",
      received: "Commentaires reçus par jour",
      receivedOwn: "Commentaires reçus par jour sur vos articles",
      period: (from: string, to: string) => `du ${from} au ${to}`,
      chartSummary: (total: string, max: string, busiest: string) =>
        `${total} en tout ; le plus haut : ${max}, le ${busiest}.`,
      chartNone: "Aucun sur la période.",
      numbers: "Les chiffres, jour par jour",
      day: "Jour",
      count: "Nombre",
      queue: "File de modération",
      queueSize: (n: number, formatted: string) =>
        n === 0
          ? "Aucun commentaire n’attend de modération."
          : n === 1
            ? "1 commentaire attend une modération."
            : `${formatted} commentaires attendent une modération.`,
      oldest: (age: string, date: string) => `Le plus ancien attend depuis ${age} (${date}).`,
      age: (minutes: number) =>
        minutes < 60
          ? `${minutes} min`
          : minutes < 48 * 60
            ? `${Math.floor(minutes / 60)} h`
            : `${Math.floor(minutes / 1440)} jours`,
      week: "Les plus commentés de la semaine",
      weekOwn: "Vos articles les plus commentés de la semaine",
      weekNone: "Aucun commentaire publié ces 7 derniers jours.",
      comments: (n: number, formatted: string) =>
        n === 1 ? "1 commentaire" : `${formatted} commentaires`,
    },
    localeNames: { fr: "Français", en: "English" },
    secondStep: {
      title: "Vérification en deux étapes",
      intro:
        "Saisissez le code à 6 chiffres affiché par votre application d’authentification, ou l’un de vos codes de secours.",
      code: "Code",
      submit: "Vérifier",
      cancel: "Annuler et se déconnecter",
    },
    accountPage: {
      profile: "Profil",
      name: "Nom affiché",
      nameHint: "Celui qui signe vos articles.",
      locale: "Langue de la rédaction",
      saveProfile: "Enregistrer",
      password: "Mot de passe",
      current: "Mot de passe actuel",
      newPassword: "Nouveau mot de passe",
      newPasswordHint: (min: number) => `Au moins ${min} caractères. Une phrase est idéale.`,
      confirm: "Confirmer le nouveau mot de passe",
      changePassword: "Changer le mot de passe",
      passwordChanged: "Mot de passe changé. Vos autres sessions ont été fermées.",
      passwordNote: "Changer de mot de passe ferme toutes vos autres sessions.",
      secondFactor: "Double authentification",
      secondFactorOn: "Activée : un code de votre application est demandé à chaque connexion.",
      secondFactorOff: "Désactivée : votre mot de passe suffit pour entrer.",
      manageSecondFactor: "Gérer la double authentification",
      sessions: "Sessions ouvertes",
      browser: "Navigateur",
      openedAt: "Ouverte le",
      lastSeen: "Dernière activité",
      thisSession: "Cette session",
      closeSession: "Fermer",
      closeSessionOf: (what: string) => `Fermer la session ${what}`,
      sessionClosed: "Session fermée.",
      sessionNotFound:
        "Aucune de vos sessions ouvertes ne correspond (déjà fermée, ou celle de quelqu’un d’autre) : rien n’a été fermé.",
      unknownBrowser: "Navigateur inconnu",
    },
    twoFactor: {
      title: "Double authentification",
      required:
        "La rédaction exige la double authentification pour votre rôle. Activez-la pour continuer.",
      intro:
        "En plus de votre mot de passe, un code à 6 chiffres d’une application d’authentification (FreeOTP, Aegis, Google Authenticator, 1Password…) est demandé à chaque connexion. Un mot de passe volé ne suffit plus.",
      start: "Activer la double authentification",
      scan: "1. Scannez ce QR code avec votre application d’authentification.",
      qrAlt: "QR code à scanner avec votre application d’authentification",
      orType: "Ou saisissez cette clé dans l’application :",
      enterCode: "2. Saisissez le code à 6 chiffres qu’elle affiche.",
      code: "Code de l’application",
      confirm: "Confirmer",
      enabledSince: (date: string) => `Activée depuis le ${date}.`,
      codesLeft: (n: number) =>
        n === 0
          ? "Il ne vous reste aucun code de secours : créez-en de nouveaux."
          : n === 1
            ? "Il vous reste 1 code de secours."
            : `Il vous reste ${n} codes de secours.`,
      renew: "Nouveaux codes de secours",
      renewNote: "Les anciens codes cesseront de fonctionner.",
      renewCode: "Code actuel de l’application",
      renewSubmit: "Créer de nouveaux codes",
      disable: "Désactiver la double authentification",
      disableNote: "Saisissez un code de l’application ou votre mot de passe.",
      disableCode: "Code de l’application ou de secours",
      disablePassword: "Ou mot de passe actuel",
      disableSubmit: "Désactiver",
      disabled: "Double authentification désactivée.",
      codesTitle: "Vos codes de secours",
      codesNote:
        "Notez ces codes ou imprimez-les maintenant et rangez-les à l’abri : ils ne seront plus affichés. Chacun remplace une fois le code de l’application, si vous perdez votre téléphone.",
      done: "J’ai noté mes codes",
    },
    peoplePage: {
      title: "Personnes",
      name: "Nom",
      email: "E-mail",
      role: "Rôle",
      secondFactor: "Double authentification",
      state: "État",
      active: "Active",
      disabled: "Désactivée",
      changeRole: "Changer",
      roleOf: (name: string) => `Rôle de ${name}`,
      disable: "Désactiver",
      enable: "Réactiver",
      reset2fa: "Retirer",
      reset2faOf: (name: string) => `Retirer la double authentification de ${name}`,
      disableOf: (name: string) => `Désactiver le compte de ${name}`,
      enableOf: (name: string) => `Réactiver le compte de ${name}`,
      invite: "Inviter quelqu’un",
      inviteNote:
        "Un lien à usage unique, valable 7 jours, est créé : copiez-le et envoyez-le à la personne.",
      inviteEmail: "E-mail de la personne",
      inviteRole: "Rôle",
      inviteSubmit: "Créer le lien d’invitation",
      inviteLink: "Lien d’invitation à transmettre",
      inviteLinkNote: (email: string, date: string) =>
        `Pour ${email}, valable jusqu’au ${date}. Il ne sera plus affiché : copiez-le maintenant.`,
      pending: "Invitations en attente",
      noPending: "Aucune invitation en attente.",
      expires: "Expire le",
      revoke: "Révoquer",
      revokeOf: (email: string) => `Révoquer l’invitation de ${email}`,
      lastSignIn: "Dernière connexion",
      never: "Jamais",
      signOut: "Déconnecter partout",
      signOutOf: (name: string) => `Déconnecter partout ${name}`,
      signedOut: "Sessions fermées : la personne devra se reconnecter.",
      require2fa: "Exiger la double authentification des administrateurs et des éditeurs",
      require2faNote:
        "Ceux qui ne l’ont pas encore seront dirigés vers sa mise en place à leur prochaine page, sans rien pouvoir faire d’autre.",
      require2faSave: "Enregistrer",
      roles: "Les rôles",
      roleRights: {
        admin: "tout, dont les personnes et les réglages",
        editor:
          "tous les articles, la publication, les rubriques et les mots-clés, les commentaires",
        author: "ses propres brouillons, qu’il soumet à relecture ; ne publie pas",
        moderator: "les commentaires seulement",
      },
    },
    invitation: {
      title: (site: string) => `Rejoindre la rédaction de ${site}`,
      intro: (email: string, role: string, date: string) =>
        `Invitation pour ${email}, rôle : ${role}. Valable jusqu’au ${date}.`,
      submit: "Créer mon compte",
    },
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
      unused: "Utilisée dans aucun article ni aucune page.",
      usedAsLogo: "Logo du site",
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
        inUse: "Elle ne peut pas être supprimée tant que des articles ou des pages l’utilisent.",
        logo: "C’est le logo du site : elle ne peut pas être supprimée tant qu’il l’affiche.",
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
