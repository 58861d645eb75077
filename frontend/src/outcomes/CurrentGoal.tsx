// The current goal for the Today page (mounted there by the lead): one line and a link to goals.
import { api } from '../api/client';
import { friendlyDate } from '../dates';
import { useLoad } from './useLoad';

export function CurrentGoal() {
  const { data, error } = useLoad(() => api.get('/me/goals'), 'current-goal');
  const goal = data?.current ?? null;
  if (error) return null;
  // While it loads, an invisible card of the usual size keeps the page below from jumping (CLS).
  if (!data)
    return (
      <section class="card current-goal current-goal-pending" aria-hidden="true">
        <p class="h-mini">&nbsp;</p>
        <p>&nbsp;</p>
        <p>&nbsp;</p>
      </section>
    );
  return (
    <section class="card current-goal" aria-labelledby="current-goal-h">
      <h2 id="current-goal-h" class="h-mini">
        Your goal
      </h2>
      {goal ? (
        <p>
          {goal.text}
          {goal.target_on ? <span class="hint"> · by {friendlyDate(goal.target_on)}</span> : null}
        </p>
      ) : (
        <p class="hint">No goal set yet.</p>
      )}
      <a href="/goals">{goal ? 'See all goals' : 'Set a goal'}</a>
    </section>
  );
}
