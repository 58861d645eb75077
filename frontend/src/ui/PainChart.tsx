import { useLazyChart } from '../charts/useLazyChart';
import type { PainSeries } from '../charts/uplotChart';

/** Morning and sitting pain chart; uPlot is fetched only when this renders. */
export function PainChart({ data, label }: { data: PainSeries; label: string }) {
  const { box, failed } = useLazyChart((m, el) => m.drawPainChart(el, data), [data]);
  return (
    <figure class="chart">
      <div ref={box} class="chart-box" role="img" aria-label={label}>
        {failed ? 'The chart could not be loaded. The values are listed below.' : ''}
      </div>
      <figcaption class="hint">
        <span class="legend-key key-1" aria-hidden="true" /> Morning pain (solid line) ·{' '}
        <span class="legend-key key-2" aria-hidden="true" /> Sitting pain (dashed line). 0 = no pain, 10 = worst.
      </figcaption>
    </figure>
  );
}
