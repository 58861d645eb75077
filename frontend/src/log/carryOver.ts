// Answers that rarely change from day to day (sitting tolerance, loading stage, top speed, glide
// type) are offered from the latest earlier log as a one-tap suggestion, never filled in silently:
// until the patient taps "Same as ..." (or answers), the field stays empty and is sent as null.
// No DOM, no Preact.
import type { LogBody, LogRecord } from '../api/types';
import { addDays, shortLabel } from '../dates';

/** The answers offered from an earlier day. */
export const CARRIED_FIELDS = ['sitting_tolerance_min', 'loading_stage', 'sprint_speed_pct', 'glide_type'] as const;
export type CarriedField = (typeof CARRIED_FIELDS)[number];

export interface Carried<K extends CarriedField = CarriedField> {
  value: NonNullable<LogBody[K]>;
  /** the date of the log it comes from */
  from: string;
}

/** For each carried field, the latest value logged before `date` (with its date), if any. */
export type CarryOver = { [K in CarriedField]?: Carried<K> };

export function isCarriedField(k: string): k is CarriedField {
  return (CARRIED_FIELDS as readonly string[]).includes(k);
}

/** For each carried field, the value of the most recent log before `date` that has one. */
export function carryOver(logs: readonly LogRecord[], date: string): CarryOver {
  const earlier = logs.filter((l) => l.log_date < date).sort((a, b) => (a.log_date < b.log_date ? 1 : -1));
  const out: Record<string, Carried> = {};
  for (const f of CARRIED_FIELDS) {
    const hit = earlier.find((l) => l[f] !== null && l[f] !== undefined);
    if (hit) out[f] = { value: hit[f] as NonNullable<LogBody[CarriedField]>, from: hit.log_date };
  }
  return out as CarryOver;
}

/** The suggestion to offer for `k`: only while today's answer is still empty. */
export function suggestionFor<K extends CarriedField>(carry: CarryOver, form: LogBody, k: K): Carried<K> | null {
  const c = carry[k] as Carried<K> | undefined;
  return c && form[k] === null ? c : null;
}

/** "Same as yesterday" or "Same as Sat 28 Nov", said about the day being logged. */
export function sameAsWords(from: string, date: string): string {
  return from === addDays(date, -1) ? 'Same as yesterday' : `Same as ${shortLabel(from)}`;
}
