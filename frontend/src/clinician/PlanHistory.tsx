// Every version of a patient's plan and every lock and unlock, newest first: who, when and why
// (a rule ID, "clinician", or an assessment's emphasis).
import { useState } from 'preact/hooks';
import { formatTimestamp, shortLabel } from '../dates';
import { COMPONENTS, COMPONENT_NAME, changeWords, lockReasonWords, madeByWords, reasonWords, type PlanComponent, type PlanLockEvent, type PlanVersion } from './planTypes';

type Entry = { at: string; version: PlanVersion; lock?: undefined } | { at: string; lock: PlanLockEvent; version?: undefined };

export function PlanHistory({ versions, locks }: { versions: PlanVersion[]; locks: PlanLockEvent[] }) {
  const [only, setOnly] = useState<PlanComponent | ''>('');
  const all: Entry[] = [...versions.map((v) => ({ at: v.created_at, version: v })), ...locks.map((l) => ({ at: l.created_at, lock: l }))];
  all.sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
  const shown = only ? all.filter((e) => (e.version ?? e.lock).component === only) : all;
  return (
    <section class="card" aria-labelledby="rxh-h">
      <h2 id="rxh-h" class="h-section">
        Plan history
      </h2>
      <div class="field">
        <label class="label" for="rxh-only">
          Show
        </label>
        <select id="rxh-only" value={only} onChange={(e) => setOnly((e.currentTarget as HTMLSelectElement).value as PlanComponent | '')}>
          <option value="">Every component</option>
          {COMPONENTS.map((c) => (
            <option key={c} value={c}>
              {COMPONENT_NAME[c]}
            </option>
          ))}
        </select>
      </div>
      {shown.length === 0 ? (
        <p class="muted">No changes yet.</p>
      ) : (
        <ol class="plain plan-history" data-testid="plan-history">
          {shown.map(({ version: v, lock }, i) =>
            lock ? (
              <li key={`lock-${lock.component}-${lock.created_at}-${i}`}>
                <p>
                  {lock.locked ? (
                    <>
                      <strong>{COMPONENT_NAME[lock.component]} locked</strong>: only a clinician changes it until it is unlocked.
                    </>
                  ) : (
                    <>
                      <strong>{COMPONENT_NAME[lock.component]} unlocked</strong>: the guidance may move it again.
                    </>
                  )}
                </p>
                <p class="muted">
                  {formatTimestamp(lock.created_at)} · by {lock.made_by_name ? `${lock.made_by_name}, a clinician` : 'a clinician'}
                  {lockReasonWords(lock.reason) ? ` · why: ${lockReasonWords(lock.reason)}` : ''}
                </p>
              </li>
            ) : (
            <li key={v.id}>
              <p>
                <strong>
                  {COMPONENT_NAME[v.component]}, version {v.number}
                </strong>
                : {v.change ? changeWords(v.component, v.change) : v.prescription.text}
              </p>
              <p class="muted">
                {formatTimestamp(v.created_at)} · by {madeByWords(v)} · why: {reasonWords(v)}
                {v.decision_date ? ` (guidance of ${shortLabel(v.decision_date)})` : ''}
              </p>
              {v.note && <p class="note">“{v.note}”</p>}
            </li>
            ),
          )}
        </ol>
      )}
    </section>
  );
}
