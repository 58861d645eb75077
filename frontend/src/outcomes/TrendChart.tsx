import { useLazyChart } from '../charts/useLazyChart';
import type { TrendLine } from '../charts/uplotChart';

const DASH_WORDS = ['solid line', 'dashed line', 'dotted line', 'dash-dot line', 'short dashes'];

/** Weekly trend lines; uPlot is fetched only when this renders. The caller lists the values as text too. */
export function TrendChart({ weeks, lines, range, label }: { weeks: string[]; lines: TrendLine[]; range: [number, number]; label: string }) {
  const { box, failed } = useLazyChart((m, el) => m.drawWeeklyTrendChart(el, weeks, lines, range), [weeks, lines, range]);
  return (
    <figure class="chart">
      <div ref={box} class="chart-box" role="img" aria-label={label}>
        {failed ? 'The chart could not be loaded. The values are listed below.' : ''}
      </div>
      <figcaption class="hint">
        {lines.map((l, i) => (
          <span key={l.label} class="trend-key">
            <span class={`legend-key key-${(i % 5) + 1}`} aria-hidden="true" /> {l.label} ({DASH_WORDS[i % DASH_WORDS.length]})
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
