// Logging against the plan, and what the guidance applies to (no DOM, no Preact).
//
// - "Done as prescribed" is one tap per component: it records `{version_id, as_prescribed: true}`
//   in `performed`, switches its activity section on and fills `loading_stage` (the highest
//   stage of the prescribed exercises) or `glide_type` (the prescribed glide). Nothing is done
//   for the patient: `performed` starts empty every day.
// - "Changed" records `{version_id, as_prescribed: false, ...the doses done}`, starting from the
//   prescribed doses for the patient to edit.
// - The guidance says what it applies to: after only the morning check "for today's session",
//   once today's session is logged "for your next session", another day by its date.
import type { Band, Component, DoseIn, LogBody, Performed, PlannedComponent, PlanStep, Prescription } from '../api/types';
import { shortLabel } from '../dates';
import type { Toggles } from './formState';

/** The activity switch of each component that has one (sitting is asked every day). */
export const COMPONENT_TOGGLE: Partial<Record<Component, keyof Toggles>> = { tendon: 'loading', running: 'running', neural: 'glides' };

/** A typical top speed for each band (the running stepper starts here when no run was logged before). */
export const BAND_SPEED: Record<Band, number> = { jog: 60, tempo: 80, high_speed: 90, sprint: 100 };

/** One component's entry in `performed`. */
export type PlanDone = NonNullable<Performed[Component]>;
type Done = PlanDone;

/** Whether the plan prescribes anything for this component today (no running in phase 1). */
export function hasWork(rx: Prescription): boolean {
  if (rx.component === 'running') return rx.band !== null && rx.band !== undefined;
  if (rx.component === 'tendon') return (rx.exercises ?? []).length > 0;
  return true;
}

/** The stage a log records for these exercises: the highest (as the server checks it). */
export function stageOf(rx: Prescription): number | null {
  const stages = (rx.exercises ?? []).map((e) => e.stage).filter((s): s is number => typeof s === 'number');
  return stages.length ? Math.max(...stages) : null;
}

/** The log after marking one component done: `performed`, its section switched on, stage or glide type filled. */
export function markDone(form: LogBody, toggles: Toggles, rx: Prescription, done: Done | null): { form: LogBody; toggles: Toggles } {
  const c = rx.component;
  const performed: Performed = { ...(form.performed ?? {}) };
  if (done) (performed as Record<string, unknown>)[c] = done;
  else delete (performed as Record<string, unknown>)[c];
  const next: LogBody = { ...form, performed: Object.values(performed).some((v) => v) ? performed : null };
  const t = COMPONENT_TOGGLE[c];
  const nextToggles = t && done ? { ...toggles, [t]: true } : toggles;
  if (done && c === 'tendon') next.loading_stage = stageOf(rx) ?? form.loading_stage;
  if (done && c === 'neural' && rx.glide) next.glide_type = rx.glide;
  return { form: next, toggles: nextToggles };
}

export function asPrescribed(rx: Prescription): Done {
  return { version_id: String(rx.version_id), as_prescribed: true };
}

/** The prescribed doses as a starting point for "Changed" (the patient edits them before saving). */
export function changedFrom(rx: Prescription): Done {
  const version_id = String(rx.version_id);
  switch (rx.component) {
    case 'tendon':
      return {
        version_id,
        as_prescribed: false,
        exercises: (rx.exercises ?? []).map((e): DoseIn => ({ exercise: e.exercise, sets: e.sets, reps: e.reps ?? null, hold_s: e.hold_s ?? null, load_kg: e.load_kg ?? null })),
      };
    case 'running':
      return { version_id, as_prescribed: false, band: rx.band ?? 'jog', minutes: rx.minutes ?? 20 };
    case 'neural':
      return { version_id, as_prescribed: false, exercise: rx.exercise as never, reps: rx.reps ?? 10 };
    case 'sitting':
      return { version_id, as_prescribed: false, minutes: rx.minutes ?? 30 };
  }
}

export type DoneState = 'none' | 'prescribed' | 'changed';

export function doneState(form: LogBody, c: Component): DoneState {
  const d = form.performed?.[c];
  if (!d) return 'none';
  return d.as_prescribed ? 'prescribed' : 'changed';
}

/** Today's session is logged: an activity answered or marked done (then guidance is for the next session). */
export function sessionLogged(b: LogBody): boolean {
  const performed = b.performed ? Object.values(b.performed).some((v) => v) : false;
  return performed || b.loading_pain !== null || b.sprint_pain !== null || b.glide_pain !== null || b.session_min !== null;
}

export type GuidanceScope = 'today' | 'next' | 'day';

export function guidanceScope(date: string, today: string, saved: LogBody | null): GuidanceScope {
  if (date !== today) return 'day';
  return saved && sessionLogged(saved) ? 'next' : 'today';
}

/** The guidance card's heading. */
export function guidanceTitle(scope: GuidanceScope, date: string): string {
  if (scope === 'today') return 'Guidance for today’s session';
  if (scope === 'next') return 'Guidance for your next session';
  return `Guidance for ${shortLabel(date)}`;
}

/** What a save says: "Saved. Guidance for your next session: Hold." */
export function savedMessage(scope: GuidanceScope, date: string, label: string | null): string {
  const what = guidanceTitle(scope, date);
  return label ? `Saved. ${what}: ${label}.` : 'Saved.';
}

export interface NextStep {
  component: Component;
  change: string;
  step: PlanStep;
  proposalId: string | null;
}

/** The steps worth showing after a save: a proposal to answer, a back-off already applied, an answer given. */
export function nextSteps(components: Partial<Record<Component, PlannedComponent | object>> | undefined): NextStep[] {
  const out: NextStep[] = [];
  for (const c of ['tendon', 'running', 'neural', 'sitting'] as const) {
    const comp = components?.[c] as Partial<PlannedComponent> | undefined;
    if (!comp || !comp.change || !comp.step) continue;
    if (!['proposed', 'applied', 'accepted', 'declined'].includes(comp.step)) continue;
    out.push({ component: c, change: comp.change, step: comp.step, proposalId: comp.proposal_id ?? null });
  }
  return out;
}

