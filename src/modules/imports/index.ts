/**
 * Moving in from another platform, and leaving: `importWordpress` reads a WordPress export (WXR)
 * into the site, `exportWordpress` writes the site as one. The command line drives both
 * (cli/wordpress.ts); docs/import-wordpress.md is the operator's guide.
 */
export { importWordpress, type WordpressImport, type ImportPass } from "./wordpress/import.js";
export type { OpenDatabase } from "./wordpress/private-copy.js";
export { exportWordpress, type ExportCounts } from "./export/export.js";
export { formatReport, type ImportReport } from "./report.js";
export { ImportRefused, describeRefusal } from "./errors.js";
export { uploadsFolder, oldSite, noSource, type MediaSource } from "./sources.js";
export type { ReadProgress } from "./wxr/model.js";
export type { ImportsTables } from "./table.js";
