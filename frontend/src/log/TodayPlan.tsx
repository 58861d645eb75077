// Today's plan inside the session log: per component what to do (exercises with doses, run band
// and minutes, glide and reps, sitting target), a clinician's lock marked in words, and the two
// answers: "Done as prescribed" (one tap: records the plan's doses in `performed`, fills the
// loading stage or glide type and opens that section for its pain score) or "Changed" (opens the
// doses to edit). Nothing is marked done for the patient: each day starts unanswered.
import type { Component, Plan, Prescription } from '../api/types';
import { COMPONENT_LABEL, COMPONENTS } from '../words';
import { DoseEditor } from './DoseEditor';
import { focusField } from './focusField';
import { asPrescribed, changedFrom, doneState, hasWork } from './plan';
import type { DayLog } from './useDayLog';

/** The pain question each session component still needs once it is marked done. */
const PAIN_FIELD: Partial<Record<Component, { key: string; label: string }>> = {
  tendon: { key: 'loading_pain', label: 'pain during loading' },
  running: { key: 'sprint_pain', label: 'pain while running' },
  neural: { key: 'glide_pain', label: 'pain from the glides' },
};


function PlanItem({ c, plan, day }: { c: Component; plan: Plan; day: DayLog }) {
  const comp = plan.components[c];
  const rx: Prescription = comp.current;
  const label = COMPONENT_LABEL[c];
  const state = doneState(day.view.form, c);
  const work = hasWork(rx);
  const done = day.view.form.performed?.[c] ?? null;
  return (
    <li class={`plan-item plan-${state}`} data-testid={`plan-${c}`}>
      <div class="plan-head">
        <h3 class="h-sub plan-name">{label}</h3>
        {comp.locked && <span class="badge badge-locked">Set by your clinician</span>}
      </div>
      {c === 'tendon' && (rx.exercises ?? []).length > 0 ? (
        <ul class="plan-doses">
          {(rx.exercises ?? []).map((e) => (
            <li key={e.exercise}>
              {e.name}: <strong>{e.text}</strong>
            </li>
          ))}
        </ul>
      ) : (
        <p class="plan-text">{rx.text}</p>
      )}
      {work && (
        <div class="plan-answers" role="group" aria-label={`${label}: how it went`}>
          <button
            type="button"
            class={`btn btn-small${state === 'prescribed' ? ' btn-on' : ''}`}
            aria-pressed={state === 'prescribed'}
            onClick={() => day.edit.plan(rx, state === 'prescribed' ? null : asPrescribed(rx))}
          >
            {state === 'prescribed' && <span aria-hidden="true">✓ </span>}
            <span class="sr-only">{label}: </span>Done as prescribed
          </button>
          <button
            type="button"
            class={`btn btn-small${state === 'changed' ? ' btn-on' : ''}`}
            aria-pressed={state === 'changed'}
            onClick={() => day.edit.plan(rx, state === 'changed' ? null : changedFrom(rx))}
          >
            {state === 'changed' && <span aria-hidden="true">✓ </span>}
            <span class="sr-only">{label}: </span>Changed
          </button>
        </div>
      )}
      {state === 'prescribed' && (
        <p class="hint plan-done">
          Recorded as prescribed.
          {PAIN_FIELD[c] && day.view.form[PAIN_FIELD[c]!.key as keyof typeof day.view.form] == null && (
            <>
              {' '}
              <a href={`#${PAIN_FIELD[c]!.key}`} onClick={(e) => focusField(e, PAIN_FIELD[c]!.key)}>
                Now add your {PAIN_FIELD[c]!.label}
              </a>
              .
            </>
          )}
        </p>
      )}
      {done && done.version_id !== rx.version_id && <p class="hint">You logged the plan as it was before its latest change; the dose above is for your next session.</p>}
      {state === 'changed' && done && <DoseEditor rx={rx} done={done} onChange={(d) => day.edit.plan(rx, d)} />}
    </li>
  );
}

export function TodayPlan({ plan, day, today }: { plan: Plan | null; day: DayLog; today: string }) {
  if (!plan) return null;
  const heading = day.date === today ? 'Today’s plan' : 'Your plan';
  return (
    <section class="card plan" aria-labelledby="plan-h" data-testid="today-plan">
      <h2 id="plan-h" class="h-section">
        {heading}
      </h2>
      <p class="hint">Tap what you did. Nothing is filled in until you answer.</p>
      <ul class="plan-items">
        {COMPONENTS.map((c) => (
          <PlanItem key={c} c={c} plan={plan} day={day} />
        ))}
      </ul>
    </section>
  );
}
