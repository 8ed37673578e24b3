import type { VNode } from "preact";
import { html } from "../../../web/html.js";
import type { CommentGif } from "../keep.js";

/**
 * A comment's GIF, from Kiosque's own copy: its size given (no layout shift), loaded when
 * scrolled near, its title as alternative text. Readers who asked their system for less motion
 * see its first frame (`<source media>`); the link opens the animation itself for whoever wants
 * it, with no script. The link's name is the image's: its title, or the word "GIF" for one
 * without. A template, as the comment around it (decision 028).
 */
export function commentGifFigure(gif: CommentGif, label: string): VNode {
  const still = gif.still
    ? html`<source srcset="${gif.still}" media="(prefers-reduced-motion: reduce)"/>`
    : null;
  return html`
    <p class="comment-gif">
      <a href="${gif.src}">
        <picture>
          ${still}
          <img
            src="${gif.src}"
            width="${gif.width}"
            height="${gif.height}"
            alt="${gif.title || label}"
            loading="lazy"
            decoding="async"
          />
        </picture>
      </a>
    </p>`;
}
