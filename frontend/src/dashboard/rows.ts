// The clinician's dashboard rows worked out for the page: stale decisions, flags in words,
// search by name and the desk view's column sorts. Pure: no DOM, no Preact, no network.
import type { PatientRow } from '../api/types';
import { FLAG_LABEL } from '../words';

/** A decision older than this many days without a log is not shown as today's (api.md missing_logs). */
export const STALE_AFTER_DAYS = 3;

export function humanise(key: string): string {
  const words = key.replace(/[_-]+/g, ' ').trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : key;
}

export function flagLabel(flag: string): string {
  return FLAG_LABEL[flag] ?? humanise(flag); // a flag the API adds later is never shown as a key
}

/** Whole days since the last log, or null when the patient never logged. */
type Logged = Pick<PatientRow, 'days_since_log'>;

/** True when the latest decision is too old to show as the patient's current one. */
export function isStale(row: Logged): boolean {
  const d = row.days_since_log;
  return d === null || d === undefined || d >= STALE_AFTER_DAYS;
}

/** What to show instead of a stale decision: "No log for 4 days", or "No logs yet". */
export function staleText(row: Logged): string {
  const d = row.days_since_log;
  if (d === null || d === undefined) return 'No logs yet';
  return `No log for ${d} days`;
}

/** "Logged today", "Last log yesterday", "Last log 2 days ago". */
export function lastLogText(row: Logged): string {
  const d = row.days_since_log;
  if (d === null || d === undefined) return 'No logs yet';
  if (d <= 0) return 'Logged today';
  if (d === 1) return 'Last log yesterday';
  return `Last log ${d} days ago`;
}

/** The flags to show as chips: the referral has its own badge, so its flag is not repeated. */
export function shownFlags(row: Pick<PatientRow, 'flags' | 'referral'>): string[] {
  return (row.flags ?? []).filter((f) => !(f === 'referral' && row.referral));
}

function fold(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().trim();
}

/** Rows whose name contains the search (case and accents ignored); all rows for an empty search. */
export function searchByName<T extends { display_name: string }>(rows: readonly T[], query: string): T[] {
  const q = fold(query);
  return q ? rows.filter((r) => fold(r.display_name).includes(q)) : [...rows];
}

export type SortKey = 'urgency' | 'name' | 'phase' | 'days' | 'decision' | 'referral' | 'adherence' | 'confidence' | 'trend';
export type SortDir = 'ascending' | 'descending';
export interface Sort {
  key: SortKey;
  dir: SortDir;
}

const REFERRAL_RANK: Record<string, number> = { emergency: 4, urgent: 3, soon: 2, routine: 1 };
const DECISION_RANK: Record<string, number> = { back_off: 0, hold: 1, progress: 2 };
const TREND_RANK: Record<string, number> = { worsening: 0, stable: 1, improving: 2 };

type Value = number | string | null;

/** A row's value in a column (null sorts last in either direction). `index` is the server's order. */
function valueOf(row: PatientRow, key: SortKey, index: number): Value {
  switch (key) {
    case 'urgency':
      return index;
    case 'name':
      return fold(row.display_name);
    case 'phase':
      return row.phase ?? null;
    case 'days':
      // never logged is the stalest of all
      return row.days_since_log ?? Number.POSITIVE_INFINITY;
    case 'decision':
      // a stale decision is not the patient's current one
      return isStale(row) || !row.decision ? null : (DECISION_RANK[row.decision] ?? null);
    case 'referral': {
      // most urgent first when ascending: emergency, urgent, soon, routine, then open flags
      const rank = row.referral ? (REFERRAL_RANK[row.referral] ?? 0) : 0;
      const flags = shownFlags(row).length;
      return rank === 0 && flags === 0 ? null : -(rank * 100 + flags);
    }
    case 'adherence':
      return Number.isFinite(row.adherence_14d) ? row.adherence_14d : null;
    case 'confidence':
      return row.latest_confidence ?? null;
    case 'trend':
      return row.trend ? (TREND_RANK[row.trend] ?? null) : null;
  }
}

function compare(a: Value, b: Value): number {
  if (typeof a === 'string' && typeof b === 'string') return a.localeCompare(b);
  return (a as number) - (b as number);
}

/** The rows sorted by a column; ties (and nulls, always last) keep the server's urgency order. */
export function sortRows(rows: readonly PatientRow[], sort: Sort): PatientRow[] {
  const sign = sort.dir === 'ascending' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index, v: valueOf(row, sort.key, index) }))
    .sort((x, y) => {
      if (x.v === null || y.v === null) return x.v === y.v ? x.index - y.index : x.v === null ? 1 : -1;
      return sign * compare(x.v, y.v) || x.index - y.index;
    })
    .map((x) => x.row);
}

/** The next sort after a click on a column header: the same column flips, a new one starts in its natural direction. */
export function nextSort(current: Sort, key: SortKey): Sort {
  if (current.key === key) return { key, dir: current.dir === 'ascending' ? 'descending' : 'ascending' };
  const startsHigh: SortKey[] = ['days', 'adherence', 'confidence', 'phase'];
  return { key, dir: startsHigh.includes(key) ? 'descending' : 'ascending' };
}
