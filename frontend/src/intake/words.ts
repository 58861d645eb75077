// The intake's and maintenance's words (issue 17), in plain language.
import type { components } from '../api/schema';

type Schemas = components['schemas'];

export type IntakeBody = Schemas['IntakeIn'];
export type Provocation = Schemas['ProvocationMap'];
export type Profile = Schemas['StartingProfile'];
export type ProvocationKey = Exclude<keyof Provocation, 'sitting_minutes'>;

export const PROVOCATIONS: { key: ProvocationKey; label: string; hint: string }[] = [
  { key: 'sitting', label: 'Sitting', hint: 'On a chair, in the car, at a desk.' },
  { key: 'stairs_hills', label: 'Climbing stairs or hills', hint: '' },
  { key: 'fast_running', label: 'Running fast or speeding up', hint: '' },
  { key: 'deep_hip_flexion', label: 'Bending deep at the hip', hint: 'Putting on socks, reaching to the floor.' },
  { key: 'hamstring_stretch', label: 'Stretching the back of the thigh', hint: '' },
];

export const DURATIONS: { value: IntakeBody['pain_duration']; label: string }[] = [
  { value: 'under_6_weeks', label: 'Under 6 weeks' },
  { value: '6_to_12_weeks', label: '6 to 12 weeks' },
  { value: '3_to_12_months', label: '3 to 12 months' },
  { value: 'over_12_months', label: 'Over a year' },
];

export const REACHES: { value: Schemas['NerveSigns']['reaches']; label: string }[] = [
  { value: 'buttock', label: 'Buttock' },
  { value: 'thigh', label: 'Thigh' },
  { value: 'below_knee', label: 'Below the knee' },
  { value: 'foot', label: 'Foot' },
];

export const EMPHASIS_LABEL: Record<Profile['emphasis'], string> = {
  tendon: 'Tendon load',
  neural: 'Nerve sensitivity',
  mixed: 'Mixed: tendon and nerve',
  general: 'No clear emphasis',
};

export const IMPRESSION_LABEL: Record<'tendon' | 'neural' | 'mixed', string> = {
  tendon: 'Tendon-dominant',
  neural: 'Neural-dominant',
  mixed: 'Mixed',
};

export function provocationLabel(key: string): string {
  return PROVOCATIONS.find((p) => p.key === key)?.label ?? key;
}
