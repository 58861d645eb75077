// Names for the programme's shapes on the clinician's patient page (from the generated schema).
import type { components } from '../api/schema';

type S = components['schemas'];
export type ClinicianPlan = S['ClinicianPlanOut'];
export type PlanVersion = S['VersionOut'];
export type PlanLockEvent = S['LockEventOut'];
export type Library = S['LibraryOut'];
export type CustomExercise = S['CustomExerciseOut'];
export type ComponentPlan = S['ComponentPlanOut'];
export type PlanComponent = PlanVersion['component'];
export type Band = S['RunningIn']['band'];

export const COMPONENTS: readonly PlanComponent[] = ['tendon', 'running', 'neural', 'sitting'];

export const COMPONENT_NAME: Record<PlanComponent, string> = {
  tendon: 'Tendon exercises',
  running: 'Running',
  neural: 'Nerve glides',
  sitting: 'Sitting',
};

export { BAND_NAME } from '../words';

/** Why a version was made, in words: the rule IDs, or who. */
export function reasonWords(v: Pick<PlanVersion, 'kind' | 'reason'>): string {
  if (v.kind === 'clinician' || v.reason === 'clinician') return 'clinician';
  if (v.kind === 'default') return 'default plan for the phase';
  if (v.kind === 'phase_change') return 'phase change';
  const what = v.kind === 'step_up' ? 'step up' : v.kind === 'back_off' ? 'back-off' : v.kind;
  return `${what}, ${v.reason.includes(' ') ? 'rules' : 'rule'} ${v.reason}`;
}

/** Why a component was locked or unlocked, in words; null when a clinician simply chose to. */
export function lockReasonWords(reason: string): string | null {
  return reason === 'clinician' ? null : reason.replace(/^assessment: /, 'assessment, ');
}

/** Who made a version ("by ..."); a step up the patient accepted says so. */
export function madeByWords(v: Pick<PlanVersion, 'made_by' | 'made_by_name' | 'kind'>): string {
  if (v.made_by === 'guardrails') return 'Loadline’s rules';
  const who = v.made_by === 'patient' ? 'the patient' : 'a clinician';
  const named = v.made_by_name ? `${v.made_by_name}, ${who}` : who;
  return v.made_by === 'patient' && v.kind === 'step_up' ? `${named}, accepting the rules’ proposal` : named;
}

/** What a version changed, without repeating the component's name, with a real arrow. */
export function changeWords(component: PlanComponent, text: string): string {
  const prefix = `${COMPONENT_NAME[component]}: `;
  return (text.startsWith(prefix) ? text.slice(prefix.length) : text).replaceAll('->', '→');
}
