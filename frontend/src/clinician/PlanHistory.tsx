// Every version of a patient's plan, newest first: who, when and why (a rule ID or "clinician").
// A lock in force is listed at the time it was set (the API keeps no record of past locks).
import { useState } from 'preact/hooks';
import { formatTimestamp, shortLabel } from '../dates';
import { COMPONENTS, COMPONENT_NAME, madeByWords, reasonWords, type PlanComponent, type PlanVersion } from './planTypes';

export interface LockEntry {
  component: PlanComponent;
  locked_by: string | null;
  locked_at: string;
}

type Entry = { at: string; version: PlanVersion; lock?: undefined } | { at: string; lock: LockEntry; version?: undefined };

export function PlanHistory({ versions, locks }: { versions: PlanVersion[]; locks: LockEntry[] }) {
  const [only, setOnly] = useState<PlanComponent | ''>('');
  const all: Entry[] = [...versions.map((v) => ({ at: v.created_at, version: v })), ...locks.map((l) => ({ at: l.locked_at, lock: l }))];
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
          {shown.map(({ version: v, lock }) =>
            lock ? (
              <li key={`lock-${lock.component}`}>
                <p>
                  <strong>{COMPONENT_NAME[lock.component]} locked</strong>: only a clinician changes it until it is unlocked.
                </p>
                <p class="muted">
                  {formatTimestamp(lock.locked_at)} · by {lock.locked_by ?? 'a clinician'} · why: clinician
                </p>
              </li>
            ) : (
            <li key={v.id}>
              <p>
                <strong>
                  {COMPONENT_NAME[v.component]}, version {v.number}
                </strong>
                : {v.change ?? v.prescription.text}
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
