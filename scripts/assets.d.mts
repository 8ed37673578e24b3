/** Builds the minified stylesheet and islands into `outdir`. */
export function buildAssets(outdir: string): Promise<void>;
