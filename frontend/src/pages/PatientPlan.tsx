// The clinician's "Phase and thresholds" card on a patient's page: the plan form and its history.
import { useState } from 'preact/hooks';
import { formatTimestamp, friendlyDate } from '../dates';
import { api } from '../api/client';
import { ApiError, NetworkError } from '../api/http';
import type { ApiBody } from '../api/paths';
import type { PatientRecord, Thresholds } from '../api/types';
import { announce } from '../store';
import { PHASES, THRESHOLDS, phaseName } from '../words';
import { Notice } from '../ui/Page';
import { ConfirmDialog } from '../clinician/ConfirmDialog';
import { problemWords } from '../clinician/problemWords';

type PlanPatch = ApiBody<'patch', '/clinician/patients/{patient_id}'>;

/** The thresholds as the form's text inputs: the known ones first, then any other the server sends. */
function thresholdInputs(t: Thresholds): Record<string, string> {
  const values: Record<string, number | null | undefined> = t;
  const out: Record<string, string> = {};
  for (const k of new Set<string>([...THRESHOLDS.map((x) => x.key), ...Object.keys(t)])) {
    const v = values[k];
    out[k] = typeof v === 'number' && Number.isFinite(v) ? String(v) : '';
  }
  return out;
}

/**
 * The plan form. Mount it once per patient (key it by the patient's id): it starts from
 * `record`, and after a save it starts again from the record `reload` answers.
 */
export function PatientPlan({ id, record, reload }: { id: string; record: PatientRecord; reload: () => Promise<PatientRecord | null> }) {
  const [phase, setPhase] = useState<string>(() => String(record.profile.phase));
  const [thr, setThr] = useState<Record<string, string>>(() => thresholdInputs(record.thresholds));
  const [saveMsg, setSaveMsg] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [fe, setFe] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const [confirming, setConfirming] = useState<PlanPatch | null>(null);
  const current: Record<string, number | null | undefined> = record.thresholds;

  function submit(e: Event) {
    e.preventDefault();
    setSaveMsg(null);
    setFe({});
    const body: PlanPatch = {};
    if (phase !== '' && Number(phase) !== record.profile.phase) body.phase = Number(phase);
    const changed: Record<string, number> = {};
    const errs: Record<string, string> = {};
    for (const [k, v] of Object.entries(thr)) {
      if (v.trim() === '') continue;
      const n = Number(v);
      if (!Number.isFinite(n)) {
        errs[k] = 'Enter a number.';
        continue;
      }
      if (n !== current[k]) changed[k] = n;
    }
    if (Object.keys(errs).length) {
      setFe(errs);
      return;
    }
    if (Object.keys(changed).length) body.thresholds = changed;
    if (!Object.keys(body).length) {
      setSaveMsg({ kind: 'ok', text: 'Nothing changed.' });
      return;
    }
    if (body.phase !== undefined) setConfirming(body);
    else void save(body);
  }

  async function save(body: PlanPatch) {
    setConfirming(null);
    setSaving(true);
    try {
      await api.patch('/clinician/patients/{patient_id}', { path: { patient_id: id }, body });
      setSaveMsg({ kind: 'ok', text: 'Saved. The change is recorded with your name and the time.' });
      announce('Phase and thresholds saved.');
      const fresh = await reload();
      if (fresh) {
        setPhase(String(fresh.profile.phase));
        setThr(thresholdInputs(fresh.thresholds));
      }
    } catch (err) {
      const worded = err instanceof ApiError ? problemWords(err.problem, ['phase', ...Object.keys(thr)]) : null;
      if (worded) setFe(worded.fields);
      setSaveMsg({ kind: 'error', text: err instanceof NetworkError ? 'You are offline. Nothing was saved.' : worded ? `Not saved. ${worded.summary}` : 'Could not save.' });
    } finally {
      setSaving(false);
    }
  }

  const history = record.threshold_history;
  return (
    <section class="card" aria-labelledby="plan-h">
      <h2 id="plan-h" class="h-section">
        Phase and thresholds
      </h2>
      <form class="stack" onSubmit={submit} noValidate>
        {saveMsg && <Notice kind={saveMsg.kind}>{saveMsg.text}</Notice>}
        <div class="field">
          <label class="label" for="plan-phase">
            Phase
          </label>
          <select id="plan-phase" value={phase} onChange={(e) => setPhase((e.currentTarget as HTMLSelectElement).value)}>
            {phase === '' && <option value="">Not set</option>}
            {PHASES.map((p) => (
              <option key={p.phase} value={String(p.phase)}>
                {p.phase}. {p.name}
              </option>
            ))}
          </select>
          {fe.phase && <p class="error">{fe.phase}</p>}
        </div>
        <div class="threshold-grid">
          {Object.keys(thr).map((k) => {
            const meta = THRESHOLDS.find((t) => t.key === k);
            return (
              <div class="field" key={k}>
                <label class="label" for={`thr-${k}`}>
                  {meta?.label ?? k.replace(/_/g, ' ')}
                </label>
                {meta && (
                  <p class="hint" id={`thr-${k}-hint`}>
                    Default {meta.def}
                  </p>
                )}
                <input
                  id={`thr-${k}`}
                  type="number"
                  inputMode="decimal"
                  min={meta?.min}
                  max={meta?.max}
                  value={thr[k]}
                  aria-describedby={[meta ? `thr-${k}-hint` : '', fe[k] ? `thr-${k}-err` : ''].filter(Boolean).join(' ') || undefined}
                  aria-invalid={fe[k] ? 'true' : undefined}
                  onInput={(e) => setThr({ ...thr, [k]: (e.currentTarget as HTMLInputElement).value })}
                />
                {fe[k] && (
                  <p class="error" id={`thr-${k}-err`}>
                    {fe[k]}
                  </p>
                )}
              </div>
            );
          })}
        </div>
        <button type="submit" class="btn btn-primary" disabled={saving}>
          {saving ? 'Saving…' : 'Save phase and thresholds'}
        </button>
      </form>
      {confirming?.phase !== undefined && (
        <PhaseConfirm from={record.profile.phase} to={confirming.phase} alsoThresholds={!!confirming.thresholds} onConfirm={() => void save(confirming)} onCancel={() => setConfirming(null)} />
      )}
      {history.length > 0 && (
        <details class="past">
          <summary>Change history ({history.length})</summary>
          <ul class="plain">
            {history.map((h, i) => {
              const text = `phase ${h.phase}; ` + Object.entries(h.thresholds)
                .filter(([, v]) => typeof v === 'number')
                .map(([k, v]) => `${k.replace(/_/g, ' ')} ${String(v)}`)
                .join(', ');
              return (
                <li key={i}>
                  {h.changed_at ? formatTimestamp(h.changed_at) : 'Unknown date'}
                  {h.changed_by ? ` by ${h.changed_by}` : ''}
                  {h.effective_on ? ` (from ${friendlyDate(h.effective_on)})` : ''}: {text || 'changed'}
                </li>
              );
            })}
          </ul>
        </details>
      )}
    </section>
  );
}

/** What a phase change does, said before it is made. */
function PhaseConfirm({ from, to, alsoThresholds, onConfirm, onCancel }: { from: number | null | undefined; to: number | null | undefined; alsoThresholds: boolean; onConfirm: () => void; onCancel: () => void }) {
  const next = PHASES.find((p) => p.phase === to);
  return (
    <ConfirmDialog title={`Move to ${phaseName(to)}?`} confirmLabel="Change phase" onConfirm={onConfirm} onCancel={onCancel}>
      <p>
        From today this patient moves from {phaseName(from)} to {phaseName(to)}.
      </p>
      {next && (
        <ul>
          <li>Loading: {next.loading}.</li>
          <li>Running: {next.running}.</li>
          <li>Nerve glides: {next.neural}.</li>
        </ul>
      )}
      <p>Today’s guidance is worked out again with the new phase’s limits, and the plan follows the new phase.{alsoThresholds ? ' Your threshold changes are saved with it.' : ''} The change is recorded with your name.</p>
    </ConfirmDialog>
  );
}
