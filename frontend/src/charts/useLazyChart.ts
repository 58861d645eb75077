// A uPlot chart drawn into a box once the chart module has loaded (it is a separate chunk):
// the one place that loads it, redraws when the data change, and destroys the chart.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Ref } from 'preact';

type ChartModule = typeof import('./uplotChart');

export function useLazyChart(draw: (m: ChartModule, el: HTMLDivElement) => { destroy(): void }, deps: unknown[]): { box: Ref<HTMLDivElement>; failed: boolean } {
  const box = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let chart: { destroy(): void } | null = null;
    let alive = true;
    import('./uplotChart')
      .then((m) => {
        if (alive && box.current) {
          box.current.textContent = '';
          chart = draw(m, box.current);
        }
      })
      .catch(() => alive && setFailed(true));
    return () => {
      alive = false;
      chart?.destroy();
    };
  }, deps);
  return { box, failed };
}
