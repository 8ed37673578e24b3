import type { EditorLabels } from "../editor-labels.js";
import { en } from "./en.js";
import { fr } from "./fr.js";
import type { Locale } from "./index.js";

/** The rich-text editor's words; the newsroom works in French and in English. */
export const editorLabels: Record<Locale, EditorLabels> = {
  fr: {
    toolbar: "Mise en forme",
    heading2: "Intertitre",
    heading3: "Sous-intertitre",
    bold: "Gras",
    italic: "Italique",
    link: "Lien",
    bulletList: "Liste à puces",
    orderedList: "Liste numérotée",
    blockquote: "Citation",
    image: "Image",
    embed: "Contenu externe",
    undo: "Annuler",
    redo: "Rétablir",
    dialog: {
      insert: "Insérer",
      apply: "Appliquer",
      cancel: "Annuler",
      linkTitle: "Lien",
      linkUrl: "Adresse du lien",
      linkHint: "Par exemple https://exemple.fr/page. Laissez vide pour retirer le lien.",
      imageTitle: "Insérer une image",
      imageUrl: "Adresse de l’image",
      imageAlt: "Texte alternatif",
      imageAltHint: "Ce que montre l’image, pour qui ne la voit pas.",
      imageCaption: "Légende",
      imageCredit: "Crédit",
      embedTitle: "Insérer un contenu externe",
      embedUrl: "Adresse du contenu",
      embedHint:
        "YouTube, Vimeo, X, Mastodon ou toute page web. Les lecteurs voient un lien : rien ne se charge avant leur clic.",
    },
    problems: {
      required: "Ce champ est obligatoire.",
      linkUrl:
        "Saisissez une adresse commençant par http://, https:// ou mailto:, ou un chemin du site commençant par /.",
      imageUrl:
        "Saisissez une adresse d’image commençant par http:// ou https://, ou un chemin du site commençant par /.",
      // Publishing's own words: the dialog refuses at once what publishing would refuse later.
      imageElsewhere: fr.problems.imageElsewhere,
      embedUrl: "Saisissez une adresse web complète commençant par http:// ou https://.",
    },
  },
  en: {
    toolbar: "Formatting",
    heading2: "Heading",
    heading3: "Subheading",
    bold: "Bold",
    italic: "Italic",
    link: "Link",
    bulletList: "Bulleted list",
    orderedList: "Numbered list",
    blockquote: "Quote",
    image: "Image",
    embed: "Embed",
    undo: "Undo",
    redo: "Redo",
    dialog: {
      insert: "Insert",
      apply: "Apply",
      cancel: "Cancel",
      linkTitle: "Link",
      linkUrl: "Link address",
      linkHint: "For example https://example.com/page. Leave empty to remove the link.",
      imageTitle: "Insert an image",
      imageUrl: "Image address",
      imageAlt: "Alternative text",
      imageAltHint: "What the image shows, for people who cannot see it.",
      imageCaption: "Caption",
      imageCredit: "Credit",
      embedTitle: "Insert an embed",
      embedUrl: "Embed address",
      embedHint:
        "YouTube, Vimeo, X, Mastodon or any web page. Readers see a link: nothing loads until they click it.",
    },
    problems: {
      required: "This field is required.",
      linkUrl:
        "Enter an address starting with http://, https:// or mailto:, or a path on this site starting with /.",
      imageUrl:
        "Enter an image address starting with http:// or https://, or a path on this site starting with /.",
      imageElsewhere: en.problems.imageElsewhere,
      embedUrl: "Enter a full web address starting with http:// or https://.",
    },
  },
};
