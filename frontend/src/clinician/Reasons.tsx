import type { Reason } from '../api/types';
import { SeverityIcon } from '../ui/Icons';

export function Reasons({ reasons }: { reasons: Reason[] }) {
  return (
    <ul class="reasons">
      {reasons.map((r, i) => (
        <li key={i} class={`reason sev-${r.severity}`}>
          <SeverityIcon severity={r.severity} />
          <span>
            {r.rule && <code>{r.rule}</code>} {r.message}
          </span>
        </li>
      ))}
    </ul>
  );
}
