export {
  findGifs,
  GIF_PAGE_SIZE,
  gifsEnabled,
  normalizeQuery,
  type PickerAnswer,
  type PickerGif,
} from "./search.js";
export {
  attach,
  detach,
  gifsOf,
  keepOffered,
  KEEP_MAX_BYTES,
  type CommentGif,
  type KeptGif,
} from "./keep.js";
