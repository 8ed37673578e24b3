import type { Locale } from "./index.js";

/**
 * The settings screens' words (the catalogues' `newsroom.settingsPage`): each setting shown on a
 * screen has its label and an explanation of what it changes, in the newsroom's two languages.
 * Keys are the settings' own (modules/settings/schema.ts); a test holds the screens and these
 * together.
 */
const fr = {
  title: "Réglages",
  nav: "Pages de réglages",
  screens: { site: "Site", discussion: "Discussion", integrations: "Services externes" },
  intro: {
    site: "Le nom, la langue et le fuseau horaire du site, la taille des listes et les limites de la rédaction.",
    discussion:
      "Les règles et les limites des commentaires des lecteurs. Un commentaire retenu attend la décision d’un modérateur.",
    integrations:
      "Les services externes que le site peut utiliser. Une clé enregistrée n’est plus jamais affichée en entier.",
  },
  applies:
    "Un changement s’applique dès l’enregistrement, sur tous les serveurs du site, sans redémarrage.",
  groups: {
    site: "Le site",
    listings: "Listes d’articles",
    newsroom: "La rédaction",
    display: "Affichage",
    limits: "Longueurs et liens",
    rules: "Modération automatique",
    privacy: "Vie privée",
    akismet: "Akismet : détection du spam",
    gifs: "GIF dans les commentaires",
  },
  serviceNames: { akismet: "Akismet", gifs: "du fournisseur de GIF" },
  save: "Enregistrer les réglages",
  saved: "Réglages enregistrés : ils s’appliquent dès maintenant.",
  range: (min: string, max: string) => `Entre ${min} et ${max}.`,
  listHint: "Un élément par ligne.",
  publicUrl: "Adresse publique du site",
  publicUrlUnset:
    "Non fixée : les liens absolus (flux, plan du site, liens envoyés) prennent l’adresse de chaque requête.",
  publicUrlHow:
    "Elle se règle sur le serveur, par la variable d’environnement KIOSQUE_PUBLIC_URL, puis un redémarrage. Elle n’est pas modifiable ici : c’est aussi l’origine dont le serveur accepte les formulaires, et une faute de frappe fermerait la rédaction à tous.",
  secretSaved: (mask: string) => `Clé enregistrée : ${mask}. Laissez le champ vide pour la garder.`,
  secretNone: "Aucune clé enregistrée : le service est désactivé.",
  keyActions: "Clé enregistrée",
  testKey: "Tester cette clé",
  testKeyOf: (service: string) => `Tester cette clé ${service}`,
  removeKey: "Retirer la clé",
  removeKeyOf: (service: string) => `Retirer la clé ${service}`,
  keyRemoved: "Clé retirée : le service est désactivé.",
  tested: "Test terminé : l’état ci-dessous donne la réponse du service.",
  status: "État\u00a0:",
  statusWorking: (date: string) => `Fonctionne : dernière réponse correcte le ${date}.`,
  statusError: (date: string, error: string) => `Dernière erreur, le ${date} : ${error}`,
  statusUnknown: "Pas encore testée.",
  logo: {
    title: "Logo",
    intro:
      "Une image de la médiathèque, affichée en tête des pages à la place du nom du site (qui devient son texte alternatif).",
    current: (id: number, filename: string) => `Logo actuel : image n° ${id} (${filename}).`,
    none: "Pas de logo : le nom du site est affiché en texte.",
    field: "Numéro de l’image",
    hint: "Le numéro figure sur la page de l’image, dans la médiathèque (où l’on peut aussi en envoyer une).",
    choose: "Choisir dans la médiathèque",
    save: "Utiliser cette image",
    remove: "Retirer le logo",
    saved: "Logo enregistré : il s’affiche dès maintenant.",
    removed: "Logo retiré : le nom du site est affiché en texte.",
  },
  fields: {
    "site.name": {
      label: "Nom du site",
      hint: "Affiché en tête de chaque page, dans le titre des onglets et dans les flux.",
    },
    "site.description": {
      label: "Slogan",
      hint: "Une phrase sous le nom du site. Peut rester vide.",
    },
    "site.locale": {
      label: "Langue du site",
      hint: "La langue de tout ce que lisent les lecteurs : menus, dates, formulaire de commentaire. Chaque membre de la rédaction garde la sienne.",
    },
    "site.timezone": {
      label: "Fuseau horaire",
      hint: "Celui des dates affichées aux lecteurs et des jours du tableau de bord.",
    },
    "articles.perPage": {
      label: "Articles par page",
      hint: "Sur l’accueil, les rubriques, les mots-clés et les pages d’auteur.",
    },
    "feeds.fullText": {
      label: "Texte intégral dans les flux",
      hint: "Coché, les flux RSS, Atom et JSON portent tout l’article ; sinon son chapô et un lien.",
    },
    "related.count": {
      label: "Articles « À lire aussi »",
      hint: "Articles proches montrés sous chaque article, épinglés compris.",
    },
    "rateLimit.search.max": {
      label: "Recherches par connexion",
      hint: "Recherches (page et suggestions) qu’une même connexion peut faire par fenêtre ; au-delà, elle doit attendre. 0 : pas de limite.",
    },
    "rateLimit.search.windowSeconds": {
      label: "Fenêtre des recherches (secondes)",
      hint: "La durée sur laquelle les recherches sont comptées.",
    },
    "staff.sessionIdleHours": {
      label: "Déconnexion après inactivité (heures)",
      hint: "Une session de la rédaction se ferme après ce nombre d’heures sans aucune page ouverte.",
    },
    "staff.sessionMaxDays": {
      label: "Durée maximale d’une session (jours)",
      hint: "Une session se ferme au bout de ce nombre de jours, même active : il faut alors se reconnecter.",
    },
    "staff.signInFailures": {
      label: "Essais de mot de passe avant attente",
      hint: "Mots de passe ou codes faux admis pour un compte depuis une même connexion, avant une attente de 15 minutes.",
    },
    "media.maxUploadMB": {
      label: "Taille maximale d’une image (Mo)",
      hint: "Le poids du fichier envoyé par la rédaction.",
    },
    "media.maxMegapixels": {
      label: "Définition maximale d’une image (mégapixels)",
      hint: "Lue avant tout traitement : une image plus grande est refusée. 50 mégapixels demandent environ 200 Mo de mémoire au serveur pendant le traitement.",
    },
    "comments.order": {
      label: "Ordre des discussions",
      hint: "Les fils de commentaires, du plus ancien au plus récent ou l’inverse.",
    },
    "comments.perPage": {
      label: "Fils par page de commentaires",
      hint: "Au-delà, les commentaires continuent sur une page suivante.",
    },
    "comments.maxDepth": {
      label: "Niveaux de réponses",
      hint: "1 : pas de réponses imbriquées. Une réponse plus profonde rejoint le niveau de son parent.",
    },
    "comments.closeAfterDays": {
      label: "Fermer les commentaires après (jours)",
      hint: "Nombre de jours après la publication d’un article. 0 : les commentaires restent ouverts.",
    },
    "comments.nameMax": {
      label: "Longueur maximale du nom",
      hint: "En caractères.",
    },
    "comments.bodyMin": {
      label: "Longueur minimale d’un commentaire",
      hint: "En caractères.",
    },
    "comments.bodyMax": {
      label: "Longueur maximale d’un commentaire",
      hint: "En caractères.",
    },
    "comments.maxLinks": {
      label: "Liens avant retenue",
      hint: "Un commentaire contenant plus de liens que cela est retenu pour modération.",
    },
    "comments.holdFirst": {
      label: "Retenir le premier commentaire de chaque adresse e-mail",
      hint: "Il attend la décision d’un modérateur ; une fois un commentaire approuvé, les suivants paraissent aussitôt.",
    },
    "comments.blocklist": {
      label: "Mots interdits",
      hint: "Un commentaire qui contient l’un d’eux part dans le spam. Majuscules, accents et lettres déguisées sont ignorés.",
    },
    "comments.minFillSeconds": {
      label: "Temps minimal de saisie (secondes)",
      hint: "Un formulaire envoyé plus vite a été rempli par un robot. 0 : règle désactivée.",
    },
    "comments.burstMax": {
      label: "Rafale : commentaires avant retenue",
      hint: "Une connexion qui envoie autant de commentaires dans la fenêtre ci-dessous voit les suivants retenus. 0 : règle désactivée.",
    },
    "comments.burstMinutes": {
      label: "Rafale : fenêtre (minutes)",
      hint: "La durée sur laquelle la rafale est comptée.",
    },
    "rateLimit.comments.max": {
      label: "Envois par connexion",
      hint: "Commentaires qu’une même connexion peut envoyer par fenêtre ; au-delà, elle doit attendre. 0 : pas de limite.",
    },
    "rateLimit.comments.windowSeconds": {
      label: "Fenêtre des envois (secondes)",
      hint: "La durée sur laquelle les envois sont comptés.",
    },
    "privacy.ipRetentionDays": {
      label: "Conservation des adresses (jours)",
      hint: "Durée pendant laquelle un commentaire garde l’empreinte chiffrée de l’adresse IP de son auteur (pour les règles de rafale et les modérateurs), avant qu’elle soit effacée.",
    },
    "akismet.apiKey": {
      label: "Clé d’API Akismet",
      hint: "Avec une clé, chaque nouveau commentaire est aussi vérifié par Akismet : le nom, l’e-mail, l’adresse IP et le texte de son auteur lui sont envoyés. Sans clé, rien ne quitte le serveur.",
    },
    "akismet.endpoint": {
      label: "Adresse du service",
      hint: "Celle d’Akismet, ou d’un autre service qui parle le même protocole.",
    },
    "gif.provider": {
      label: "Fournisseur de GIF",
      hint: "D’où viennent les GIF que les lecteurs joignent à leurs commentaires. Le navigateur des lecteurs ne contacte jamais le fournisseur : le site cherche pour eux et garde une copie du GIF choisi. « Aucun » : pas de bouton GIF.",
    },
    "gif.key": {
      label: "Clé d’API du fournisseur de GIF",
      hint: "Celle que GIPHY ou Klipy vous a donnée. Elle ne quitte jamais le serveur. Sans clé, les lecteurs ne voient pas de bouton GIF.",
    },
    "gif.rating": {
      label: "Classement maximal des GIF",
      hint: "Le classement le plus fort que les lecteurs peuvent trouver, selon l’échelle du fournisseur (G : tout public).",
    },
    "gif.proxyMedia": {
      label: "Servir les aperçus depuis le site",
      hint: "Coché, les aperçus du sélecteur passent par le site : le fournisseur ne voit pas les lecteurs. Décoché, ils viennent de son CDN (moins de travail pour le serveur). Les GIF publiés viennent toujours de la copie du site.",
    },
    "gif.giphyEndpoint": {
      label: "Adresse de l’API GIPHY",
      hint: "Celle de GIPHY, ou d’un relais devant elle.",
    },
    "gif.klipyEndpoint": {
      label: "Adresse de l’API Klipy",
      hint: "Celle de Klipy, ou d’un relais devant elle.",
    },
    "rateLimit.gifSearch.max": {
      label: "Recherches de GIF par connexion",
      hint: "Au-delà, dans la fenêtre ci-dessous, une connexion ne reçoit plus que les résultats déjà en cache. 0 : pas de limite.",
    },
    "rateLimit.gifSearch.windowSeconds": {
      label: "Fenêtre des recherches (secondes)",
      hint: "La durée sur laquelle les recherches de GIF sont comptées.",
    },
  },
  choices: {
    "comments.order": { oldest: "Les plus anciens d’abord", newest: "Les plus récents d’abord" },
    "gif.provider": { disabled: "Aucun", giphy: "GIPHY", klipy: "Klipy" },
    "gif.rating": { g: "G (tout public)", pg: "PG", "pg-13": "PG-13", r: "R" },
  },
};

export type SettingsWords = typeof fr;

const en: SettingsWords = {
  title: "Settings",
  nav: "Settings pages",
  screens: { site: "Site", discussion: "Discussion", integrations: "Outside services" },
  intro: {
    site: "The site's name, language and time zone, listing sizes and the newsroom's limits.",
    discussion:
      "The rules and limits of readers' comments. A held comment waits for a moderator's decision.",
    integrations: "Outside services the site may use. A saved key is never shown in full again.",
  },
  applies:
    "A change applies as soon as it is saved, on every server of the site, without a restart.",
  groups: {
    site: "The site",
    listings: "Article listings",
    newsroom: "The newsroom",
    display: "Display",
    limits: "Lengths and links",
    rules: "Automatic moderation",
    privacy: "Privacy",
    akismet: "Akismet: spam detection",
    gifs: "GIFs in comments",
  },
  serviceNames: { akismet: "Akismet", gifs: "GIF provider" },
  save: "Save settings",
  saved: "Settings saved: they apply from now on.",
  range: (min, max) => `Between ${min} and ${max}.`,
  listHint: "One entry per line.",
  publicUrl: "Public address of the site",
  publicUrlUnset:
    "Not set: absolute links (feeds, sitemap, links sent out) take each request's address.",
  publicUrlHow:
    "It is set on the server, with the KIOSQUE_PUBLIC_URL environment variable, then a restart. It cannot be changed here: it is also the origin the server accepts forms from, and a typo would lock everyone out of the newsroom.",
  secretSaved: (mask) => `Saved key: ${mask}. Leave the field empty to keep it.`,
  secretNone: "No key saved: the service is off.",
  keyActions: "Saved key",
  testKey: "Test this key",
  testKeyOf: (service) => `Test this key (${service})`,
  removeKey: "Remove the key",
  removeKeyOf: (service) => `Remove the key (${service})`,
  keyRemoved: "Key removed: the service is off.",
  tested: "Test done: the status below gives the service's answer.",
  status: "Status:",
  statusWorking: (date) => `Working: last good answer on ${date}.`,
  statusError: (date, error) => `Last error, on ${date}: ${error}`,
  statusUnknown: "Not tested yet.",
  logo: {
    title: "Logo",
    intro:
      "An image of the media library, shown at the top of pages in place of the site's name (which becomes its alternative text).",
    current: (id, filename) => `Current logo: image #${id} (${filename}).`,
    none: "No logo: the site's name is shown as text.",
    field: "Image number",
    hint: "The number is on the image's page in the media library (where one can also be uploaded).",
    choose: "Choose from the media library",
    save: "Use this image",
    remove: "Remove the logo",
    saved: "Logo saved: it shows from now on.",
    removed: "Logo removed: the site's name is shown as text.",
  },
  fields: {
    "site.name": {
      label: "Site name",
      hint: "Shown at the top of every page, in tab titles and in feeds.",
    },
    "site.description": {
      label: "Tagline",
      hint: "A sentence under the site's name. May stay empty.",
    },
    "site.locale": {
      label: "Site language",
      hint: "The language of everything readers read: menus, dates, the comment form. Each newsroom member keeps their own.",
    },
    "site.timezone": {
      label: "Time zone",
      hint: "The zone of the dates readers see and of the dashboard's days.",
    },
    "articles.perPage": {
      label: "Articles per page",
      hint: "On the home page, sections, tags and author pages.",
    },
    "feeds.fullText": {
      label: "Full text in feeds",
      hint: "Ticked, the RSS, Atom and JSON feeds carry the whole article; otherwise its standfirst and a link.",
    },
    "related.count": {
      label: "“Read also” articles",
      hint: "Related articles shown under each article, pinned ones included.",
    },
    "rateLimit.search.max": {
      label: "Searches per connection",
      hint: "Searches (the page and suggestions) one connection may make per window; past it, it must wait. 0: no limit.",
    },
    "rateLimit.search.windowSeconds": {
      label: "Search window (seconds)",
      hint: "The time over which searches are counted.",
    },
    "staff.sessionIdleHours": {
      label: "Sign-out after inactivity (hours)",
      hint: "A newsroom session closes after this many hours without any page opened.",
    },
    "staff.sessionMaxDays": {
      label: "Longest session (days)",
      hint: "A session closes after this many days, even an active one: then one signs in again.",
    },
    "staff.signInFailures": {
      label: "Password tries before a wait",
      hint: "Wrong passwords or codes allowed for one account from one connection, before a 15-minute wait.",
    },
    "media.maxUploadMB": {
      label: "Largest image file (MB)",
      hint: "The size of the file the newsroom uploads.",
    },
    "media.maxMegapixels": {
      label: "Largest image (megapixels)",
      hint: "Read before any processing: a larger image is refused. 50 megapixels take about 200 MB of the server's memory while processed.",
    },
    "comments.order": {
      label: "Order of discussions",
      hint: "Comment threads, oldest to newest or the other way.",
    },
    "comments.perPage": {
      label: "Threads per page of comments",
      hint: "Past that, comments go on on a next page.",
    },
    "comments.maxDepth": {
      label: "Reply levels",
      hint: "1: no nested replies. A deeper reply joins its parent's level.",
    },
    "comments.closeAfterDays": {
      label: "Close comments after (days)",
      hint: "Days after an article's publication. 0: comments stay open.",
    },
    "comments.nameMax": {
      label: "Longest name",
      hint: "In characters.",
    },
    "comments.bodyMin": {
      label: "Shortest comment",
      hint: "In characters.",
    },
    "comments.bodyMax": {
      label: "Longest comment",
      hint: "In characters.",
    },
    "comments.maxLinks": {
      label: "Links before holding",
      hint: "A comment with more links than this is held for moderation.",
    },
    "comments.holdFirst": {
      label: "Hold the first comment of each e-mail address",
      hint: "It waits for a moderator's decision; once one comment is approved, the next ones appear at once.",
    },
    "comments.blocklist": {
      label: "Blocked words",
      hint: "A comment containing one of them goes to spam. Capitals, accents and disguised letters are ignored.",
    },
    "comments.minFillSeconds": {
      label: "Shortest typing time (seconds)",
      hint: "A form sent faster was filled by a bot. 0: rule off.",
    },
    "comments.burstMax": {
      label: "Burst: comments before holding",
      hint: "A connection sending this many comments within the window below has the next ones held. 0: rule off.",
    },
    "comments.burstMinutes": {
      label: "Burst: window (minutes)",
      hint: "The time over which a burst is counted.",
    },
    "rateLimit.comments.max": {
      label: "Posts per connection",
      hint: "Comments one connection may send per window; past that, it must wait. 0: no limit.",
    },
    "rateLimit.comments.windowSeconds": {
      label: "Posting window (seconds)",
      hint: "The time over which posts are counted.",
    },
    "privacy.ipRetentionDays": {
      label: "Address retention (days)",
      hint: "How long a comment keeps the keyed hash of its author's IP address (for the burst rule and moderators) before it is cleared.",
    },
    "akismet.apiKey": {
      label: "Akismet API key",
      hint: "With a key, each new comment is also checked by Akismet: its author's name, e-mail, IP address and text are sent there. Without one, nothing leaves the server.",
    },
    "akismet.endpoint": {
      label: "Service address",
      hint: "Akismet's, or another service speaking the same protocol.",
    },
    "gif.provider": {
      label: "GIF provider",
      hint: "Where the GIFs readers attach to comments come from. Readers' browsers never contact the provider: the site searches for them and keeps a copy of the chosen GIF. “None”: no GIF button.",
    },
    "gif.key": {
      label: "GIF provider API key",
      hint: "The one GIPHY or Klipy gave you. It never leaves the server. Without a key readers see no GIF button.",
    },
    "gif.rating": {
      label: "Highest GIF rating",
      hint: "The strongest rating readers may find, on the provider's scale (G: all audiences).",
    },
    "gif.proxyMedia": {
      label: "Serve previews from the site",
      hint: "Ticked, the picker's previews go through the site: the provider never sees readers. Unticked, they come from its CDN (less work for the server). Published GIFs always come from the site's copy.",
    },
    "gif.giphyEndpoint": {
      label: "GIPHY API address",
      hint: "GIPHY's, or a relay's in front of it.",
    },
    "gif.klipyEndpoint": {
      label: "Klipy API address",
      hint: "Klipy's, or a relay's in front of it.",
    },
    "rateLimit.gifSearch.max": {
      label: "GIF searches per connection",
      hint: "Past this, within the window below, a connection only gets results already cached. 0: no limit.",
    },
    "rateLimit.gifSearch.windowSeconds": {
      label: "Search window (seconds)",
      hint: "The time over which GIF searches are counted.",
    },
  },
  choices: {
    "comments.order": { oldest: "Oldest first", newest: "Newest first" },
    "gif.provider": { disabled: "None", giphy: "GIPHY", klipy: "Klipy" },
    "gif.rating": { g: "G (all audiences)", pg: "PG", "pg-13": "PG-13", r: "R" },
  },
};

export const settingsWords: Record<Locale, SettingsWords> = { fr, en };
