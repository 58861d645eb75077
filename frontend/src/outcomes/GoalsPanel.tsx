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

const STATUSES: GoalStatus[] = ['active', 'met', 'dropped'];

function GoalRow({ goal, onStatus }: { goal: Goal; onStatus: (s: GoalStatus) => Promise<void> }) {
  const [busy, setBusy] = useState(false);
  const id = `goal-${goal.id}`;
  return (
    <li class="goal-row" aria-labelledby={`${id}-text`}>
      <p id={`${id}-text`} class="goal-text">
        {goal.text}
      </p>
      <p class="hint">
        {goal.target_on ? `Target: ${friendlyDate(goal.target_on)}. ` : 'No target date. '}
        {goal.current ? 'Shown on your Today page. ' : ''}
        {goal.set_by ? `Set by ${goal.set_by}. ` : ''}
        {goal.status !== 'active' && goal.status_on ? `${GOAL_STATUS_TEXT[goal.status]} on ${friendlyDate(goal.status_on)}.` : ''}
      </p>
      <div class="field inline-field">
        <label class="label" for={`${id}-status`}>
          Status of “{goal.text.length > 40 ? `${goal.text.slice(0, 40)}…` : goal.text}”
        </label>
        <select
          id={`${id}-status`}
          value={goal.status}
          disabled={busy}
          onChange={async (e) => {
            setBusy(true);
            await onStatus((e.currentTarget as HTMLSelectElement).value as GoalStatus);
            setBusy(false);
          }}
        >
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {GOAL_STATUS_TEXT[s]}
            </option>
          ))}
        </select>
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
            <GoalRow key={g.id} goal={g} onStatus={(s) => setStatus(g, s)} />
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
