// Goals: the list (active first), a form to add one, and each goal's status.
import { useMemo, useState } from 'preact/hooks';
import { ApiError, errorsByField } from '../api/http';
import { friendlyDate } from '../dates';
import { announce } from '../store';
import { Loading, Notice } from '../ui/Page';
import { goalsApi } from './goalsApi';
import { GOAL_STATUS_TEXT } from './labels';
import { failure, useLoad } from './useLoad';
import type { Goal, GoalStatus } from './types';

const ACTIONS: Record<GoalStatus, { to: GoalStatus; text: string }[]> = {
  active: [
    { to: 'met', text: 'Mark as met' },
    { to: 'dropped', text: 'Drop' },
  ],
  met: [{ to: 'active', text: 'Make active again' }],
  dropped: [{ to: 'active', text: 'Make active again' }],
};

function GoalRow({ goal, own, onStatus }: { goal: Goal; own: boolean; onStatus: (s: GoalStatus) => Promise<void> }) {
  const [busy, setBusy] = useState(false);
  const id = `goal-${goal.id}`;
  return (
    <li class="goal-row" aria-labelledby={`${id}-text`}>
      <p id={`${id}-text`} class="goal-text">
        {goal.text}
      </p>
      <p class="hint">
        <strong>{GOAL_STATUS_TEXT[goal.status]}</strong>
        {goal.status !== 'active' && goal.status_on ? ` on ${friendlyDate(goal.status_on)}` : ''}.{' '}
        {goal.target_on ? `Target: ${friendlyDate(goal.target_on)}. ` : 'No target date. '}
        {goal.current ? (own ? 'Shown on your Today page. ' : 'The goal the patient sees on Today. ') : ''}
        {goal.set_by ? `Set by ${goal.set_by}.` : ''}
      </p>
      <div class="btn-row">
        {ACTIONS[goal.status].map((a) => (
          <button
            key={a.to}
            type="button"
            class="btn btn-small"
            disabled={busy}
            onClick={async () => {
              setBusy(true);
              await onStatus(a.to);
              setBusy(false);
            }}
          >
            {a.text}
            <span class="sr-only">: {goal.text}</span>
          </button>
        ))}
      </div>
    </li>
  );
}

export function GoalsPanel({ patientId, heading = 'Goals' }: { patientId?: string; heading?: string }) {
  const calls = useMemo(() => goalsApi(patientId), [patientId]);
  const { data, error, reload } = useLoad(() => calls.list(), patientId ?? 'me');
  const [text, setText] = useState('');
  const [target, setTarget] = useState('');
  const [fe, setFe] = useState<Record<string, string>>({});
  const [msg, setMsg] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const hid = `goals-h-${patientId ?? 'me'}`;

  async function add(e: Event) {
    e.preventDefault();
    setFe({});
    if (text.trim().length < 2) {
      setFe({ text: 'Write the goal in a few words (at least 2 characters).' });
      return;
    }
    try {
      await calls.add(text.trim(), target || null);
      setText('');
      setTarget('');
      setMsg({ kind: 'ok', text: 'Goal added.' });
      announce('Goal added.');
      await reload();
    } catch (err) {
      if (err instanceof ApiError) setFe(errorsByField(err.problem));
      setMsg({ kind: 'error', text: failure(err, 'The goal could not be added.') });
    }
  }

  async function setStatus(goal: Goal, status: GoalStatus) {
    try {
      await calls.setStatus(goal.id, status);
      announce(`Goal marked ${GOAL_STATUS_TEXT[status].toLowerCase()}.`);
      setMsg(null);
      await reload();
    } catch (err) {
      setMsg({ kind: 'error', text: failure(err, 'The goal could not be changed.') });
    }
  }

  return (
    <section class="card" aria-labelledby={hid}>
      <h2 id={hid} class="h-section">
        {heading}
      </h2>
      {error && <Notice kind="error">{error}</Notice>}
      {!data && !error && <Loading />}
      {data && data.goals.length === 0 && <p>No goals yet. A goal in your own words (“Sit through a two-hour drive”) helps you and your clinician see progress.</p>}
      {data && data.goals.length > 0 && (
        <ul class="plain goal-list">
          {data.goals.map((g) => (
            <GoalRow key={g.id} goal={g} own={!patientId} onStatus={(s) => setStatus(g, s)} />
          ))}
        </ul>
      )}
      <form class="stack" onSubmit={add} noValidate>
        <h3 class="h-sub">Add a goal</h3>
        {msg && <Notice kind={msg.kind}>{msg.text}</Notice>}
        <div class="field">
          <label class="label" for={`${hid}-text`}>
            Goal
          </label>
          <input id={`${hid}-text`} type="text" maxLength={200} value={text} aria-invalid={fe.text ? 'true' : undefined} onInput={(e) => setText((e.currentTarget as HTMLInputElement).value)} />
          {fe.text && <p class="error">{fe.text}</p>}
        </div>
        <div class="field">
          <label class="label" for={`${hid}-target`}>
            Target date (optional)
          </label>
          <input id={`${hid}-target`} type="date" value={target} aria-invalid={fe.target_on ? 'true' : undefined} onInput={(e) => setTarget((e.currentTarget as HTMLInputElement).value)} />
          {fe.target_on && <p class="error">{fe.target_on}</p>}
        </div>
        <button type="submit" class="btn">
          Add goal
        </button>
      </form>
    </section>
  );
}
