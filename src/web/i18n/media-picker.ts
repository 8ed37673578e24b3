import type { MediaPickerLabels } from "../media-picker-contract.js";
import type { Locale, Messages } from "./index.js";

/**
 * The media picker's words (web/islands/media-picker.ts), handed to it as JSON on its button, like
 * the editor's (editor.ts): a catalogue of their own, as only the island reads them.
 */
export const mediaPickerLabels: Record<Locale, MediaPickerLabels> = {
  fr: {
    title: "Médiathèque",
    close: "Fermer",
    search: "Rechercher une image",
    searchSubmit: "Rechercher",
    loading: "Chargement…",
    empty: "Aucune image ne correspond.",
    failed: "La médiathèque ne répond pas. Réessayez dans un instant.",
    previous: "Page précédente",
    next: "Page suivante",
    processing: "en préparation",
    upload: {
      title: "Envoyer une nouvelle image",
      file: "Fichier de l’image",
      fileHint: "JPEG, PNG, WebP, GIF ou AVIF.",
      submit: "Envoyer",
      sending: "Envoi…",
    },
    details: {
      title: "Image choisie",
      alt: "Texte alternatif",
      altHint: "Ce que montre l’image, pour qui ne la voit pas.",
      caption: "Légende",
      credit: "Crédit",
      insert: "Insérer dans le texte",
      use: "Utiliser cette image",
      back: "Choisir une autre image",
      altRequired: "Décrivez l’image : le texte alternatif est obligatoire.",
    },
  },
  en: {
    title: "Media library",
    close: "Close",
    search: "Search images",
    searchSubmit: "Search",
    loading: "Loading…",
    empty: "No image matches.",
    failed: "The media library does not answer. Try again in a moment.",
    previous: "Previous page",
    next: "Next page",
    processing: "being prepared",
    upload: {
      title: "Upload a new image",
      file: "Image file",
      fileHint: "JPEG, PNG, WebP, GIF or AVIF.",
      submit: "Upload",
      sending: "Sending…",
    },
    details: {
      title: "Chosen image",
      alt: "Alternative text",
      altHint: "What the image shows, for those who cannot see it.",
      caption: "Caption",
      credit: "Credit",
      insert: "Insert into the text",
      use: "Use this image",
      back: "Choose another image",
      altRequired: "Describe the image: the alternative text is required.",
    },
  },
};

/** The picker's words in the language of `t` (a catalogue's `lang` is its locale). */
export function pickerLabelsFor(t: Messages): MediaPickerLabels {
  return mediaPickerLabels[t.lang as Locale] ?? mediaPickerLabels.fr;
}
