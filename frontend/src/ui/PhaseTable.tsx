import { PHASES } from '../words';

/** The treatment plan's phases (from guardrails.md), with the patient's current one marked. */
export function PhaseTable({ current }: { current?: number | null }) {
  return (
    <table class="phase-table">
      <caption class="sr-only">Rehabilitation phases</caption>
      <thead>
        <tr>
          <th scope="col">Phase</th>
          <th scope="col">Loading</th>
          <th scope="col">Running cap</th>
          <th scope="col">Nerve glides</th>
        </tr>
      </thead>
      <tbody>
        {PHASES.map((p) => (
          <tr key={p.phase} class={p.phase === current ? 'current' : undefined} aria-current={p.phase === current ? 'step' : undefined}>
            <th scope="row">
              {p.phase}. {p.name}
              {p.phase === current && <span class="tag">You are here</span>}
            </th>
            <td data-label="Loading">{p.loading}</td>
            <td data-label="Running cap">{p.running}</td>
            <td data-label="Nerve glides">{p.neural}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
