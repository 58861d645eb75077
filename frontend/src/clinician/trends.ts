// The daily series shown beside the pain charts (loading stage, running speed, symptom extent)
// and their text summaries for screen readers and anyone who prefers words (pure).
import { shortLabel } from '../dates';
import type { PatientRecord } from '../api/types';

type Log = PatientRecord['logs'][number];

export const EXTENT_ORDER = ['none', 'buttock', 'thigh', 'below_knee', 'foot'] as const;
export const EXTENT_WORDS: Record<string, string> = {
  none: 'none',
  buttock: 'buttock',
  thigh: 'thigh',
  below_knee: 'below the knee',
  foot: 'foot',
};

/** Short words for the chart's axis. */
const EXTENT_TICKS = ['none', 'buttock', 'thigh', 'below knee', 'foot'];

export interface TrendDef {
  id: string;
  title: string;
  range: [number, number];
  ticks: number[];
  pick: (l: Log) => number | null;
  words: (v: number) => string;
  /** the y axis in words, when the values stand for categories */
  tick?: (v: number) => string;
}

export const TRENDS: TrendDef[] = [
  { id: 'stage', title: 'Loading stage', range: [0, 4], ticks: [1, 2, 3, 4], pick: (l) => l.loading_stage ?? null, words: (v) => `stage ${v}` },
  { id: 'speed', title: 'Running speed (% of top speed)', range: [0, 100], ticks: [0, 25, 50, 75, 100], pick: (l) => l.sprint_speed_pct ?? null, words: (v) => `${v}%` },
  {
    id: 'extent',
    title: 'Symptom extent',
    range: [0, 4],
    ticks: [0, 1, 2, 3, 4],
    pick: (l) => (l.symptom_extent ? EXTENT_ORDER.indexOf(l.symptom_extent) : null),
    words: (v) => EXTENT_WORDS[EXTENT_ORDER[v] ?? ''] ?? String(v),
    tick: (v) => EXTENT_TICKS[v] ?? '',
  },
];

/** "Loading stage: logged on 5 of 28 days. Latest stage 2 (Wed 25 Nov). Lowest stage 1, highest stage 2." */
export function trendSummary(title: string, dates: string[], values: (number | null)[], words: (v: number) => string): string {
  const seen = values.map((v, i) => [v, dates[i]] as const).filter((p): p is readonly [number, string] => p[0] !== null);
  const span = `${dates.length} days`;
  if (seen.length === 0) return `${title}: not logged in the last ${span}.`;
  const [lv, ld] = seen[seen.length - 1]!;
  const nums = seen.map((p) => p[0]);
  const lo = Math.min(...nums);
  const hi = Math.max(...nums);
  const spread = lo === hi ? `The same every time: ${words(lo)}.` : `Lowest ${words(lo)}, highest ${words(hi)}.`;
  return `${title}: logged on ${seen.length} of ${span}. Latest ${words(lv)} (${shortLabel(ld)}). ${spread}`;
}
