import { substream, type Prng } from "../data/prng.js";
import { FILLER, PLACES, SHARED_TAGS, TOPICS } from "./topics.js";

/** One article of the evaluation set, labelled with its topic. */
export interface EvalArticle {
  id: number;
  topic: string;
  section: string;
  title: string;
  standfirst: string;
  bodyHtml: string;
  tags: string[];
  /** ms since the epoch. */
  publishedAt: number;
}

/** Articles per topic: 16 topics × 20 = 320. */
export const PER_TOPIC = 20;
const NEWEST = Date.UTC(2026, 0, 1);
const DAY_MS = 86_400_000;
/** Spread over two years, topics mixed in time as news is. */
const SPAN_DAYS = 730;

function shuffled<T>(r: Prng, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = r.int(0, i);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * The evaluation set, the same for a seed on every machine: each article tells its topic's story
 * in its own words (a headline of its topic, a lead and two or three more of its ten sentences, in
 * an order of its own) among the civic filler every subject shares; half the time with a sentence
 * of a neighbouring topic of its section, half the time with a tag shared across topics.
 */
export function evaluationCorpus(seed = 13): EvalArticle[] {
  const r = substream(seed, "related-eval");
  const out: EvalArticle[] = [];
  for (const topic of TOPICS)
    for (let i = 0; i < PER_TOPIC; i++) {
      const place = r.pick(PLACES);
      const [lead, ...rest] = shuffled(r, topic.sentences);
      const own = rest.slice(0, r.int(2, 3));
      const filler = shuffled(r, FILLER).slice(0, r.int(3, 4));
      // Half the articles also mention a neighbouring subject (a drought article recalling last
      // year's floods): one sentence of another topic of the same section.
      const neighbours = TOPICS.filter((t) => t.section === topic.section && t.id !== topic.id);
      const aside =
        r.chance(0.5) && neighbours.length > 0 ? [r.pick(r.pick(neighbours).sentences)] : [];
      const body = shuffled(r, [...own, ...filler, ...aside]);
      const tags = [topic.tags[0]!];
      if (r.chance(0.5)) tags.push(topic.tags[1]!);
      if (r.chance(0.5)) tags.push(r.pick(SHARED_TAGS));
      out.push({
        id: out.length + 1,
        topic: topic.id,
        section: topic.section,
        title: r.pick(topic.headlines).replace("{lieu}", place),
        standfirst: lead!,
        bodyHtml: body.map((s) => `<p>${s}</p>`).join(""),
        tags,
        publishedAt: NEWEST - r.int(0, SPAN_DAYS * 24) * (DAY_MS / 24),
      });
    }
  return out;
}
