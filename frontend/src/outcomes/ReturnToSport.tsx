// The return-to-sport review (phase 5): every criterion on one screen; the clinician confirms.
// Confirming records who and when, nothing else: the phase changes only in the plan.
import { useState } from 'preact/hooks';
import { api } from '../api/client';
import { formatTimestamp, friendlyDate } from '../dates';
import { announce } from '../store';
import { Loading, Notice } from '../ui/Page';
import { CriteriaList } from './CriteriaList';
import { failure, useLoad } from './useLoad';

export function ReturnToSport({ id }: { id: string }) {
  const { data, error, reload } = useLoad(() => api.get('/clinician/patients/{patient_id}/return-to-sport', { path: { patient_id: id } }), id);
  const [note, setNote] = useState('');
  const [msg, setMsg] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  async function confirm(e: Event) {
    e.preventDefault();
    if (data && !data.all_met && !note.trim()) {
      setMsg({ kind: 'error', text: 'Not every criterion is met: write a note saying why you confirm anyway.' });
      return;
    }
    try {
      await api.post('/clinician/patients/{patient_id}/return-to-sport/confirmations', { path: { patient_id: id }, body: { note: note.trim() || null } });
      setNote('');
      setMsg({ kind: 'ok', text: 'Review confirmed and recorded with your name and the time. The phase has not changed.' });
      announce('Review confirmed.');
      await reload();
    } catch (err) {
      setMsg({ kind: 'error', text: failure(err, 'The review could not be confirmed.') });
    }
  }

  return (
    <section class="card" aria-labelledby="rts-h">
      <h2 id="rts-h" class="h-section">
        Return-to-sport review
      </h2>
      {error && <Notice kind="error">{error}</Notice>}
      {!data && !error && <Loading />}
      {data && (
        <>
          <p>
            <strong>
              {data.met} of {data.criteria.length} criteria met
            </strong>{' '}
            (as of {friendlyDate(data.as_of)}). Nothing here is decided automatically: you confirm, and the phase changes only when you change the plan.
          </p>
          <CriteriaList items={data.criteria} />
          {data.in_review_phase ? (
            <form class="stack" onSubmit={confirm} noValidate>
              {msg && <Notice kind={msg.kind}>{msg.text}</Notice>}
              <div class="field">
                <label class="label" for="rts-note">
                  Note {data.all_met ? '(optional)' : '(needed: not every criterion is met)'}
                </label>
                <textarea id="rts-note" rows={2} maxLength={2000} value={note} onInput={(e) => setNote((e.currentTarget as HTMLTextAreaElement).value)} />
              </div>
              <button type="submit" class="btn btn-primary">
                Confirm the review
              </button>
            </form>
          ) : (
            <p class="hint">The review is confirmed in phase 5; the patient is in phase {data.phase}.</p>
          )}
          {data.confirmations.length > 0 && (
            <details class="past">
              <summary>Earlier confirmations ({data.confirmations.length})</summary>
              <ul class="plain">
                {data.confirmations.map((c) => (
                  <li key={c.id}>
                    {formatTimestamp(c.confirmed_at)} by {c.confirmed_by ?? 'a clinician'}: {c.criteria.filter((x) => x.met).length} of {c.criteria.length} met
                    {c.note ? `. ${c.note}` : ''}
                  </li>
                ))}
              </ul>
            </details>
          )}
        </>
      )}
    </section>
  );
}
