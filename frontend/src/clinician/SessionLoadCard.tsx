// Session load (session RPE x minutes, Foster): information for the clinician only; it never
// changes the plan or the guidance.
import { shortLabel } from '../dates';
import type { ClinicianPlan } from './planTypes';

export function SessionLoadCard({ load }: { load: ClinicianPlan['session_load'] }) {
  const weeks = load.weeks.slice(-6);
  return (
    <section class="card" aria-labelledby="load-h">
      <h2 id="load-h" class="h-section">
        Session load (information only)
      </h2>
      <p class="hint">{load.note}</p>
      {weeks.length === 0 ? (
        <p class="muted">No sessions with effort and minutes logged yet.</p>
      ) : (
        <table class="load-table">
          <caption class="sr-only">Weekly session load: effort (0 to 10) times minutes, added up per week</caption>
          <thead>
            <tr>
              <th scope="col">Week of</th>
              <th scope="col">Sessions</th>
              <th scope="col">Load</th>
            </tr>
          </thead>
          <tbody>
            {weeks.map((w) => (
              <tr key={w.week_start}>
                <th scope="row">{shortLabel(w.week_start)}</th>
                <td>{w.sessions}</td>
                <td>{w.load}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
