import type { RelatedScale } from "./related-scale.js";
import type { WordpressImportResult } from "./wordpress-import.js";
import type { DatasetSpec } from "../data/plan.js";
import type { ColdStart } from "./cold-start.js";
import type { Figure, LoadPlan } from "./load.js";
import type { DeskFigure } from "./desk.js";
import type { GifFigure } from "./gifs.js";
import type { MediaFigure } from "./media.js";
import type { Memory } from "./memory.js";
import type { StaffListResult } from "./staff-list.js";
import type { Check } from "./targets.js";
import type { PageWeight } from "./weight.js";
import type { PublishFigure } from "./publish.js";

export type Engine = "sqlite" | "postgres";
export type Mode = "quick" | "default" | "full";

/** A page measured, or why it was not (no search page yet). */
export interface PageResult {
  key: string;
  label: string;
  path?: string;
  figure?: Figure;
  note?: string;
}

export interface DatasetResult extends DatasetSpec {
  generateSeconds: number;
}

/** Everything one engine's run measured: printed as tables, written as JSON. */
export interface BenchResult {
  engine: Engine;
  mode: Mode;
  startedAt: string;
  machine: { node: string; cpus: number; platform: string };
  /** The checked-out commit, when the bench runs in a git work tree. */
  commit?: string;
  plan: LoadPlan;
  dataset: DatasetResult;
  pages: PageResult[];
  commentPosts: Figure;
  baseline: {
    articleHtmlBytes: number;
    static: Figure;
    nginx?: Figure;
    /** Why there is no nginx figure. */
    nginxNote?: string;
  };
  coldStart: ColdStart;
  /** Issue 10: a publication made by another process until the server's home page shows it. */
  publish?: PublishFigure;
  /** Issue 10: a 12-megapixel JPEG from upload to variants ready, and sharp alone on it. */
  media?: MediaFigure;
  /** Issue 15: `kiosque import wordpress` of a generated export, time and peak memory. */
  wordpressImport?: WordpressImportResult;
  /** Issue 11: a queue page of the moderation desk, and approving 1,000 comments at once. */
  desk?: DeskFigure;
  /** Issue 12: a cached GIF search, an article with 20 GIF comments, a kept GIF served. */
  gifs?: GifFigure;
  /**
   * At rest after every load round, comment posts included (memory.ts, REST_MS): the figure the
   * target is about.
   */
  memory?: Memory;
  /** The same, read as the last load ended, before the process had a quiet moment. */
  memoryUnderLoad?: Memory;
  /** After the page rounds, before the comment posts: tells the page cache from the rest. */
  memoryAfterPages?: Memory;
  /** Processes serving (KIOSQUE_WORKERS, default one per core), counted in /proc after start. */
  serverProcesses?: number;
  weight: PageWeight;
  /** Issue 10: the newsroom's article list, filtered and paginated, with its baseline. */
  staffList?: StaffListResult;
  full?: {
    dataset: DatasetResult;
    pages: PageResult[];
    coldStart: ColdStart;
    /** At rest after the crawler and the staff list, as `memory` above. */
    memory?: Memory;
    memoryUnderLoad?: Memory;
    staffList?: StaffListResult;
    /** Issue 11's figures at 1,000,000 comments / 10,000 pending. */
    desk?: DeskFigure;
    /** Issue 13's: reindex time and peak memory, publish median, search p95 (in-process). */
    relatedScale?: RelatedScale;
  };
  checks: Check[];
}
