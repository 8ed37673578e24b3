/**
 * Shapes of the demo newsroom's content. The content is original French text written for
 * Kiosque (fictional events, people and places); it is data only, turned into rows by
 * `../seed.ts` through the modules' services.
 */

export interface DemoCategory {
  slug: string;
  name: string;
  description: string;
}

export interface DemoAuthor {
  slug: string;
  name: string;
  /** Reserved example.org addresses: the demo never holds a reachable address. */
  email: string;
  bio: string;
  role: "editor" | "author";
}

export interface DemoComment {
  name: string;
  email: string;
  website?: string;
  body: string;
  /** Pending comments show the moderation desk (and the CLI) something to do. */
  status: "approved" | "pending";
  /** Minutes after the article's publication. */
  minutesAfter: number;
  replies?: DemoComment[];
}

export interface DemoArticle {
  slug: string;
  /** A DemoCategory slug. */
  category: string;
  /** A DemoAuthor slug. */
  author: string;
  title: string;
  /** One or two sentences shown under the headline and in listings. */
  standfirst: string;
  /** Trusted editor HTML: <p>, <h2>, <blockquote>, <ul>/<li>, <strong>, <em> only. */
  body: string;
  /** Tag names, in French, as a reader would see them ("Transports", "Budget 2027"). */
  tags: string[];
  /** Days before the seeding moment; the seed turns it into a date so the demo looks current. */
  publishedDaysAgo: number;
  /** Hour of the day (0–23) in Europe/Paris at which it was published. */
  publishedHour: number;
  /** Set when the article was edited after publication, in hours after publication. */
  updatedHoursAfter?: number;
  /** An article whose discussion the newsroom closed. */
  commentsClosed?: boolean;
  comments: DemoComment[];
}
