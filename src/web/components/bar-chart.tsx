/**
 * A bar chart drawn on the server as SVG: no script, no colour needed to read it (bars hatched
 * and outlined, every non-zero bar carries its number), one image to assistive technology
 * (`role="img"` with its title and a description that gives the total and the busiest day), and
 * the same numbers as a table under it, for whoever prefers to read them.
 */
export interface BarChartProps {
  /** Unique on the page: names the chart's title, description and hatching. */
  id: string;
  title: string;
  /** What the chart says in one sentence: the total, the busiest day. */
  description: string;
  /** One short label per bar ("30 août"), shown under some of them. */
  labels: readonly string[];
  /** One full label per bar ("dimanche 30 août 2026"), for the table's rows. */
  longLabels: readonly string[];
  values: readonly number[];
  /** Each number as the page's language writes it. */
  format: (n: number) => string;
  /** The table's summary line and its headers. */
  tableSummary: string;
  labelHeader: string;
  valueHeader: string;
}

const WIDTH = 640;
const HEIGHT = 220;
const LEFT = 40;
const RIGHT = 8;
const TOP = 18;
const BOTTOM = 28;
/** Every seventh bar is labelled under the axis, counting back from the last (today). */
const LABEL_EVERY = 7;

/** A round top for the scale: 1, 2, 5, 10, 20, 50… at least the largest value. */
function scaleTop(max: number): number {
  if (max <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 5, 10]) if (step * power >= max) return step * power;
  return 10 * power;
}

export function BarChart(p: BarChartProps) {
  const n = p.values.length;
  const top = scaleTop(Math.max(0, ...p.values));
  const plotW = WIDTH - LEFT - RIGHT;
  const plotH = HEIGHT - TOP - BOTTOM;
  const slot = plotW / Math.max(1, n);
  const barW = Math.max(1, slot * 0.7);
  const y = (v: number) => TOP + plotH - (v / top) * plotH;
  const hatch = `${p.id}-hatch`;
  return (
    <figure class="chart" id={p.id}>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={`${p.id}-title ${p.id}-desc`}
        class="chart-svg"
      >
        <title id={`${p.id}-title`}>{p.title}</title>
        <desc id={`${p.id}-desc`}>{p.description}</desc>
        <defs>
          <pattern
            id={hatch}
            patternUnits="userSpaceOnUse"
            width="6"
            height="6"
            patternTransform="rotate(45)"
          >
            <rect width="6" height="6" class="chart-bar-fill" />
            <line x1="0" y1="0" x2="0" y2="6" class="chart-bar-hatch" stroke-width="3" />
          </pattern>
        </defs>
        {[0, top / 2, top].map((v) => (
          <g class="chart-grid">
            <line x1={LEFT} x2={WIDTH - RIGHT} y1={y(v)} y2={y(v)} />
            <text x={LEFT - 6} y={y(v) + 4} text-anchor="end" font-size="11">
              {p.format(v)}
            </text>
          </g>
        ))}
        {p.values.map((v, i) => {
          const x = LEFT + i * slot + (slot - barW) / 2;
          const labelled = (n - 1 - i) % LABEL_EVERY === 0;
          return (
            <g class="chart-day">
              {v > 0 ? (
                <>
                  <rect
                    x={x}
                    y={y(v)}
                    width={barW}
                    height={TOP + plotH - y(v)}
                    fill={`url(#${hatch})`}
                    class="chart-bar"
                  />
                  <text x={x + barW / 2} y={y(v) - 4} text-anchor="middle" font-size="10">
                    {p.format(v)}
                  </text>
                </>
              ) : null}
              {labelled ? (
                <text
                  x={x + barW / 2}
                  y={HEIGHT - BOTTOM + 16}
                  text-anchor="middle"
                  font-size="11"
                  class="chart-label"
                >
                  {p.labels[i]}
                </text>
              ) : null}
            </g>
          );
        })}
        <line class="chart-axis" x1={LEFT} x2={WIDTH - RIGHT} y1={TOP + plotH} y2={TOP + plotH} />
      </svg>
      <details class="chart-numbers">
        <summary>{p.tableSummary}</summary>
        <table class="data-table">
          <caption>{p.title}</caption>
          <thead>
            <tr>
              <th scope="col">{p.labelHeader}</th>
              <th scope="col">{p.valueHeader}</th>
            </tr>
          </thead>
          <tbody>
            {p.values.map((v, i) => (
              <tr>
                <th scope="row">{p.longLabels[i]}</th>
                <td>{p.format(v)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
