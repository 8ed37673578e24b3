/** See migrations/014-gifs.ts. Owned by this module. */
export interface GifSearchesTable {
  /** A hash of the provider, the kind (search or trending), the words, the page, rating and language. */
  key: string;
  provider: string;
  /** JSON: the offers' ids, in the provider's order. */
  results: string;
  /** The provider's cursor for the page after this one; null on the last. */
  next: string | null;
  fetched_at: string;
  expires_at: string;
}

export interface GifOffersTable {
  provider: string;
  gif_id: string;
  title: string;
  /** JSON of an `Offer` (provider.ts): its renditions' URLs on the provider's media hosts. */
  offer: string;
  offered_at: string;
}

export interface CommentGifsTable {
  comment_id: number;
  provider: string;
  gif_id: string;
  title: string;
  width: number;
  height: number;
  /** The kept animation in the media store (keys.ts). */
  media_key: string;
  media_type: string;
  /** Its first frame, for readers who asked for less motion; null when none could be made. */
  still_key: string | null;
  bytes: number;
  kept_at: string;
}

export interface GifsTables {
  gif_searches: GifSearchesTable;
  gif_offers: GifOffersTable;
  comment_gifs: CommentGifsTable;
}
