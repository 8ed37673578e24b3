/**
 * `node dist/bench/related-quality.js`: the related-articles evaluation alone (`npm run bench`
 * prints it too). Pure computation over the evaluation set: no server, no database.
 */
import { evaluateRelated, formatRelatedQuality } from "./evaluate.js";

console.log(formatRelatedQuality(evaluateRelated()));
