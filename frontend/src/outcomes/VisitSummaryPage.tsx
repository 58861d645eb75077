// The visit summary (/clinician/patients/:id/summary): six weeks on one printed A4 page.
import { useEffect } from 'preact/hooks';
import { useLocation } from '../router';
import { api } from '../api/client';
import { formatTimestamp, friendlyDate } from '../dates';
import { COMPONENT_LABEL, RED_FLAG_LABEL } from '../words';

const MADE_BY: Record<string, string> = { guardrails: 'Loadline’s rules', patient: 'patient', clinician: 'clinician' };
import { Loading, Notice, PageTitle } from '../ui/Page';
import { GLOBAL_CHANGE_TEXT, testResult } from './labels';
import { PeriodForm, Weeks } from './SummaryParts';
import { useLoad } from './useLoad';
import type { CheckInBrief, Summary } from './types';
import './outcomes.css';
import './summary.css';

const signed = (v: number) => (v > 0 ? `+${v}` : String(v));
const MAX_LINES = 6;

function More({ total }: { total: number }) {
  return total > MAX_LINES ? <li class="muted">and {total - MAX_LINES} more (see the app)</li> : null;
}

function brief(c: CheckInBrief): string {
  const acts = c.activities.map((a) => `${a.label} ${a.score}`).join(', ');
  return `${friendlyDate(c.week_start)}: ${acts ? `${acts}; ` : ''}confidence ${c.confidence}, worry ${c.fear}, ${GLOBAL_CHANGE_TEXT[c.global_change].toLowerCase()}`;
}

function SummaryView({ s }: { s: Summary }) {
  const d = s.decisions;
  const e = s.episodes;
  const g = s.goals;
  const pc = s.plan_changes;
  return (
    <article class="visit-summary" aria-labelledby="sum-h">
      <header class="sum-head">
        <PageTitle title={`Visit summary: ${s.patient.display_name}`}>
          <span id="sum-h">Visit summary: {s.patient.display_name}</span>
        </PageTitle>
        <p>
          {friendlyDate(s.period.from)} to {friendlyDate(s.period.to)} ({s.period.days} days
          {s.period.basis === 'since_last_visit' && s.period.last_visit_on ? `, since the last visit on ${friendlyDate(s.period.last_visit_on)}` : s.period.basis === 'last_six_weeks' ? ', the last six weeks' : ''}) · Phase {s.patient.phase}: {s.patient.phase_name}
          {s.patient.phase_started_on ? ` since ${friendlyDate(s.patient.phase_started_on)}` : ''} · Prepared for {s.prepared_for}, {formatTimestamp(s.generated_at)}
        </p>
      </header>
      <Weeks s={s} />
      <div class="sum-grid">
        <section aria-labelledby="sum-dec">
          <h2 id="sum-dec" class="h-mini">
            Decisions
          </h2>
          <p>
            {d.decided} days decided: {d.progress} progress, {d.hold} hold, {d.back_off} back off; {d.steps_up} steps up; ready for the next phase on {d.phase_ready_days} days.
          </p>
          {d.top_rules.length > 0 && <p>Most frequent rules: {d.top_rules.slice(0, 4).map((r) => `${r.rule.replace(/_/g, ' ')} (${r.days})`).join(', ')}.</p>}
          {d.referrals.length > 0 && <p>Referrals: {d.referrals.map((r) => `${r.level} ${friendlyDate(r.first_on)}${r.days > 1 ? ` to ${friendlyDate(r.last_on)}` : ''}`).join('; ')}.</p>}
        </section>
        <section aria-labelledby="sum-ep">
          <h2 id="sum-ep" class="h-mini">
            Red-flag episodes
          </h2>
          {e.started.length === 0 && e.open_now.length === 0 ? (
            <p>None begun in the period; none open.</p>
          ) : (
            <ul class="plain">
              {e.started.slice(0, MAX_LINES).map((x) => (
                <li key={x.started_on + x.level}>
                  {friendlyDate(x.started_on)}, {x.level}: {x.flags.map((f) => RED_FLAG_LABEL[f]).join('; ')}
                  {x.open_now ? ' (open now)' : ''}
                </li>
              ))}
              <More total={e.started.length} />
            </ul>
          )}
          {e.checks.length > 0 && <p>Checked: {e.checks.map((c) => `${friendlyDate(c.checked_on)}${c.checked_by ? ` by ${c.checked_by}` : ''}`).join('; ')}.</p>}
        </section>
        <section aria-labelledby="sum-ci">
          <h2 id="sum-ci" class="h-mini">
            Weekly check-ins ({s.check_ins.count})
          </h2>
          {s.check_ins.first ? (
            <ul class="plain">
              <li>First: {brief(s.check_ins.first)}</li>
              {s.check_ins.latest && s.check_ins.count > 1 && <li>Latest: {brief(s.check_ins.latest)}</li>}
              {s.check_ins.change && (
                <li>
                  Change: confidence {signed(s.check_ins.change.confidence)}, worry {signed(s.check_ins.change.fear)}, overall {signed(s.check_ins.change.global_change)}
                </li>
              )}
            </ul>
          ) : (
            <p>None in the period.</p>
          )}
        </section>
        <section aria-labelledby="sum-tests">
          <h2 id="sum-tests" class="h-mini">
            Tests ({s.tests.length})
          </h2>
          {s.tests.length === 0 ? (
            <p>None in the period.</p>
          ) : (
            <ul class="plain">
              {s.tests.slice(0, MAX_LINES).map((t) => (
                <li key={t.id}>
                  {friendlyDate(t.tested_on)} {t.name ?? t.title}: {testResult(t)}
                </li>
              ))}
              <More total={s.tests.length} />
            </ul>
          )}
        </section>
        <section aria-labelledby="sum-plan">
          <h2 id="sum-plan" class="h-mini">
            Plan changes ({pc.total})
          </h2>
          {pc.total === 0 ? (
            <p>None in the period.</p>
          ) : (
            <ul class="plain">
              {pc.changes.slice(0, MAX_LINES).map((c, i) => (
                <li key={i}>
                  {friendlyDate(c.on)} {COMPONENT_LABEL[c.component as keyof typeof COMPONENT_LABEL] ?? c.component}: {c.change ?? c.kind.replace(/_/g, ' ')} ({MADE_BY[c.made_by] ?? c.made_by})
                </li>
              ))}
              <More total={Math.max(pc.total, pc.changes.length)} />
            </ul>
          )}
        </section>
        <section aria-labelledby="sum-goals">
          <h2 id="sum-goals" class="h-mini">
            Goals
          </h2>
          {g.current && <p>Current: {g.current.text}{g.current.target_on ? ` (by ${friendlyDate(g.current.target_on)})` : ''}</p>}
          <p>
            {g.active.length} active, {g.met_in_period.length} met and {g.dropped_in_period.length} dropped in the period; {g.set_in_period} set.
          </p>
          {g.met_in_period.length > 0 && <p>Met: {g.met_in_period.slice(0, 3).map((x) => x.text).join('; ')}</p>}
        </section>
        {s.notes.length > 0 && (
          <section aria-labelledby="sum-notes" class="sum-wide">
            <h2 id="sum-notes" class="h-mini">
              Your notes
            </h2>
            <ul class="plain">
              {s.notes.slice(0, 3).map((n, i) => (
                <li key={i}>
                  {friendlyDate(n.written_on)}
                  {n.shared ? ' (shared)' : ''}: {n.text}
                  {n.truncated ? '…' : ''}
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
      <p class="fineprint">Pain is 0 to 10. Loadline supports, and does not replace, clinical judgement.</p>
    </article>
  );
}

export default function VisitSummaryPage({ id }: { id: string }) {
  const { search } = useLocation();
  const from = search.get('from');
  const to = search.get('to');
  const query: { from?: string; to?: string } = {};
  if (from) query.from = from;
  if (to) query.to = to;
  const { data, error } = useLoad(() => api.get('/clinician/patients/{patient_id}/summary', { path: { patient_id: id }, query }), `${id}|${from}|${to}`);
  useEffect(() => {
    document.body.classList.add('printing-summary');
    return () => document.body.classList.remove('printing-summary');
  }, []);
  return (
    <>
      <p class="crumbs no-print">
        <a href={`/clinician/patients/${encodeURIComponent(id)}`}>Back to the patient</a>{' '}
        <button type="button" class="btn btn-small" onClick={() => window.print()}>
          Print
        </button>
      </p>
      <PeriodForm id={id} s={data} />
      {error && <Notice kind="error">{error}</Notice>}
      {!data && !error && <Loading />}
      {data && <SummaryView s={data} />}
    </>
  );
}
