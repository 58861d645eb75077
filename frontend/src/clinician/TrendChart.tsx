// One daily trend (uPlot, loaded lazily) with its summary in words.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { TrendSeries } from '../charts/uplotChart';

export function TrendChart({ data, summary }: { data: TrendSeries; summary: string }) {
  const box = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let chart: { destroy(): void } | null = null;
    let alive = true;
    import('../charts/uplotChart')
      .then((m) => {
        if (alive && box.current) {
          box.current.textContent = '';
          chart = m.drawTrendChart(box.current, data);
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
      <div ref={box} class="chart-box chart-box-small" aria-hidden="true">
        {failed ? 'The chart could not be loaded.' : ''}
      </div>
      <figcaption class="hint">{summary}</figcaption>
    </figure>
  );
}
