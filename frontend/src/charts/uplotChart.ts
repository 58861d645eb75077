// The only place uPlot is imported: loaded lazily by history and clinician pages.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface PainSeries {
  dates: string[];
  morning: (number | null)[];
  sitting: (number | null)[];
}

function cssVar(name: string, fallback: string): string {
  const v = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return v || fallback;
}

// Dates in the browser's locale ("30 Nov" in en-GB, "Nov 30" in en-US), not uPlot's fixed M/D.
const dayMonth = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' });
const fullDate = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });
export const axisDate = (seconds: number): string => dayMonth.format(new Date(seconds * 1000));

export function drawPainChart(el: HTMLElement, data: PainSeries): { destroy(): void } {
  const axis = cssVar('--muted', '#475569');
  const grid = cssVar('--grid', '#e2e8f0');
  const x = data.dates.map((d) => Date.parse(`${d}T12:00:00Z`) / 1000);
  const width = () => Math.max(260, Math.floor(el.clientWidth));
  const opts: uPlot.Options = {
    width: width(),
    height: 220,
    scales: { x: { time: true }, y: { range: [0, 10] } },
    // the figure caption names the series (solid vs dashed line), so uPlot's legend is off
    legend: { show: false },
    cursor: { show: true, drag: { x: false, y: false } },
    series: [
      { label: 'Date', value: (_u, v) => (v == null ? '' : fullDate.format(new Date(v * 1000))) },
      { label: 'Morning pain', stroke: cssVar('--chart-1', '#0f766e'), width: 2.5, points: { show: true, size: 6 }, spanGaps: false },
      { label: 'Sitting pain', stroke: cssVar('--chart-2', '#9a3412'), width: 2.5, dash: [7, 5], points: { show: true, size: 6 }, spanGaps: false },
    ],
    axes: [
      { stroke: axis, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid }, values: (_u, splits) => splits.map(axisDate) },
      { stroke: axis, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid }, splits: () => [0, 2, 4, 6, 8, 10] },
    ],
  };
  return mount(new uPlot(opts, [x, data.morning, data.sitting], el), el, width, 220);
}

export interface TrendSeries {
  dates: string[];
  values: (number | null)[];
  /** lowest and highest value on the y axis */
  range: [number, number];
  /** y-axis ticks, and their words when the values stand for categories */
  ticks: number[];
  tickLabel?: (v: number) => string;
  label: string;
}

/** One daily series (loading stage, running speed, symptom extent) as points joined by lines. */
export function drawTrendChart(el: HTMLElement, data: TrendSeries): { destroy(): void } {
  const axis = cssVar('--muted', '#475569');
  const grid = cssVar('--grid', '#e2e8f0');
  const x = data.dates.map((d) => Date.parse(`${d}T12:00:00Z`) / 1000);
  const width = () => Math.max(260, Math.floor(el.clientWidth));
  const label = data.tickLabel;
  const opts: uPlot.Options = {
    width: width(),
    height: 180,
    scales: { x: { time: true }, y: { range: data.range } },
    legend: { show: false },
    cursor: { show: true, drag: { x: false, y: false } },
    series: [{ label: 'Date' }, { label: data.label, stroke: cssVar('--chart-1', '#0f766e'), width: 2.5, points: { show: true, size: 6 }, spanGaps: false }],
    axes: [
      { stroke: axis, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid } },
      {
        stroke: axis,
        grid: { stroke: grid, width: 1 },
        ticks: { stroke: grid },
        splits: () => data.ticks,
        size: label ? 90 : 50,
        ...(label ? { values: (_u: uPlot, vs: number[]) => vs.map(label) } : {}),
      },
    ],
  };
  return mount(new uPlot(opts, [x, data.values], el), el, width, 180);
}

/** Weekly trend lines (outcomes): one series per measure, told apart by dash and point size too. */
export interface TrendLine {
  label: string;
  values: (number | null)[];
}

const TREND_STYLE: { color: [string, string]; dash: number[] }[] = [
  { color: ['--chart-1', '#0f766e'], dash: [] },
  { color: ['--chart-2', '#9a3412'], dash: [7, 5] },
  { color: ['--chart-3', '#1d4ed8'], dash: [2, 4] },
  { color: ['--chart-4', '#6b21a8'], dash: [12, 4, 2, 4] },
  { color: ['--chart-5', '#334155'], dash: [4, 2] },
];

export function drawWeeklyTrendChart(el: HTMLElement, weeks: string[], lines: TrendLine[], range: [number, number]): { destroy(): void } {
  const axis = cssVar('--muted', '#475569');
  const grid = cssVar('--grid', '#e2e8f0');
  const x = weeks.map((d) => Date.parse(`${d}T12:00:00Z`) / 1000);
  const width = () => Math.max(260, Math.floor(el.clientWidth));
  const opts: uPlot.Options = {
    width: width(),
    height: 200,
    scales: { x: { time: true }, y: { range } },
    legend: { show: false },
    cursor: { show: true, drag: { x: false, y: false } },
    series: [
      { label: 'Week' },
      ...lines.map((l, i) => {
        const s = TREND_STYLE[i % TREND_STYLE.length]!;
        return { label: l.label, stroke: cssVar(s.color[0], s.color[1]), width: 2.5, dash: s.dash, points: { show: true, size: 5 + i }, spanGaps: true };
      }),
    ],
    axes: [
      { stroke: axis, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid } },
      { stroke: axis, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid } },
    ],
  };
  return mount(new uPlot(opts, [x, ...lines.map((l) => l.values)], el), el, width, 200);
}

/** Keeps a chart as wide as its box, and gives the one way to take it down. */
function mount(plot: uPlot, el: HTMLElement, width: () => number, height: number): { destroy(): void } {
  const ro = typeof ResizeObserver !== 'undefined' ? new ResizeObserver(() => plot.setSize({ width: width(), height })) : null;
  ro?.observe(el);
  return {
    destroy() {
      ro?.disconnect();
      plot.destroy();
    },
  };
}
