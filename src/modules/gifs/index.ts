export * as gifs from "./service.js";
export type { CommentGif, KeptGif, PickerAnswer, PickerGif } from "./service.js";
export { providerFor, type ProviderSettings } from "./providers/index.js";
export type { GifProvider, KeyCheck } from "./provider.js";
export type { GifsTables } from "./table.js";
export { commentGifFigure } from "./views/comment-gif.js";
export { GIPHY_MEDIA_HOSTS } from "./providers/giphy.js";
export { KLIPY_MEDIA_HOSTS } from "./providers/klipy.js";
