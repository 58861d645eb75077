// The provocation map: five 0-10 sliders and the minutes of sitting until it hurts.
import { Stepper } from '../ui/Fields';
import { Rating } from './Rating';
import { PROVOCATIONS, type Provocation } from './words';

export const START_MAP: Provocation = {
  sitting: 0,
  sitting_minutes: null,
  stairs_hills: 0,
  fast_running: 0,
  deep_hip_flexion: 0,
  hamstring_stretch: 0,
};

export function ProvocationFields({ prefix, value, onChange }: { prefix: string; value: Provocation; onChange: (v: Provocation) => void }) {
  return (
    <>
      {PROVOCATIONS.map((p) => (
        <Rating
          key={p.key}
          id={`${prefix}-${p.key}`}
          label={p.label}
          {...(p.hint ? { hint: p.hint } : {})}
          value={value[p.key]}
          onChange={(v) => onChange({ ...value, [p.key]: v })}
        />
      ))}
      <Stepper
        id={`${prefix}-sitting-minutes`}
        label="Minutes of sitting until it starts to hurt"
        noun="sitting minutes"
        unit="minutes"
        hint="Leave empty if sitting does not bring it on."
        value={value.sitting_minutes ?? null}
        onChange={(v) => onChange({ ...value, sitting_minutes: v })}
        step={5}
        min={0}
        max={720}
      />
    </>
  );
}
