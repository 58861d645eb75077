// The clinician's "Warning signs" card on a patient's page: the red-flag episodes still open
// (date, level, signs in plain words), a form to record "checked on <date>", and past checks.
import { useRef, useState } from 'preact/hooks';
import { api } from '../api/client';
import { ApiError, NetworkError } from '../api/http';
import type { PatientRecord } from '../api/types';
import { checkDateProblem, clearanceProblemText, oldestStart } from '../clearance';
import { formatTimestamp, shortLabel } from '../dates';
import { flagWords } from '../episodes';
import { announce } from '../store';
import { Alert } from '../ui/Icons';
import { EPISODE_TEXT } from '../words';

export function PatientEpisodes({ id, record, today, reload }: { id: string; record: PatientRecord; today: string; reload: () => Promise<PatientRecord | null> }) {
  const open = record.open_episodes ?? [];
  const checks = record.clearances ?? [];
  const oldest = oldestStart(open);
  const [checkedOn, setCheckedOn] = useState(today);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const doneRef = useRef<HTMLParagraphElement>(null);
  const errorRef = useRef<HTMLParagraphElement>(null);

  async function submit(e: Event) {
    e.preventDefault();
    setDone(null);
    const local = checkDateProblem(checkedOn, today, oldest);
    if (local) {
      setError(local);
      requestAnimationFrame(() => errorRef.current?.focus());
      return;
    }
    setError(null);
    setSaving(true);
    try {
      const res = await api.post('/clinician/patients/{patient_id}/clearances', {
        path: { patient_id: id },
        body: { checked_on: checkedOn, note: note.trim() || null },
      });
      const n = res.closed.length;
      const msg = `Check recorded for ${shortLabel(res.checked_on)}: ${n === 1 ? '1 warning-sign episode' : `${n} warning-sign episodes`} closed. The patient’s guidance is updated.`;
      setDone(msg);
      setNote('');
      announce(msg);
      await reload();
      requestAnimationFrame(() => doneRef.current?.focus());
    } catch (err) {
      const msg =
        err instanceof NetworkError
          ? 'You are offline. Connect and try again.'
          : err instanceof ApiError
            ? clearanceProblemText(err.status, err.problem, { checkedOn, today, oldest })
            : 'The check could not be recorded.';
      setError(msg);
      if (err instanceof ApiError && err.status === 409) await reload();
      requestAnimationFrame(() => errorRef.current?.focus());
    } finally {
      setSaving(false);
    }
  }

  return (
    <section class={`card episodes${open.length ? ' episodes-open' : ''}`} aria-labelledby="ep-h" data-testid="clinician-episodes">
      <h2 id="ep-h" class="h-section">
        Warning signs
      </h2>
      {done && (
        <p class="notice notice-ok" tabIndex={-1} ref={doneRef}>
          {done}
        </p>
      )}
      {open.length === 0 ? (
        <p class="muted">No warning signs are waiting for a check.</p>
      ) : (
        <>
          <ul class="episode-rows">
            {open.map((ep) => (
              <li key={ep.started_on} class={`episode-row episode-row-${ep.level}`}>
                <Alert />
                <div>
                  <strong>Reported {shortLabel(ep.started_on)}</strong> · <span class="episode-level-text">{EPISODE_TEXT[ep.level].short}</span>
                  <p>{flagWords(ep.flags)}</p>
                </div>
              </li>
            ))}
          </ul>
          <form class="stack check-form" onSubmit={submit} noValidate>
            <p class="hint">Record that you have checked this patient. This closes every episode reported on or before that day, and the patient’s guidance no longer asks them to wait for a check.</p>
            <div class="field">
              <label class="label" for="check-date">
                Checked on
              </label>
              <input id="check-date" type="date" value={checkedOn} min={oldest ?? undefined} max={today} aria-invalid={error ? 'true' : undefined} aria-describedby={error ? 'check-error' : undefined} onInput={(e) => setCheckedOn((e.currentTarget as HTMLInputElement).value)} />
            </div>
            <div class="field">
              <label class="label" for="check-note">
                Note (optional)
              </label>
              <textarea id="check-note" rows={2} maxLength={2000} value={note} onInput={(e) => setNote((e.currentTarget as HTMLTextAreaElement).value)} />
            </div>
            {error && (
              <p id="check-error" class="notice notice-error" role="alert" tabIndex={-1} ref={errorRef}>
                {error}
              </p>
            )}
            <button type="submit" class="btn btn-primary" disabled={saving}>
              {saving ? 'Recording…' : 'Record check'}
            </button>
          </form>
        </>
      )}
      {checks.length > 0 && (
        <>
          <h3 class="h-sub">Past checks</h3>
          <ul class="plain past-checks">
            {checks.map((c) => (
              <li key={c.id}>
                <strong>Checked on {shortLabel(c.checked_on)}</strong> by {c.checked_by ?? 'a clinician no longer linked'}
                <span class="muted"> · recorded {formatTimestamp(c.created_at)}</span>
                {c.note && <p class="note">“{c.note}”</p>}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
