// "Changed": the doses actually done, starting from the prescription, each a labelled number
// (direct entry) or, for running, the speed band. Sends `{as_prescribed: false, ...doses}`.
import type { Band, DoseIn, Prescription } from '../api/types';
import { type PlanDone } from './plan';
import { BAND_NAME } from '../words';

type Tendon = Extract<PlanDone, { exercises?: unknown }>;

function NumberInput({ id, label, value, min, max, step = 1, onChange }: { id: string; label: string; value: number | null | undefined; min: number; max: number; step?: number; onChange: (v: number | null) => void }) {
  return (
    <div class="dose-field">
      <label for={id} class="label-small">
        {label}
      </label>
      <input
        id={id}
        type="number"
        inputMode={step < 1 ? 'decimal' : 'numeric'}
        min={min}
        max={max}
        step={step}
        value={value ?? ''}
        onInput={(e) => {
          const raw = (e.currentTarget as HTMLInputElement).value.trim();
          const n = Number(raw);
          onChange(raw === '' || !Number.isFinite(n) ? null : step < 1 ? Math.round(n * 2) / 2 : Math.round(n));
        }}
      />
    </div>
  );
}

function TendonDoses({ rx, done, onChange }: { rx: Prescription; done: Tendon; onChange: (d: PlanDone) => void }) {
  const items = (done.exercises ?? []) as DoseIn[];
  const set = (i: number, patch: Partial<DoseIn>) => onChange({ ...done, exercises: items.map((e, j) => (j === i ? { ...e, ...patch } : e)) } as PlanDone);
  return (
    <>
      {items.map((e, i) => {
        const name = rx.exercises?.find((x) => x.exercise === e.exercise)?.name ?? e.exercise;
        const id = `dose-${e.exercise}`;
        return (
          <fieldset key={e.exercise} class="dose-row">
            <legend class="label-small">{name}</legend>
            <NumberInput id={`${id}-sets`} label={`${name}: sets`} value={e.sets} min={1} max={10} onChange={(v) => set(i, { sets: v ?? 1 })} />
            {e.hold_s !== null && e.hold_s !== undefined ? (
              <NumberInput id={`${id}-hold`} label={`${name}: seconds per hold`} value={e.hold_s} min={5} max={300} onChange={(v) => set(i, { hold_s: v })} />
            ) : (
              <NumberInput id={`${id}-reps`} label={`${name}: reps`} value={e.reps} min={1} max={100} onChange={(v) => set(i, { reps: v })} />
            )}
            {e.load_kg !== null && e.load_kg !== undefined && (
              <NumberInput id={`${id}-kg`} label={`${name}: load (kg)`} value={e.load_kg} min={0} max={500} step={0.5} onChange={(v) => set(i, { load_kg: v ?? 0 })} />
            )}
          </fieldset>
        );
      })}
    </>
  );
}

export function DoseEditor({ rx, done, onChange }: { rx: Prescription; done: PlanDone; onChange: (d: PlanDone) => void }) {
  const d = done as Record<string, unknown>;
  return (
    <div class="dose-editor">
      <p class="hint">What you did instead:</p>
      {rx.component === 'tendon' && <TendonDoses rx={rx} done={done as Tendon} onChange={onChange} />}
      {rx.component === 'running' && (
        <>
          <div class="dose-field">
            <label for="dose-band" class="label-small">
              Running: speed band
            </label>
            <select id="dose-band" value={String(d.band ?? 'jog')} onChange={(e) => onChange({ ...done, band: (e.currentTarget as HTMLSelectElement).value as Band } as PlanDone)}>
              {(Object.keys(BAND_NAME) as Band[]).map((b) => (
                <option key={b} value={b}>
                  {BAND_NAME[b]}
                </option>
              ))}
            </select>
          </div>
          <NumberInput id="dose-run-min" label="Running: minutes" value={d.minutes as number | null} min={1} max={600} onChange={(v) => onChange({ ...done, minutes: v } as PlanDone)} />
        </>
      )}
      {rx.component === 'neural' && (
        <NumberInput id="dose-glide-reps" label={`${rx.exercise_name ?? 'Glides'}: repetitions`} value={d.reps as number | null} min={1} max={100} onChange={(v) => onChange({ ...done, reps: v } as PlanDone)} />
      )}
      {rx.component === 'sitting' && (
        <NumberInput id="dose-sit-min" label="Sitting: longest spell (minutes)" value={d.minutes as number | null} min={0} max={720} onChange={(v) => onChange({ ...done, minutes: v } as PlanDone)} />
      )}
    </div>
  );
}
