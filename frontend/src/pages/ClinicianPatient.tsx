import { useEffect, useMemo, useState } from 'preact/hooks';
import { addDays, friendlyDate, lastNDays, shortLabel, todayIn } from '../dates';
import { api } from '../api/client';
import { ApiError, NetworkError, problemMessage } from '../api/http';
import type { Decision, PatientRecord, Reason, Referral } from '../api/types';
import { RED_FLAG_LABEL, phaseName } from '../words';
import { DecisionBadge, ReferralBadge } from '../ui/Badges';
import { SeverityIcon } from '../ui/Icons';
import { Notice, PageTitle } from '../ui/Page';
import { PainChart } from '../ui/PainChart';
import { PatientEpisodes } from './PatientEpisodes';
import { PatientPlan } from './PatientPlan';
import { ClinicianIntake } from '../intake/ClinicianIntake';

type Log = PatientRecord['logs'][number];

interface DayView {
  date: string;
  log: Log | null;
  decision: Decision | null;
  referral: Referral;
  reasons: Reason[];
}

/** One entry per day, newest first: the logged answers, then the current decision of that day. */
function buildDays(record: PatientRecord): DayView[] {
  const byDate = new Map<string, DayView>();
  const get = (d: string) => {
    let v = byDate.get(d);
    if (!v) {
      v = { date: d, log: null, decision: null, referral: null, reasons: [] };
      byDate.set(d, v);
    }
    return v;
  };
  for (const l of record.logs) {
    const v = get(l.log_date);
    v.log = l;
    v.decision = l.decision ?? v.decision;
    v.referral = l.referral ?? null;
  }
  for (const g of record.decisions) {
    const v = get(g.date);
    v.decision = g.decision ?? v.decision;
    v.referral = g.referral ?? v.referral;
    const rs = g.reasons.filter((r) => r.message || r.rule);
    if (rs.length) v.reasons = rs;
  }
  return [...byDate.values()].sort((a, b) => (a.date < b.date ? 1 : -1));
}

const SCORE_FIELDS = [
  ['morning_pain', 'Morning'],
  ['sitting_pain', 'Sitting'],
  ['loading_pain', 'Loading'],
  ['sprint_pain', 'Running'],
  ['glide_pain', 'Glides'],
] as const satisfies readonly (readonly [keyof Log, string])[];

const isSet = (v: number | null | undefined): v is number => v !== null && v !== undefined;

export default function ClinicianPatientPage({ id }: { id: string }) {
  const [data, setData] = useState<PatientRecord | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function load(): Promise<PatientRecord | null> {
    try {
      const d = await api.get('/clinician/patients/{patient_id}', { path: { patient_id: id } });
      setData(d);
      setError(null);
      return d;
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) setError('This patient was not found, or you no longer have access.');
      else if (e instanceof NetworkError) setError('You are offline. Connect to see this patient.');
      else setError(e instanceof ApiError ? problemMessage(e.problem) : 'Could not load this patient.');
      return null;
    }
  }

  useEffect(() => {
    void load();
  }, [id]);

  const profile = data?.profile;
  const name = profile?.display_name ?? 'Patient';
  const today = todayIn(profile?.timezone ?? null);
  const days = useMemo(() => (data ? buildDays(data) : []), [data]);
  const series = useMemo(() => {
    const dates = lastNDays(today, 28);
    const by = new Map(days.map((d) => [d.date, d.log]));
    return {
      dates,
      morning: dates.map((d) => by.get(d)?.morning_pain ?? null),
      sitting: dates.map((d) => by.get(d)?.sitting_pain ?? null),
    };
  }, [days, today]);

  return (
    <>
      <p class="crumbs">
        <a href="/clinician">← All patients</a>
      </p>
      <PageTitle title={name}>{name}</PageTitle>
      {error && <Notice kind="error">{error}</Notice>}
      {!data && !error && <p class="loading">Loading…</p>}
      {data && profile && (
        <>
          <PatientEpisodes key={profile.patient_id} id={id} record={data} today={today} reload={load} />
          <section class="card" aria-labelledby="sum-h">
            <h2 id="sum-h" class="h-section">
              Summary
            </h2>
            <p>
              <strong>{phaseName(profile.phase)}</strong>
              {profile.phase_started_on ? ` since ${friendlyDate(profile.phase_started_on)}` : ''}
            </p>
            {days[0] && (
              <p class="row-gap">
                Latest ({shortLabel(days[0].date)}): <DecisionBadge decision={days[0].decision} /> <ReferralBadge referral={days[0].referral} />
              </p>
            )}
          </section>

          <section class="card" aria-labelledby="chart-h">
            <h2 id="chart-h" class="h-section">
              Morning and sitting pain, last 28 days
            </h2>
            <PainChart data={series} label={`Chart of ${name}'s morning and sitting pain over the last 28 days. Daily values are listed below.`} />
          </section>

          <section class="card" aria-labelledby="days-h">
            <h2 id="days-h" class="h-section">
              Daily decisions
            </h2>
            {days.length === 0 ? (
              <p class="muted">No logs yet.</p>
            ) : (
              <ul class="historylist">
                {days.filter((d) => d.date >= addDays(today, -27)).map((d) => (
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
                    {d.log && d.log.red_flags.length > 0 && (
                      <p class="error">
                        Red flags: {d.log.red_flags.map((f) => RED_FLAG_LABEL[f] ?? String(f)).join('; ')}
                      </p>
                    )}
                    {d.reasons.length > 0 && (
                      <ul class="reasons">
                        {d.reasons.map((r, i) => (
                          <li key={i} class={`reason sev-${r.severity}`}>
                            <SeverityIcon severity={r.severity} />
                            <span>
                              {r.rule && <code>{r.rule}</code>} {r.message}
                            </span>
                          </li>
                        ))}
                      </ul>
                    )}
                    {d.log?.red_flags_reviewed && <p class="muted">Patient ticked “A clinician has checked me and I may continue”.</p>}
                    {d.log && d.log.notes && <p class="note">“{d.log.notes}”</p>}
                  </li>
                ))}
              </ul>
            )}
          </section>

          <PatientPlan key={profile.patient_id} id={id} record={data} reload={load} />
          <ClinicianIntake key={`intake-${profile.patient_id}`} id={id} />
        </>
      )}
    </>
  );
}
