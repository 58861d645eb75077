// Plain-language wording for decisions, components, referrals, phases and flags.
import type { Band, Component, Decision, EpisodeLevel, Readiness, Referral, RedFlag, Thresholds } from './api/types';

export const DECISION_LABEL: Record<Decision, string> = {
  progress: 'Progress',
  hold: 'Hold',
  back_off: 'Back off',
};

export const DECISION_SUMMARY: Record<Decision, string> = {
  progress: 'You can add one small step today — one thing at a time.',
  hold: 'Keep the same load today. Don’t add anything yet.',
  back_off: 'Ease off today: reduce the load.',
};

export const COMPONENT_LABEL: Record<Component, string> = {
  tendon: 'Loading exercises',
  running: 'Running',
  neural: 'Nerve glides',
  sitting: 'Sitting',
};

export const COMPONENT_ADVICE: Record<Component, Record<Decision, string>> = {
  tendon: {
    progress: 'Add one step: about 10% more load, or one more set.',
    hold: 'Repeat the same load. Don’t add yet.',
    back_off: 'Reduce the load in your next session.',
  },
  running: {
    progress: 'You may go up one speed band.',
    hold: 'Keep the same speed. Don’t go faster yet.',
    back_off: 'Drop back one speed band, or rest from running.',
  },
  neural: {
    progress: 'Glides are comfortable: you may progress them (for example from sliders to tensioners).',
    hold: 'Repeat the same gentle glides (sliders). Don’t add tension.',
    back_off: 'Make the glides gentler (tensioners to sliders), or pause them.',
  },
  sitting: {
    progress: 'Sitting is settling: build up your sitting time gradually.',
    hold: 'Keep your sitting habits as they are.',
    back_off: 'Break up sitting, use a cushion, and pause deep hip-bend exercises.',
  },
};

export const COMPONENTS: Component[] = ['tendon', 'running', 'neural', 'sitting'];

export const REFERRAL_TEXT: Record<Exclude<Referral, null>, { title: string; body: string }> = {
  routine: { title: 'Book a review with your clinician', body: 'Arrange to see your clinician within the next week.' },
  soon: { title: 'See a clinician within 48 hours', body: 'These symptoms need a medical review to rule out another cause.' },
  urgent: { title: 'Contact your clinician today', body: 'This needs a clinician’s examination today. Don’t train today.' },
  emergency: { title: 'Seek emergency care now', body: 'Call your local emergency number or go to the nearest emergency department now. Don’t train.' },
};

export const READINESS_LABEL: Record<Readiness, string> = {
  ready: 'Ready',
  modified: 'Modified training',
  not_ready: 'Not ready',
  unknown: 'Unknown',
};

export const READINESS_HINT: Record<Readiness, string> = {
  ready: 'Train as planned, within the limits of the current rehab phase.',
  modified: 'Train, but with the changes listed.',
  not_ready: 'No normal training today.',
  unknown: 'No recent check-in from the athlete.',
};

export const FLAG_LABEL: Record<string, string> = {
  referral: 'Referral',
  open_episode: 'Warning signs not checked',
  back_off_streak: 'Backing off often',
  missing_logs: 'Missing logs',
  phase_ready: 'Ready for next phase',
  no_progress_6w: 'No progress in 6 weeks',
  check_in_overdue: 'Weekly check-in overdue',
  needs_assessment: 'Needs an assessment',
  maintenance_overdue: 'Maintenance check overdue',
};

/** The warning signs in plain words (the log's checklist, the banner, the clinician's pages). */
export const RED_FLAG_LABEL: Record<RedFlag, string> = {
  saddle_numbness: 'Numbness around the back passage or genitals (saddle area)',
  bladder_bowel_change: 'New change in bladder or bowel control, including difficulty passing urine',
  both_legs: 'New numbness, tingling or weakness in both legs',
  sexual_dysfunction: 'New change in genital sensation or sexual function',
  new_weakness: 'New weakness in the leg',
  pop_with_bruising: 'A sudden pop in the buttock or thigh, with bruising',
  fever_unwell: 'Fever or feeling generally unwell',
  night_rest_pain: 'Pain at night or at rest that doesn’t ease',
};

/** What to do about an open red-flag episode, by its level (guardrails.md RF-1..RF-5). */
export const EPISODE_TEXT: Record<EpisodeLevel, { title: string; action: string; short: string }> = {
  emergency: {
    title: 'Warning signs: get emergency care now',
    action: 'Go to an emergency department now, or call your local emergency number (for example 112, 999 or 911). Do not train until a clinician has checked you.',
    short: 'Emergency: now',
  },
  urgent: {
    title: 'Warning signs: see a clinician today',
    action: 'Contact your clinician today for a same-day examination. Do not train until you have been seen.',
    short: 'Urgent: same day',
  },
  soon: {
    title: 'Warning signs: see a clinician within 2 days',
    action: 'Arrange a medical review within 2 days. Keep your training at its current level until then.',
    short: 'Soon: within 2 days',
  },
};

export interface PhaseInfo {
  phase: number;
  name: string;
  loading: string;
  running: string;
  neural: string;
}

/** The phase table of guardrails.md (name, loading, running cap, neural). */
export const PHASES: PhaseInfo[] = [
  { phase: 1, name: 'Settle', loading: 'Isometric holds (stage 1), sitting changes', running: 'None', neural: 'Sliders' },
  { phase: 2, name: 'Load', loading: 'Isotonic (stages 2–3), eccentrics, hip hinge', running: 'Jog', neural: 'Sliders, then tensioners' },
  { phase: 3, name: 'Integrate', loading: 'Stages 3–4, agility, resisted locomotion, plyometrics', running: 'Tempo', neural: 'Tensioners with movement' },
  { phase: 4, name: 'Perform', loading: 'Sport-specific drills', running: 'High speed, then sprint', neural: 'As needed' },
  { phase: 5, name: 'Return', loading: 'Full training, milestone review', running: 'Sprint', neural: 'As needed' },
  { phase: 6, name: 'Maintain', loading: 'Home programme, periodic re-check', running: 'Sprint', neural: 'As needed' },
];

export function phaseName(n: number | null | undefined): string {
  const p = PHASES.find((x) => x.phase === n);
  return p ? `Phase ${p.phase}: ${p.name}` : 'Phase not set';
}

export const THRESHOLDS: { key: keyof Thresholds; label: string; def: number; min: number; max: number }[] = [
  { key: 'pain_ceiling', label: 'Pain ceiling during exercise', def: 5, min: 0, max: 10 },
  { key: 'safe_pain', label: 'Safe pain level', def: 3, min: 0, max: 10 },
  { key: 'morning_margin', label: 'Morning pain margin (points)', def: 2, min: 0, max: 10 },
  { key: 'sessions_to_progress', label: 'Good sessions before progressing', def: 2, min: 1, max: 10 },
  { key: 'sitting_drop_pct', label: 'Sitting tolerance drop (%)', def: 30, min: 0, max: 100 },
  { key: 'severe_pain', label: 'Severe pain level', def: 7, min: 0, max: 10 },
];

/** The running bands, by name. */
export const BAND_NAME: Record<Band, string> = { jog: 'Jog', tempo: 'Tempo', high_speed: 'High speed', sprint: 'Sprint' };
