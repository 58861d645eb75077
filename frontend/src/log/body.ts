// Pure helpers about log bodies (no DOM): used by the form, the outbox and tests.
import { LOG_FIELDS, RED_FLAGS, type LogBody, type LogRecord, type RedFlag, type Referral } from '../api/types';

export function emptyLog(): LogBody {
  return {
    morning_pain: null,
    sitting_pain: null,
    loading_pain: null,
    sprint_pain: null,
    glide_pain: null,
    sitting_tolerance_min: null,
    loading_stage: null,
    sprint_speed_pct: null,
    glide_type: null,
    paresthesia: null,
    symptom_extent: null,
    red_flags: [],
    sleep: null,
    fatigue: null,
    stress: null,
    soreness: null,
    session_rpe: null,
    session_min: null,
    notes: null,
  };
}

/** Only the contract's log fields, with `undefined` turned into `null` (the server rejects extras). */
export function pickLogFields(src: Partial<LogBody> | LogRecord): LogBody {
  const out = emptyLog() as unknown as Record<string, unknown>;
  const from = src as Record<string, unknown>;
  for (const k of LOG_FIELDS) {
    const v = from[k];
    if (k === 'red_flags') {
      out[k] = Array.isArray(v) ? v.filter((f): f is RedFlag => (RED_FLAGS as readonly string[]).includes(f)) : [];
    } else if (k === 'notes') {
      out[k] = typeof v === 'string' && v.trim() !== '' ? v.slice(0, 2000) : null;
    } else {
      out[k] = v === undefined || v === '' || (typeof v === 'number' && Number.isNaN(v)) ? null : v;
    }
  }
  return out as unknown as LogBody;
}

/** Fields that rarely change day to day and are prefilled from the latest earlier log. */
export const STABLE_FIELDS = ['loading_stage', 'glide_type', 'sprint_speed_pct', 'sitting_tolerance_min'] as const;
export type StableField = (typeof STABLE_FIELDS)[number];

/** For each stable field, the value from the most recent log before `date` that has one. */
export function prefillFrom(logs: LogRecord[], date: string): Partial<Pick<LogBody, StableField>> {
  const earlier = logs.filter((l) => l.log_date < date).sort((a, b) => (a.log_date < b.log_date ? 1 : -1));
  const out: Partial<Pick<LogBody, StableField>> = {};
  for (const f of STABLE_FIELDS) {
    const hit = earlier.find((l) => l[f] !== null && l[f] !== undefined);
    if (hit) (out as Record<string, unknown>)[f] = hit[f];
  }
  return out;
}

/** What the red-flag rules of guardrails.md (RF-1..RF-3) say before the server does: used offline. */
export function localReferral(flags: readonly string[]): Referral {
  if (flags.some((f) => f === 'saddle_numbness' || f === 'bladder_bowel_change' || f === 'both_legs')) return 'emergency';
  if (flags.some((f) => f === 'new_weakness' || f === 'pop_with_bruising')) return 'urgent';
  if (flags.some((f) => f === 'fever_unwell' || f === 'night_rest_pain')) return 'soon';
  return null;
}

/** Checks the body against the contract's ranges; returns field -> message (empty when valid). */
export function validateLog(b: LogBody): Record<string, string> {
  const errs: Record<string, string> = {};
  const int = (k: keyof LogBody, lo: number, hi: number) => {
    const v = b[k];
    if (v === null) return;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < lo || v > hi) errs[k] = `Enter a whole number from ${lo} to ${hi}.`;
  };
  for (const k of ['morning_pain', 'sitting_pain', 'loading_pain', 'sprint_pain', 'glide_pain', 'session_rpe'] as const) int(k, 0, 10);
  int('sitting_tolerance_min', 0, 720);
  int('loading_stage', 1, 4);
  int('sprint_speed_pct', 0, 100);
  for (const k of ['sleep', 'fatigue', 'stress', 'soreness'] as const) int(k, 1, 7);
  int('session_min', 0, 600);
  if (b.notes !== null && b.notes.length > 2000) errs.notes = 'Notes can be at most 2000 characters.';
  return errs;
}
