// The Plan tab of a clinician's patient page (issue 13): the current prescription per component
// with its lock, an editor per component, the session load (information only) and the history.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api/client';
import { ApiError, NetworkError } from '../api/http';
import { announce } from '../store';
import { Notice } from '../ui/Page';
import { COMPONENTS, COMPONENT_NAME, changeWords, type ClinicianPlan, type Library, type PlanComponent, type PlanLockEvent, type PlanVersion } from './planTypes';
import { problemWords } from './problemWords';
import { ComponentEditor } from './ComponentEditor';
import { LockControl } from './LockControl';
import { PlanHistory } from './PlanHistory';
import { SessionLoadCard } from './SessionLoadCard';

interface Loaded {
  plan: ClinicianPlan;
  history: PlanVersion[];
  locks: PlanLockEvent[];
  library: Library;
}

function loadError(e: unknown): string {
  if (e instanceof NetworkError) return 'You are offline. Connect to see the plan.';
  if (e instanceof ApiError && e.status === 404) return 'This patient was not found, or you no longer have access.';
  return 'The plan could not be loaded.';
}

export function PlanTab({ id }: { id: string }) {
  const [data, setData] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<PlanComponent | null>(null);
  const [msg, setMsg] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const msgRef = useRef<HTMLParagraphElement>(null);

  async function load(): Promise<void> {
    try {
      const path = { patient_id: id };
      const [plan, hist, library] = await Promise.all([
        api.get('/clinician/patients/{patient_id}/programme', { path }),
        api.get('/clinician/patients/{patient_id}/programme/history', { path }),
        api.get('/programme/library'),
      ]);
      setData({ plan, history: hist.versions, locks: hist.locks ?? [], library });
      setError(null);
    } catch (e) {
      setError(loadError(e));
    }
  }

  useEffect(() => {
    void load();
  }, [id]);

  /** Lock (with the clinician's reason, if any) or unlock; a failure is said in the notice. */
  async function toggleLock(component: PlanComponent, locked: boolean, reason: string | null): Promise<void> {
    setMsg(null);
    setBusy(true);
    const name = COMPONENT_NAME[component];
    try {
      const path = { patient_id: id, component };
      if (locked) await api.delete('/clinician/patients/{patient_id}/programme/{component}/lock', { path });
      else await api.put('/clinician/patients/{patient_id}/programme/{component}/lock', { path, body: { reason } });
      const text = locked ? `${name} unlocked: the guidance may move it again.` : `${name} locked: only a clinician changes it now.`;
      setMsg({ kind: 'ok', text });
      announce(text);
      await load();
    } catch (e) {
      setMsg({ kind: 'error', text: e instanceof ApiError ? `Not changed. ${problemWords(e.problem).summary}` : 'Not changed: you are offline.' });
    } finally {
      setBusy(false);
    }
  }

  async function saved(text: string) {
    setEditing(null);
    setMsg({ kind: 'ok', text });
    announce(text);
    await load();
    // the editor (and its button) is gone: focus goes to what happened
    requestAnimationFrame(() => msgRef.current?.focus());
  }

  if (error) return <Notice kind="error">{error}</Notice>;
  if (!data) return <p class="loading">Loading the plan…</p>;
  const { plan, history, locks, library } = data;
  return (
    <div class="tab-columns">
      <section class="card" aria-labelledby="rx-h">
        <h2 id="rx-h" class="h-section">
          Current plan
        </h2>
        <p class="hint">Each component moves one step at a time with the patient’s guidance, unless you lock it. A locked component changes only when a clinician edits it.</p>
        {msg && (
          <p class={`notice notice-${msg.kind}`} role={msg.kind === 'error' ? 'alert' : undefined} tabIndex={-1} ref={msgRef}>
            {msg.text}
          </p>
        )}
        <ul class="plain rx-list">
          {COMPONENTS.map((c) => {
            const cp = plan.components[c];
            return (
              <li key={c} class="rx-item" data-testid={`rx-${c}`}>
                <h3 class="h-sub">{COMPONENT_NAME[c]}</h3>
                {c === 'tendon' && cp.current.exercises && cp.current.exercises.length > 0 ? (
                  <ul class="rx-doses">
                    {cp.current.exercises.map((x) => (
                      <li key={x.exercise}>
                        {x.name}: {x.text}
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p class="rx-text">{changeWords(c, cp.current.text)}</p>
                )}
                <p class="muted">
                  {cp.locked ? `Locked${cp.locked_by ? ` by ${cp.locked_by}` : ''}: only a clinician changes it.` : 'Moves with the guidance.'}
                  {cp.pending ? ` Waiting for the patient: ${cp.pending.change}.` : ''}
                </p>
                <div class="row-gap">
                  <button type="button" class="btn btn-small" aria-expanded={editing === c ? 'true' : 'false'} onClick={() => setEditing(editing === c ? null : c)}>
                    {editing === c ? `Close the ${COMPONENT_NAME[c].toLowerCase()} editor` : `Edit ${COMPONENT_NAME[c].toLowerCase()}`}
                  </button>
                  <LockControl component={c} locked={cp.locked} busy={busy} onToggle={(reason) => toggleLock(c, cp.locked, reason)} onAsk={() => setMsg(null)} />
                </div>
                {editing === c && <ComponentEditor id={id} component={c} plan={plan} library={library} onSaved={saved} onExerciseAdded={load} />}
              </li>
            );
          })}
        </ul>
        <p class="hint">Phase {plan.phase} limits apply: the server refuses a prescription above the phase’s stage, speed band or glide type, and says why.</p>
      </section>
      <div>
      <SessionLoadCard load={plan.session_load} />
      <PlanHistory versions={history} locks={locks} />
      </div>
    </div>
  );
}
