// The log form's state, how answers arriving from the phone or the server are merged into it,
// and the body a save sends (no DOM, no Preact: used by the log page and tests).
//
// A day is read from up to three places that answer at different times: the outbox draft, the
// IndexedDB cache and the server. Whatever arrives, and in whatever order, a field the patient
// has touched during this visit to that date is never overwritten.
import { LOG_FIELDS, RED_FLAGS, type LogBody, type RedFlag } from '../api/types';
import { pickLogFields, validateLog } from './body';
import { ACTIVITY_SECTIONS, MORE_FIELDS, type ActivityId } from './fields';

/** Each activity switch ("I did loading exercises today"): on or off. */
export type Toggles = Record<ActivityId, boolean>;

/** What the form shows: the answers, the activity switches and the optional wellness section. */
export interface FormView {
  form: LogBody;
  toggles: Toggles;
  moreOpen: boolean;
}

/** A field, one red flag, one activity switch or the wellness disclosure. */
export type TouchKey = keyof LogBody | `flag:${RedFlag}` | `toggle:${keyof Toggles}` | 'more';

/** The answers behind each activity switch (from the form's table, fields.ts). */
export const SECTION_FIELDS: Record<keyof Toggles, readonly (keyof LogBody)[]> = { loading: [], running: [], glides: [] };
for (const s of ACTIVITY_SECTIONS) SECTION_FIELDS[s.id] = s.fields.map((f) => f.key);

/** The plan's component each activity switch logs (formState cannot import plan.ts: it imports this). */
const SECTION_COMPONENT = { loading: 'tendon', running: 'running', glides: 'neural' } as const;

/** The optional questions behind the "Sleep, fatigue, stress and training" disclosure. */
export const WELLNESS_FIELDS: readonly (keyof LogBody)[] = MORE_FIELDS;

export function togglesFor(b: LogBody): Toggles {
  return {
    loading: b.loading_pain !== null,
    running: b.sprint_pain !== null,
    glides: b.glide_pain !== null,
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
 * `incoming` (a draft, a cached or a served log, or a blank day) replaces what the
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

/** The body a save sends: flags in the contract's order, and a switched-off activity's answers as null. */
export function bodyToSave({ form, toggles }: FormView): LogBody {
  const b: LogBody = { ...form, red_flags: RED_FLAGS.filter((f) => form.red_flags.includes(f)) };
  let performed = b.performed ? { ...b.performed } : null;
  for (const k of Object.keys(SECTION_FIELDS) as (keyof Toggles)[]) {
    if (toggles[k]) continue;
    for (const f of SECTION_FIELDS[k]) (b as Record<string, unknown>)[f] = null;
    // a section switched off was not done: nothing of it is recorded against the plan either
    if (performed) delete (performed as Record<string, unknown>)[SECTION_COMPONENT[k]];
  }
  if (performed && !Object.values(performed).some((v) => v)) performed = null;
  b.performed = performed;
  return pickLogFields(b);
}

/** What stops a save, field -> message: the contract's ranges, an activity switched on without its pain, an empty day. */
export function checkBeforeSave(b: LogBody, toggles: Toggles): Record<string, string> {
  const errs = validateLog(b);
  for (const s of ACTIVITY_SECTIONS) {
    if (toggles[s.id] && b[s.required.key] === null) errs[s.required.key] = s.required.message;
  }
  // "not checked" (false) is no answer; "a clinician has checked me" (true) is one
  const anything = Object.entries(b).some(([k, v]) => (k === 'red_flags' ? (v as string[]).length > 0 : v !== null && v !== false));
  if (!anything) errs.morning_pain = 'Answer at least one question before saving.';
  return errs;
}
