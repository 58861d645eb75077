// The editor of one component of a patient's plan. Saving sends the whole prescription
// (PUT /clinician/patients/{id}/programme/<component>); a refusal (above the phase's limits, a
// dose that does not fit) is said in words next to the form.
import { useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { api } from '../api/client';
import { ApiError, NetworkError } from '../api/http';
import type { ApiBody } from '../api/paths';
import { BAND_NAME, COMPONENT_NAME, type Band, type ClinicianPlan, type Library, type PlanComponent } from './planTypes';
import { problemWords } from './problemWords';
import { TendonEditor } from './TendonEditor';

const P = '/clinician/patients/{patient_id}/programme';
export type TendonBody = ApiBody<'put', `${typeof P}/tendon`>;
type Bodies = {
  tendon: TendonBody;
  running: ApiBody<'put', `${typeof P}/running`>;
  neural: ApiBody<'put', `${typeof P}/neural`>;
  sitting: ApiBody<'put', `${typeof P}/sitting`>;
};

export interface Saver {
  saving: boolean;
  /** the refusal in words, for the whole form */
  error: string | null;
  /** sentences per field key ("sets", "minutes", ...) */
  fieldErrors: Record<string, string>;
  save<C extends PlanComponent>(component: C, body: Bodies[C]): Promise<void>;
}

export function useSaver(id: string, onSaved: (text: string) => Promise<void>, known: readonly string[]): Saver {
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  async function save<C extends PlanComponent>(component: C, body: Bodies[C]) {
    setSaving(true);
    setError(null);
    setFieldErrors({});
    const path = { patient_id: id };
    try {
      let text = '';
      if (component === 'tendon') text = (await api.put(`${P}/tendon`, { path, body: body as Bodies['tendon'] })).prescription.text;
      else if (component === 'running') text = (await api.put(`${P}/running`, { path, body: body as Bodies['running'] })).prescription.text;
      else if (component === 'neural') text = (await api.put(`${P}/neural`, { path, body: body as Bodies['neural'] })).prescription.text;
      else text = (await api.put(`${P}/sitting`, { path, body: body as Bodies['sitting'] })).prescription.text;
      await onSaved(`${COMPONENT_NAME[component]} saved: ${text}`);
    } catch (e) {
      if (e instanceof ApiError) {
        const w = problemWords(e.problem, known);
        setFieldErrors(w.fields);
        setError(`Not saved. ${w.summary}`);
      } else setError(e instanceof NetworkError ? 'Not saved: you are offline.' : 'Not saved.');
    } finally {
      setSaving(false);
    }
  }
  return { saving, error, fieldErrors, save };
}

/** The parts every editor has: the note, the refusal, the save button. */
export function EditorForm({ legend, saver, onSubmit, children, note, setNote }: { legend: string; saver: Saver; onSubmit: () => void; children: ComponentChildren; note: string; setNote: (s: string) => void }) {
  const slug = legend.replace(/\W+/g, '-').toLowerCase();
  return (
    <form
      class="stack rx-editor"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <fieldset>
        <legend>{legend}</legend>
        {children}
        <div class="field">
          <label class="label" for={`${slug}-note`}>
            Why (optional, kept in the history)
          </label>
          <input id={`${slug}-note`} type="text" maxLength={500} value={note} onInput={(e) => setNote((e.currentTarget as HTMLInputElement).value)} />
        </div>
      </fieldset>
      {saver.error && (
        <p class="notice notice-error" role="alert">
          {saver.error}
        </p>
      )}
      <button type="submit" class="btn btn-primary" disabled={saver.saving}>
        {saver.saving ? 'Saving…' : `Save ${legend.toLowerCase()}`}
      </button>
    </form>
  );
}

export function NumberField({ id, label, value, set, error, min, max, step }: { id: string; label: ComponentChildren; value: string; set: (v: string) => void; error?: string | undefined; min?: number; max?: number; step?: number }) {
  return (
    <div class="field">
      <label class="label" for={id}>
        {label}
      </label>
      <input id={id} type="number" inputMode="numeric" min={min} max={max} step={step} value={value} aria-invalid={error ? 'true' : undefined} aria-describedby={error ? `${id}-err` : undefined} onInput={(e) => set((e.currentTarget as HTMLInputElement).value)} />
      {error && (
        <p class="error" id={`${id}-err`}>
          {error}
        </p>
      )}
    </div>
  );
}

/** "" -> null; anything else as a number (NaN is left for the server to refuse in words). */
export const num = (s: string): number | null => (s.trim() === '' ? null : Number(s));

function RunningEditor({ id, plan, onSaved }: { id: string; plan: ClinicianPlan; onSaved: (t: string) => Promise<void> }) {
  const cur = plan.components.running.current;
  const [band, setBand] = useState<string>(cur.band ?? '');
  const [minutes, setMinutes] = useState(cur.minutes != null ? String(cur.minutes) : '');
  const [note, setNote] = useState('');
  const saver = useSaver(id, onSaved, ['band', 'minutes']);
  const submit = () => void saver.save('running', { band: (band || null) as Band, minutes: band ? num(minutes) : null, note: note.trim() || null });
  return (
    <EditorForm legend="Running" saver={saver} onSubmit={submit} note={note} setNote={setNote}>
      <div class="field">
        <label class="label" for="run-band">
          Speed band
        </label>
        <select id="run-band" value={band} onChange={(e) => setBand((e.currentTarget as HTMLSelectElement).value)}>
          <option value="">No running</option>
          {Object.entries(BAND_NAME).map(([k, v]) => (
            <option key={k} value={k}>
              {v}
            </option>
          ))}
        </select>
        {saver.fieldErrors.band && <p class="error">{saver.fieldErrors.band}</p>}
      </div>
      {band && <NumberField id="run-min" label="Minutes per session" value={minutes} set={setMinutes} error={saver.fieldErrors.minutes} min={5} max={180} />}
    </EditorForm>
  );
}

function NeuralEditor({ id, plan, library, onSaved }: { id: string; plan: ClinicianPlan; library: Library; onSaved: (t: string) => Promise<void> }) {
  const cur = plan.components.neural.current;
  const [exercise, setExercise] = useState(cur.exercise ?? library.glides[0]?.key ?? '');
  const [reps, setReps] = useState(cur.reps != null ? String(cur.reps) : '');
  const [note, setNote] = useState('');
  const saver = useSaver(id, onSaved, ['exercise', 'reps']);
  const submit = () => void saver.save('neural', { exercise: exercise as Bodies['neural']['exercise'], reps: num(reps) ?? 0, note: note.trim() || null });
  return (
    <EditorForm legend="Nerve glide" saver={saver} onSubmit={submit} note={note} setNote={setNote}>
      <div class="field">
        <label class="label" for="glide-ex">
          Glide
        </label>
        <select id="glide-ex" value={exercise} onChange={(e) => setExercise((e.currentTarget as HTMLSelectElement).value)}>
          {library.glides.map((g) => (
            <option key={g.key} value={g.key}>
              {g.name} ({g.glide})
            </option>
          ))}
        </select>
        {saver.fieldErrors.exercise && <p class="error">{saver.fieldErrors.exercise}</p>}
      </div>
      <NumberField id="glide-reps" label="Repetitions" value={reps} set={setReps} error={saver.fieldErrors.reps} min={1} max={50} />
    </EditorForm>
  );
}

function SittingEditor({ id, plan, onSaved }: { id: string; plan: ClinicianPlan; onSaved: (t: string) => Promise<void> }) {
  const cur = plan.components.sitting.current;
  const [minutes, setMinutes] = useState(cur.minutes != null ? String(cur.minutes) : '');
  const [note, setNote] = useState('');
  const saver = useSaver(id, onSaved, ['minutes']);
  const submit = () => void saver.save('sitting', { minutes: num(minutes) ?? 0, note: note.trim() || null });
  return (
    <EditorForm legend="Sitting target" saver={saver} onSubmit={submit} note={note} setNote={setNote}>
      <NumberField id="sit-min" label="Longest sitting spell to aim for (minutes)" value={minutes} set={setMinutes} error={saver.fieldErrors.minutes} min={5} max={480} />
    </EditorForm>
  );
}

export function ComponentEditor(props: { id: string; component: PlanComponent; plan: ClinicianPlan; library: Library; onSaved: (t: string) => Promise<void>; onExerciseAdded: () => Promise<void> }) {
  const { component } = props;
  if (component === 'tendon') return <TendonEditor {...props} />;
  if (component === 'running') return <RunningEditor {...props} />;
  if (component === 'neural') return <NeuralEditor {...props} />;
  return <SittingEditor {...props} />;
}
