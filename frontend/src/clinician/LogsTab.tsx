// The Logs tab: the pain chart, loading stage, running speed and symptom extent over 28 days
// (each with a summary in words), then the daily logs and decisions.
import { useMemo } from 'preact/hooks';
import { addDays, lastNDays, shortLabel } from '../dates';
import { RED_FLAG_LABEL } from '../words';
import { DecisionBadge, ReferralBadge } from '../ui/Badges';
import { PainChart } from '../ui/PainChart';
import type { DayView, Log } from './days';
import { Reasons } from './Reasons';
import { TrendChart } from './TrendChart';
import { TRENDS, trendSummary } from './trends';

const SCORE_FIELDS = [
  ['morning_pain', 'Morning'],
  ['sitting_pain', 'Sitting'],
  ['loading_pain', 'Loading'],
  ['sprint_pain', 'Running'],
  ['glide_pain', 'Glides'],
] as const satisfies readonly (readonly [keyof Log, string])[];

const isSet = (v: number | null | undefined): v is number => v !== null && v !== undefined;

export function LogsTab({ name, days, today }: { name: string; days: DayView[]; today: string }) {
  const dates = useMemo(() => lastNDays(today, 28), [today]);
  const byDate = useMemo(() => new Map(days.map((d) => [d.date, d.log])), [days]);
  const pain = useMemo(
    () => ({ dates, morning: dates.map((d) => byDate.get(d)?.morning_pain ?? null), sitting: dates.map((d) => byDate.get(d)?.sitting_pain ?? null) }),
    [dates, byDate],
  );
  const trends = useMemo(
    () =>
      TRENDS.map((t) => {
        const values = dates.map((d) => {
          const l = byDate.get(d);
          return l ? t.pick(l) : null;
        });
        return { t, data: { dates, values, range: t.range, ticks: t.ticks, tickLabel: t.tick, label: t.title }, summary: trendSummary(t.title, dates, values, t.words) };
      }),
    [dates, byDate],
  );
  return (
    <>
      <section class="card" aria-labelledby="chart-h">
        <h2 id="chart-h" class="h-section">
          Last 28 days
        </h2>
        <div class="chart-grid">
          <div>
            <h3 class="h-sub">Morning and sitting pain</h3>
            <PainChart data={pain} label={`Chart of ${name}'s morning and sitting pain over the last 28 days. Daily values are listed below.`} />
          </div>
          {trends.map(({ t, data, summary }) => (
            <div key={t.id} data-testid={`trend-${t.id}`}>
              <h3 class="h-sub">{t.title}</h3>
              <TrendChart data={data} summary={summary} />
            </div>
          ))}
        </div>
      </section>

      <section class="card" aria-labelledby="days-h">
        <h2 id="days-h" class="h-section">
          Daily logs and decisions
        </h2>
        {days.length === 0 ? (
          <p class="muted">No logs yet.</p>
        ) : (
          <ul class="historylist">
            {days
              .filter((d) => d.date >= addDays(today, -27))
              .map((d) => (
                <li key={d.date}>
                  <div class="hl-head">
                    <strong>{shortLabel(d.date)}</strong>
                    <span class="row-gap">
                      <DecisionBadge decision={d.decision} />
                      <ReferralBadge referral={d.referral} />
                    </span>
                  </div>
                  {d.log && (
                    <p class="hl-values">
                      {SCORE_FIELDS.map(([k, label]) => (isSet(d.log![k]) ? `${label} ${d.log![k]}/10` : null))
                        .filter(Boolean)
                        .join(' · ') || 'No pain scores'}
                      {isSet(d.log.sitting_tolerance_min) ? ` · Sits ${d.log.sitting_tolerance_min} min` : ''}
                    </p>
                  )}
                  {d.log && d.log.red_flags.length > 0 && <p class="error">Red flags: {d.log.red_flags.map((f) => RED_FLAG_LABEL[f] ?? String(f)).join('; ')}</p>}
                  {d.reasons.length > 0 && <Reasons reasons={d.reasons} />}
                  {d.log?.red_flags_reviewed && <p class="muted">Patient ticked “A clinician has checked me and I may continue”.</p>}
                  {d.log && d.log.notes && <p class="note">“{d.log.notes}”</p>}
                </li>
              ))}
          </ul>
        )}
      </section>
    </>
  );
}
