// The coach's list: athletes sorted by readiness, and when each last logged. Pure.
import type { AthleteRow, Readiness } from '../api/types';
import { episodeDate } from '../episodes';

/** Who needs the coach's attention first: not ready, then modified, then ready; unknown last. */
export const READINESS_ORDER: Readiness[] = ['not_ready', 'modified', 'ready', 'unknown'];

function rank(r: string): number {
  const i = READINESS_ORDER.indexOf(r as Readiness);
  return i < 0 ? READINESS_ORDER.length : i;
}

export function sortByReadiness<T extends Pick<AthleteRow, 'readiness' | 'display_name'>>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => rank(a.readiness) - rank(b.readiness) || a.display_name.localeCompare(b.display_name, undefined, { sensitivity: 'base' }));
}

/** "Last logged Sun 29 Nov (yesterday)": `as_of` is a calendar date, never a time of day. */
export function lastLoggedText(asOf: string | null | undefined, today: string): string {
  if (!asOf) return 'No log in the last 4 weeks';
  return `Last logged ${episodeDate(asOf, today)}`;
}
