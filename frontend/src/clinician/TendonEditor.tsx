// The tendon editor: the exercises and their doses, adding one from the library or the
// patient's own list, and adding a new exercise of your own for this patient.
import { useState } from 'preact/hooks';
import { api } from '../api/client';
import { ApiError, NetworkError } from '../api/http';
import { EditorForm, NumberField, num, useSaver, type TendonBody } from './ComponentEditor';
import type { ClinicianPlan, Library } from './planTypes';
import { problemWords } from './problemWords';

interface Row {
  exercise: string;
  name: string;
  held: boolean;
  sets: string;
  reps: string;
  hold: string;
  load: string;
}
interface Choice {
  key: string;
  name: string;
  stage: number;
  held: boolean;
  start: { sets: number; reps?: number | null; hold_s?: number | null; load_kg?: number | null };
}

const str = (n: number | null | undefined) => (n == null ? '' : String(n));

function rowOf(c: Choice): Row {
  return { exercise: c.key, name: c.name, held: c.held, sets: str(c.start.sets), reps: str(c.start.reps), hold: str(c.start.hold_s), load: str(c.start.load_kg) };
}

export function TendonEditor({ id, plan, library, onSaved, onExerciseAdded }: { id: string; plan: ClinicianPlan; library: Library; onSaved: (t: string) => Promise<void>; onExerciseAdded: () => Promise<void> }) {
  const choices: Choice[] = [
    ...library.exercises.map((x) => ({ key: x.key, name: x.name, stage: x.stage, held: x.dosing === 'hold', start: x.start })),
    ...plan.custom_exercises.map((x) => ({ key: x.key, name: `${x.name} (your own)`, stage: x.stage, held: x.dosing === 'hold', start: x.start })),
  ];
  const [rows, setRows] = useState<Row[]>(() =>
    (plan.components.tendon.current.exercises ?? []).map((x) => ({ exercise: x.exercise, name: x.name, held: x.dosing === 'hold', sets: str(x.sets), reps: str(x.reps), hold: str(x.hold_s), load: str(x.load_kg) })),
  );
  const [adding, setAdding] = useState('');
  const [note, setNote] = useState('');
  const saver = useSaver(id, onSaved, []);
  const set = (i: number, patch: Partial<Row>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  function submit() {
    const body: TendonBody = {
      exercises: rows.map((r) => ({ exercise: r.exercise, sets: num(r.sets) ?? 0, reps: r.held ? null : num(r.reps), hold_s: r.held ? num(r.hold) : null, load_kg: r.held ? null : num(r.load) })),
      note: note.trim() || null,
    };
    void saver.save('tendon', body);
  }

  const free = choices.filter((c) => !rows.some((r) => r.exercise === c.key));
  return (
    <>
      <EditorForm legend="Tendon exercises" saver={saver} onSubmit={submit} note={note} setNote={setNote}>
        {rows.length === 0 && <p class="muted">No exercises: add at least one.</p>}
        {rows.map((r, i) => (
          <div class="rx-row" key={r.exercise} role="group" aria-label={r.name}>
            <h4 class="h-sub">{r.name}</h4>
            <div class="rx-dose">
              <NumberField id={`tx-${i}-sets`} label={<><span class="sr-only">{r.name}: </span>Sets</>} value={r.sets} set={(v) => set(i, { sets: v })} min={1} max={10} />
              {r.held ? (
                <NumberField id={`tx-${i}-hold`} label={<><span class="sr-only">{r.name}: </span>Seconds per hold</>} value={r.hold} set={(v) => set(i, { hold: v })} min={5} max={300} />
              ) : (
                <>
                  <NumberField id={`tx-${i}-reps`} label={<><span class="sr-only">{r.name}: </span>Repetitions</>} value={r.reps} set={(v) => set(i, { reps: v })} min={1} max={100} />
                  <NumberField id={`tx-${i}-load`} label={<><span class="sr-only">{r.name}: </span>Load in kg (optional)</>} value={r.load} set={(v) => set(i, { load: v })} min={0} max={500} step={0.5} />
                </>
              )}
            </div>
            <button type="button" class="btn btn-small" onClick={() => setRows(rows.filter((_, j) => j !== i))}>
              Remove {r.name}
            </button>
          </div>
        ))}
        <div class="field">
          <label class="label" for="tx-add">
            Add an exercise
          </label>
          <div class="row-gap">
            <select id="tx-add" value={adding} onChange={(e) => setAdding((e.currentTarget as HTMLSelectElement).value)}>
              <option value="">Choose…</option>
              {free.map((c) => (
                <option key={c.key} value={c.key}>
                  Stage {c.stage}: {c.name}
                </option>
              ))}
            </select>
            <button
              type="button"
              class="btn btn-small"
              disabled={!adding}
              onClick={() => {
                const c = choices.find((x) => x.key === adding);
                if (c) setRows([...rows, rowOf(c)]);
                setAdding('');
              }}
            >
              Add
            </button>
          </div>
        </div>
      </EditorForm>
      <OwnExercise id={id} onAdded={onExerciseAdded} />
    </>
  );
}

/** A new exercise for this patient's library (then chosen from "Add an exercise"). */
function OwnExercise({ id, onAdded }: { id: string; onAdded: () => Promise<void> }) {
  const [name, setName] = useState('');
  const [about, setAbout] = useState('');
  const [stage, setStage] = useState('1');
  const [dosing, setDosing] = useState<'hold' | 'reps'>('hold');
  const [msg, setMsg] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  async function add(e: Event) {
    e.preventDefault();
    setMsg(null);
    try {
      const x = await api.post('/clinician/patients/{patient_id}/programme/exercises', { path: { patient_id: id }, body: { name: name.trim(), description: about.trim(), stage: Number(stage), dosing } });
      setMsg({ kind: 'ok', text: `${x.name} added to this patient’s exercises. Choose it under “Add an exercise”.` });
      setName('');
      setAbout('');
      await onAdded();
    } catch (err) {
      setMsg({ kind: 'error', text: err instanceof ApiError ? `Not added. ${problemWords(err.problem).summary}` : err instanceof NetworkError ? 'Not added: you are offline.' : 'Not added.' });
    }
  }
  return (
    <details class="past">
      <summary>Add your own exercise for this patient</summary>
      <form class="stack" onSubmit={add} noValidate>
        <div class="field">
          <label class="label" for="own-name">
            Name
          </label>
          <input id="own-name" type="text" maxLength={80} value={name} onInput={(e) => setName((e.currentTarget as HTMLInputElement).value)} />
        </div>
        <div class="field">
          <label class="label" for="own-about">
            One-line description (optional)
          </label>
          <input id="own-about" type="text" maxLength={300} value={about} onInput={(e) => setAbout((e.currentTarget as HTMLInputElement).value)} />
        </div>
        <div class="field">
          <label class="label" for="own-stage">
            Loading stage
          </label>
          <select id="own-stage" value={stage} onChange={(e) => setStage((e.currentTarget as HTMLSelectElement).value)}>
            {[1, 2, 3, 4].map((s) => (
              <option key={s} value={String(s)}>
                Stage {s}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label class="label" for="own-dosing">
            Dosed as
          </label>
          <select id="own-dosing" value={dosing} onChange={(e) => setDosing((e.currentTarget as HTMLSelectElement).value as 'hold' | 'reps')}>
            <option value="hold">Holds (seconds)</option>
            <option value="reps">Repetitions</option>
          </select>
        </div>
        {msg && (
          <p class={`notice notice-${msg.kind}`} role={msg.kind === 'error' ? 'alert' : undefined}>
            {msg.text}
          </p>
        )}
        <button type="submit" class="btn btn-small">
          Add exercise
        </button>
      </form>
    </details>
  );
}
