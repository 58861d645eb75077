// Criteria with their live status: met / not yet, in words and a mark (never colour alone).
import type { Criterion } from './types';

function valueText(c: Criterion): string {
  if (c.value === null) return '';
  const v = Math.round(c.value * 10) / 10;
  return `Now: ${v}. `;
}

export function CriteriaList({ items }: { items: Criterion[] }) {
  return (
    <ul class="plain criteria" data-testid="criteria">
      {items.map((c) => (
        <li key={c.id} class={`criterion ${c.met ? 'criterion-met' : 'criterion-not'}`}>
          <span class="criterion-mark" aria-hidden="true">
            {c.met ? '✓' : '○'}
          </span>
          <div>
            <p class="criterion-label">
              <strong>{c.label}</strong> <span class="criterion-status">{c.met ? 'Met' : 'Not yet'}</span>
            </p>
            <p class="hint">{c.text || `${valueText(c)}Target: ${c.target}.`}</p>
          </div>
        </li>
      ))}
    </ul>
  );
}
