/**
 * The words of the rich-text editor, handed from the server (web/i18n/editor.ts, through the
 * field's `data-labels`) to the island. Browser-safe (no imports): the island takes the type.
 */
export interface EditorLabels {
  /** The toolbar's accessible name. */
  toolbar: string;
  heading2: string;
  heading3: string;
  bold: string;
  italic: string;
  link: string;
  bulletList: string;
  orderedList: string;
  blockquote: string;
  image: string;
  embed: string;
  undo: string;
  redo: string;
  dialog: {
    insert: string;
    apply: string;
    cancel: string;
    linkTitle: string;
    linkUrl: string;
    /** Says that an empty address takes the link away. */
    linkHint: string;
    imageTitle: string;
    imageUrl: string;
    imageAlt: string;
    imageAltHint: string;
    imageCaption: string;
    imageCredit: string;
    embedTitle: string;
    embedUrl: string;
    embedHint: string;
  };
  problems: {
    required: string;
    /** A link's address is not http(s), mailto: or a path of this site. */
    linkUrl: string;
    /** An image's address is not http(s) or a path of this site. */
    imageUrl: string;
    /** An image's address is on another site, which the page's CSP keeps readers from loading. */
    imageElsewhere: string;
    /** An embed's address is not an http(s) web address. */
    embedUrl: string;
  };
}
