// Pure helpers about log bodies (no DOM): used by the form, the outbox and tests.
import { LOG_FIELDS, RED_FLAGS, type EpisodeLevel, type LogBody, type LogRecord, type RedFlag, type Referral } from '../api/types';

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
    red_flags_reviewed: false,
    sleep: null,
    fatigue: null,
    stress: null,
    soreness: null,
    session_rpe: null,
    session_min: null,
    notes: null,
    performed: null,
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
    } else if (k === 'red_flags_reviewed') {
      out[k] = v === true;
    } else if (k === 'notes') {
      out[k] = typeof v === 'string' && v.trim() !== '' ? v.slice(0, 2000) : null;
    } else {
      out[k] = v === undefined || v === '' || (typeof v === 'number' && Number.isNaN(v)) ? null : v;
    }
  }
  return out as unknown as LogBody;
}

/** The referral level each red flag gives (RF-1 emergency, RF-2/RF-3 urgent, RF-4 soon). */
export const FLAG_LEVEL: Record<RedFlag, EpisodeLevel> = {
  saddle_numbness: 'emergency',
  bladder_bowel_change: 'emergency',
  both_legs: 'emergency',
  sexual_dysfunction: 'emergency',
  new_weakness: 'urgent',
  pop_with_bruising: 'urgent',
  fever_unwell: 'soon',
  night_rest_pain: 'soon',
};

const LEVEL_RANK: Record<EpisodeLevel, number> = { soon: 1, urgent: 2, emergency: 3 };

/** The highest of some levels (null when there are none). */
export function highestLevel(levels: Iterable<EpisodeLevel>): EpisodeLevel | null {
  let top: EpisodeLevel | null = null;
  for (const l of levels) if (top === null || LEVEL_RANK[l] > LEVEL_RANK[top]) top = l;
  return top;
}

/** What the red-flag rules of guardrails.md (RF-1..RF-4) say before the server does: used offline. */
export function localReferral(flags: readonly string[]): Referral {
  return highestLevel(flags.filter((f): f is RedFlag => (RED_FLAGS as readonly string[]).includes(f)).map((f) => FLAG_LEVEL[f]));
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
