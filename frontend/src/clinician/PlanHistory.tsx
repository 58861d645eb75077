// Every version of a patient's plan, newest first: who, when and why (a rule ID or "clinician").
import { useState } from 'preact/hooks';
import { formatTimestamp, shortLabel } from '../dates';
import { COMPONENTS, COMPONENT_NAME, madeByWords, reasonWords, type PlanComponent, type PlanVersion } from './planTypes';

export function PlanHistory({ versions }: { versions: PlanVersion[] }) {
  const [only, setOnly] = useState<PlanComponent | ''>('');
  const shown = only ? versions.filter((v) => v.component === only) : versions;
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
          {shown.map((v) => (
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
          ))}
        </ol>
      )}
    </section>
  );
}
