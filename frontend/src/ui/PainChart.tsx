import { useEffect, useRef, useState } from 'preact/hooks';
import type { PainSeries } from '../charts/uplotChart';

/** Morning and sitting pain chart; uPlot is fetched only when this renders. */
export function PainChart({ data, label }: { data: PainSeries; label: string }) {
  const box = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let chart: { destroy(): void } | null = null;
    let alive = true;
    import('../charts/uplotChart')
      .then((m) => {
        if (alive && box.current) {
          box.current.textContent = '';
          chart = m.drawPainChart(box.current, data);
        }
      })
      .catch(() => alive && setFailed(true));
    return () => {
      alive = false;
      chart?.destroy();
    };
  }, [data]);
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
