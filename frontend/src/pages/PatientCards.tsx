// The dashboard on a phone: one card per patient, most urgent first.
import type { PatientRow } from '../api/types';
import { Acknowledged, DecisionOrStale, FlagChips, OpenEpisodes } from '../dashboard/RowParts';
import { lastLogText } from '../dashboard/rows';
import { Sparkline } from '../ui/Sparkline';
import { phaseName } from '../words';

export const TREND_LABEL: Record<string, string> = { improving: 'Improving', stable: 'Stable', worsening: 'Worsening' };

export function adherenceText(a: number | null | undefined): string | null {
  if (a === null || a === undefined || !Number.isFinite(a)) return null;
  return `Logged ${Math.round(a * 100)}% of the last 14 days`;
}

export function alerting(p: PatientRow): boolean {
  return p.referral === 'urgent' || p.referral === 'emergency' || (p.flags ?? []).includes('open_episode');
}

export function patientHref(p: PatientRow): string {
  return `/clinician/patients/${encodeURIComponent(p.patient_id)}`;
}

export function PatientCards({ rows }: { rows: readonly PatientRow[] }) {
  return (
    <ul class="patient-list">
      {rows.map((p) => (
        <li key={p.patient_id} class={`patient-card${alerting(p) ? ' patient-alert' : ''}`}>
          <div class="pc-head">
            <h3 class="pc-name">
              <a href={patientHref(p)}>{p.display_name}</a>
            </h3>
            <DecisionOrStale row={p} />
          </div>
          <FlagChips row={p} />
          <OpenEpisodes row={p} />
          <Acknowledged by={p.acknowledged_by} at={p.acknowledged_at} />
          <div class="pc-body">
            <div>
              <p>{lastLogText(p)}</p>
              <p class="muted">{phaseName(p.phase)}</p>
              {adherenceText(p.adherence_14d) && <p class="muted">{adherenceText(p.adherence_14d)}</p>}
            </div>
            <div class="pc-trend">
              <Sparkline values={Array.isArray(p.morning_pain_7d) ? p.morning_pain_7d : []} scale />
              <span class={`trend trend-${p.trend ?? 'none'}`}>{p.trend ? (TREND_LABEL[p.trend] ?? p.trend) : 'No trend yet'}</span>
            </div>
          </div>
        </li>
      ))}
    </ul>
  );
}
