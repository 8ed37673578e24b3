export * as media from "./service.js";
export { processPending, type Processed } from "./variants.js";
export type { MediaItem, MediaVariant } from "./model.js";
export type { LibraryPage, Upload, Usage } from "./service.js";
export type { ImageFormat, MediaStatus, MediaTables, VariantFormat } from "./table.js";
export {
  mediaStore,
  MediaStoreError,
  type MediaStore,
  type StoredObject,
} from "./storage/index.js";
export { isObjectKey, etagOf } from "./keys.js";
