// The Overview tab: phase and thresholds first, then the latest guidance, warning signs and
// checks, and the session load (information only).
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client';
import type { PatientRecord } from '../api/types';
import { friendlyDate, shortLabel } from '../dates';
import { phaseName } from '../words';
import { DecisionBadge, ReferralBadge } from '../ui/Badges';
import { PatientEpisodes } from '../pages/PatientEpisodes';
import { PatientPlan } from '../pages/PatientPlan';
import type { DayView } from './days';
import type { ClinicianPlan } from './planTypes';
import { Reasons } from './Reasons';
import { SessionLoadCard } from './SessionLoadCard';

function SessionLoadLoader({ id }: { id: string }) {
  const [load, setLoad] = useState<ClinicianPlan['session_load'] | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    api
      .get('/clinician/patients/{patient_id}/programme', { path: { patient_id: id } })
      .then((p) => setLoad(p.session_load))
      .catch(() => setFailed(true));
  }, [id]);
  if (failed) return <p class="muted">The session load could not be loaded.</p>;
  return load ? <SessionLoadCard load={load} /> : null;
}

export function OverviewTab({ id, record, days, today, reload }: { id: string; record: PatientRecord; days: DayView[]; today: string; reload: () => Promise<PatientRecord | null> }) {
  const profile = record.profile;
  const latest = days[0];
  return (
    <div class="tab-columns">
      <div>
      <p class="phase-line">
        <strong>{phaseName(profile.phase)}</strong>
        {profile.phase_started_on ? ` since ${friendlyDate(profile.phase_started_on)}` : ''}
      </p>
      <PatientPlan key={profile.patient_id} id={id} record={record} reload={reload} />
      </div>
      <div>
      <section class="card" aria-labelledby="latest-h">
        <h2 id="latest-h" class="h-section">
          Latest guidance
        </h2>
        {latest ? (
          <>
            <p class="row-gap">
              {shortLabel(latest.date)}: <DecisionBadge decision={latest.decision} /> <ReferralBadge referral={latest.referral} />
            </p>
            {latest.reasons.length > 0 && <Reasons reasons={latest.reasons} />}
          </>
        ) : (
          <p class="muted">No logs yet.</p>
        )}
      </section>
      <PatientEpisodes key={profile.patient_id} id={id} record={record} today={today} reload={reload} />
      <SessionLoadLoader id={id} />
      </div>
    </div>
  );
}
