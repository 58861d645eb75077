// Progress (/progress): the way in to the check-in, goals, phase, self-tests and guides, and the
// notes a clinician shared with the patient.
import { api } from '../api/client';
import { formatTimestamp } from '../dates';
import { Notice, PageTitle } from '../ui/Page';
import { CurrentGoal } from './CurrentGoal';
import { useLoad } from './useLoad';
import './outcomes.css';

export default function ProgressPage() {
  const checkIns = useLoad(() => api.get('/me/check-ins'));
  const notes = useLoad(() => api.get('/me/notes'));
  const due = checkIns.data?.due;
  return (
    <>
      <PageTitle title="Progress">Progress</PageTitle>
      <p class="subtitle">How you are doing over weeks. None of this changes your daily guidance.</p>
      <CurrentGoal />
      <ul class="plain hub">
        <li class="card">
          <a href="/check-in">Weekly check-in</a>
          <p class="hint">{due === undefined ? 'Under a minute, once a week.' : due ? 'Due this week. Under a minute.' : 'Done for this week. See your trends.'}</p>
        </li>
        <li class="card">
          <a href="/goals">Goals</a>
          <p class="hint">What you are working towards.</p>
        </li>
        <li class="card">
          <a href="/phase">Your phase</a>
          <p class="hint">What to do now, and what comes next.</p>
        </li>
        <li class="card">
          <a href="/me/tests">Self-tests</a>
          <p class="hint">Strength and bridge tests you can do yourself.</p>
        </li>
        <li class="card">
          <a href="/learn">Learn</a>
          <p class="hint">Short guides, a minute each.</p>
        </li>
      </ul>
      <section class="card" aria-labelledby="shared-notes-h">
        <h2 id="shared-notes-h" class="h-section">
          Notes from your clinician
        </h2>
        {notes.error && <Notice kind="error">{notes.error}</Notice>}
        {notes.data && notes.data.notes.length === 0 && <p class="hint">No notes shared with you yet.</p>}
        {notes.data && notes.data.notes.length > 0 && (
          <ul class="plain note-list">
            {notes.data.notes.map((n) => (
              <li key={n.id}>
                <p class="note-text">{n.text}</p>
                <p class="hint">
                  {n.written_by ?? 'Your clinician'}, {formatTimestamp(n.shared_at ?? n.created_at)}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
