// The phase page (/phase): what this phase is for, what to do and avoid, the criteria for the
// next phase with the patient's live status, and the six phases on a timeline. Texts are the API's.
import { api } from '../api/client';
import { friendlyDate } from '../dates';
import { Loading, Notice, PageTitle } from '../ui/Page';
import { CriteriaList } from './CriteriaList';
import { useLoad } from './useLoad';
import type { Phase } from './types';
import './outcomes.css';

const STATUS_TEXT = { done: 'Done', current: 'You are here', ahead: 'Ahead' } as const;

export function PhaseView({ phase: p }: { phase: Phase }) {
  return (
    <>
      <section class="card" aria-labelledby="phase-purpose-h">
        <h2 id="phase-purpose-h" class="h-section">
          What this phase is for
        </h2>
        <p>{p.purpose}</p>
        {p.started_on && (
          <p class="hint">
            Since {friendlyDate(p.started_on)}
            {p.days_in_phase !== null ? ` (${p.days_in_phase} days)` : ''}.
          </p>
        )}
      </section>
      <section class="card" aria-labelledby="phase-do-h">
        <h2 id="phase-do-h" class="h-section">
          What to do
        </h2>
        <ul>
          {p.do.map((d) => (
            <li key={d}>{d}</li>
          ))}
        </ul>
        <h3 class="h-sub">Your plan now</h3>
        <ul>
          <li>Loading: {p.plan.loading}</li>
          <li>Nerve glides: {p.plan.neural}</li>
          <li>Running: {p.plan.running_cap}</li>
        </ul>
      </section>
      <section class="card" aria-labelledby="phase-avoid-h">
        <h2 id="phase-avoid-h" class="h-section">
          What to avoid
        </h2>
        <ul>
          {p.avoid.map((d) => (
            <li key={d}>{d}</li>
          ))}
        </ul>
      </section>
      <section class="card" aria-labelledby="phase-next-h">
        <h2 id="phase-next-h" class="h-section">
          {p.next_phase ? `Before phase ${p.next_phase.number}: ${p.next_phase.name}` : 'The last phase'}
        </h2>
        {p.criteria.items.length > 0 && (
          <p>
            <strong>
              {p.criteria.met} of {p.criteria.items.length} met
            </strong>
            {p.criteria.all_met && p.criteria.kind === 'automatic' ? '. Your clinician decides when you move on.' : '.'}
          </p>
        )}
        <CriteriaList items={p.criteria.items} />
        {p.criteria.note && <p class="hint">{p.criteria.note}</p>}
        {p.criteria.review_confirmed_on && <p>Your clinician reviewed these on {friendlyDate(p.criteria.review_confirmed_on)}.</p>}
      </section>
      <section class="card" aria-labelledby="phase-timeline-h">
        <h2 id="phase-timeline-h" class="h-section">
          All six phases
        </h2>
        <p>{p.total_typical}</p>
        <ol class="plain timeline">
          {p.timeline.map((t) => (
            <li key={t.number} class={`tl tl-${t.status}`} aria-current={t.status === 'current' ? 'step' : undefined}>
              <span class="tl-n" aria-hidden="true">
                {t.number}
              </span>
              <div>
                <p class="tl-name">
                  <span class="sr-only">Phase {t.number}: </span>
                  {t.name} <span class="tl-status">{STATUS_TEXT[t.status]}</span>
                </p>
                <p class="hint">Typically {t.typical}</p>
              </div>
            </li>
          ))}
        </ol>
        <p class="hint">{p.timeline_note}</p>
      </section>
      {p.sources.length > 0 && (
        <details class="past">
          <summary>Sources ({p.sources.length})</summary>
          <ul class="small">
            {p.sources.map((s) => (
              <li key={s.id}>
                [{s.id}] {s.title}
              </li>
            ))}
          </ul>
        </details>
      )}
      <p class="fineprint">{p.disclaimer}</p>
    </>
  );
}

export default function PhasePage() {
  const { data, error } = useLoad(() => api.get('/me/phase'));
  return (
    <>
      <PageTitle title="Your phase">{data ? `Phase ${data.phase}: ${data.name}` : 'Your phase'}</PageTitle>
      {error && <Notice kind="error">{error}</Notice>}
      {!data && !error && <Loading />}
      {data && (
        <>
          <PhaseView phase={data} />
          {data.cards.length > 0 && (
            <p>
              <a href="/learn">Read the short guides for this phase</a>
            </p>
          )}
        </>
      )}
    </>
  );
}
