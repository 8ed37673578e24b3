/**
 * Old addresses that answer 301 to their Kiosque address: filled by imports (a WordPress site's
 * permalinks, `/?p=123`, its category, tag, author and attachment pages), read by the 404 path
 * (http/errors.tsx) and by the one hook for WordPress's query-string links (http/old-links.ts).
 */
export * as redirects from "./service.js";
export type { RedirectsTables } from "./table.js";
