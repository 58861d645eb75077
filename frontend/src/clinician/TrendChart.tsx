// One daily trend (uPlot, loaded lazily) with its summary in words.
import { useLazyChart } from '../charts/useLazyChart';
import type { TrendSeries } from '../charts/uplotChart';

export function TrendChart({ data, summary }: { data: TrendSeries; summary: string }) {
  const { box, failed } = useLazyChart((m, el) => m.drawTrendChart(el, data), [data]);
  return (
    <figure class="chart">
      <div ref={box} class="chart-box chart-box-small" aria-hidden="true">
        {failed ? 'The chart could not be loaded.' : ''}
      </div>
      <figcaption class="hint">{summary}</figcaption>
    </figure>
  );
}
