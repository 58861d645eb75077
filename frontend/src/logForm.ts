// The log form's state and how answers arriving from the phone or the server are merged into it
// (no DOM, no Preact: used by LogPage and tests).
//
// A day is read from up to three places that answer at different times: the outbox draft, the
// IndexedDB cache and the server. Whatever arrives, and in whatever order, a field the patient
// has touched during this visit to that date is never overwritten.
import { LOG_FIELDS, RED_FLAGS, type LogBody, type RedFlag } from './api/types';

export interface Toggles {
  loading: boolean;
  running: boolean;
  glides: boolean;
}

/** What the form shows: the answers, the activity switches and the optional wellness section. */
export interface FormView {
  form: LogBody;
  toggles: Toggles;
  moreOpen: boolean;
}

/** A field, one red flag, one activity switch or the wellness disclosure. */
export type TouchKey = keyof LogBody | `flag:${RedFlag}` | `toggle:${keyof Toggles}` | 'more';

/** The answers behind each activity switch. */
export const SECTION_FIELDS: Record<keyof Toggles, readonly (keyof LogBody)[]> = {
  loading: ['loading_pain', 'loading_stage'],
  running: ['sprint_pain', 'sprint_speed_pct'],
  glides: ['glide_pain', 'glide_type', 'paresthesia'],
};

export const WELLNESS_FIELDS: readonly (keyof LogBody)[] = ['sleep', 'fatigue', 'stress', 'soreness', 'session_rpe', 'session_min'];

export function togglesFor(b: LogBody): Toggles {
  return {
    loading: b.loading_pain !== null,
    running: b.sprint_pain !== null,
    glides: b.glide_pain !== null || b.paresthesia !== null,
  };
}

export function hasWellness(b: LogBody): boolean {
  return WELLNESS_FIELDS.some((k) => b[k] !== null);
}

/** The form as a body read from one source shows it (nothing touched). */
export function viewFor(b: LogBody): FormView {
  return { form: b, toggles: togglesFor(b), moreOpen: hasWellness(b) };
}

/**
 * `incoming` (a draft, a cached or a served log, or a blank day with prefill) replaces what the
 * form shows, except for what the patient touched: those fields, flags and switches keep the
 * current value. An activity switch also stays as it is while one of its answers is touched,
 * so a touched answer is never hidden (and later sent as null).
 */
export function mergeIntoForm(cur: FormView, incoming: LogBody, touched: ReadonlySet<TouchKey>): FormView {
  if (touched.size === 0) return viewFor(incoming);
  const form = { ...incoming } as unknown as Record<string, unknown>;
  for (const k of LOG_FIELDS) {
    if (k !== 'red_flags' && touched.has(k)) form[k] = cur.form[k];
  }
  form.red_flags = RED_FLAGS.filter((f) => (touched.has(`flag:${f}`) ? cur.form.red_flags : incoming.red_flags).includes(f));
  const merged = form as unknown as LogBody;

  const base = togglesFor(merged);
  const toggles = { ...base };
  for (const k of Object.keys(SECTION_FIELDS) as (keyof Toggles)[]) {
    if (touched.has(`toggle:${k}`) || SECTION_FIELDS[k].some((f) => touched.has(f))) toggles[k] = cur.toggles[k];
  }
  const moreTouched = touched.has('more') || WELLNESS_FIELDS.some((f) => touched.has(f));
  return { form: merged, toggles, moreOpen: moreTouched ? cur.moreOpen : hasWellness(merged) };
}

/**
 * What the patient touched, for one date at a time: asking for another date starts afresh, asking
 * again for the same date (the page reloading its data) keeps everything.
 */
export class TouchedByDate {
  private date: string | null = null;
  private keys = new Set<TouchKey>();

  /** The touched keys of `date` (an empty set if the last date asked for was another one). */
  for(date: string): ReadonlySet<TouchKey> {
    if (date !== this.date) {
      this.date = date;
      this.keys = new Set();
    }
    return this.keys;
  }

  touch(date: string, key: TouchKey): void {
    this.for(date);
    this.keys.add(key);
  }
}
