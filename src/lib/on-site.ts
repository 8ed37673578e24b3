/**
 * Whether readers' browsers load an image from this address: the CSP's `img-src 'self'` lets a
 * page show images from the site alone (no other site learns who reads what). A path of the site
 * ("/media/…"), or an address under its public URL; "//host/…" is another site's.
 * Browser-safe (no imports): the server judges a text by it when it goes out (lib/body-images.ts),
 * the editor's image dialog as the address is typed (web/islands/editor/urls.ts).
 */
export function isOnSite(src: string, publicUrl: string | undefined): boolean {
  return (
    (src.startsWith("/") && !src.startsWith("//")) ||
    (publicUrl !== undefined && src.startsWith(`${publicUrl}/`))
  );
}
