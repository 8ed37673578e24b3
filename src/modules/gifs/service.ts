export {
  findGifs,
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
  previewOf,
  previewsServed,
  KEEP_MAX_BYTES,
  type CommentGif,
  type KeptGif,
} from "./keep.js";
