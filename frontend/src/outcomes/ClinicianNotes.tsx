// A clinician's own notes on a patient: private unless shared; sharing can be turned on or off.
import { useState } from 'preact/hooks';
import { api } from '../api/client';
import { formatTimestamp } from '../dates';
import { announce } from '../store';
import { Loading, Notice } from '../ui/Page';
import { failure, useLoad } from './useLoad';
import type { Note } from './types';

export function ClinicianNotes({ id }: { id: string }) {
  const { data, error, reload } = useLoad(() => api.get('/clinician/patients/{patient_id}/notes', { path: { patient_id: id } }), id);
  const [text, setText] = useState('');
  const [shared, setShared] = useState(false);
  const [msg, setMsg] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  async function add(e: Event) {
    e.preventDefault();
    if (!text.trim()) {
      setMsg({ kind: 'error', text: 'Write the note first.' });
      return;
    }
    try {
      await api.post('/clinician/patients/{patient_id}/notes', { path: { patient_id: id }, body: { text: text.trim(), shared } });
      setText('');
      setShared(false);
      setMsg({ kind: 'ok', text: shared ? 'Note saved and shared with the patient.' : 'Note saved. Only you can read it.' });
      announce('Note saved.');
      await reload();
    } catch (err) {
      setMsg({ kind: 'error', text: failure(err, 'The note could not be saved.') });
    }
  }

  async function toggle(n: Note) {
    try {
      await api.patch('/clinician/patients/{patient_id}/notes/{note_id}', { path: { patient_id: id, note_id: n.id }, body: { shared: !n.shared } });
      announce(n.shared ? 'Note is private again.' : 'Note shared with the patient.');
      await reload();
    } catch (err) {
      setMsg({ kind: 'error', text: failure(err) });
    }
  }

  return (
    <section class="card" aria-labelledby="notes-h">
      <h2 id="notes-h" class="h-section">
        Your notes
      </h2>
      <p class="hint">Only you can read your notes, unless you share one with the patient. Other clinicians never see them.</p>
      <form class="stack" onSubmit={add} noValidate>
        {msg && <Notice kind={msg.kind}>{msg.text}</Notice>}
        <div class="field">
          <label class="label" for="note-text">
            New note
          </label>
          <textarea id="note-text" rows={3} maxLength={4000} value={text} onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)} />
        </div>
        <label class="check-row">
          <input type="checkbox" checked={shared} onChange={(e) => setShared((e.currentTarget as HTMLInputElement).checked)} /> Share this note with the patient
        </label>
        <button type="submit" class="btn">
          Save note
        </button>
      </form>
      {error && <Notice kind="error">{error}</Notice>}
      {!data && !error && <Loading />}
      {data && data.notes.length > 0 && (
        <ul class="plain note-list">
          {data.notes.map((n) => (
            <li key={n.id}>
              <p class="note-text">{n.text}</p>
              <p class="hint">
                {formatTimestamp(n.created_at)} · {n.shared ? `Shared with the patient${n.shared_at ? ` on ${formatTimestamp(n.shared_at)}` : ''}` : 'Private'}{' '}
                <button type="button" class="btn-link" onClick={() => toggle(n)}>
                  {n.shared ? 'Make private' : 'Share with the patient'}
                </button>
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
