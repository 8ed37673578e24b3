import type { Segment } from "../snippet.js";

/** Text with its matching words in <mark>: every piece rendered as text, escaped by Preact. */
export function Marked({ segments }: { segments: readonly Segment[] }) {
  return <>{segments.map((s) => (s.hit ? <mark>{s.text}</mark> : s.text))}</>;
}
