import { useRef, useState } from 'preact/hooks';
import { formatTimestamp } from '../dates';
import { ApiError, NetworkError, problemMessage, readProblem } from '../api/http';
import { apiResponse } from '../api/client';
import type { PatientRow } from '../api/types';
import { EPISODE_TEXT, FLAG_LABEL, phaseName } from '../words';
import { DecisionBadge, ReferralBadge } from '../ui/Badges';
import { Alert } from '../ui/Icons';
import { flagWords } from '../episodes';
import { shortLabel } from '../dates';
import { Notice, PageTitle } from '../ui/Page';
import { RedeemForm } from '../ui/Redeem';
import { usePolling } from '../ui/usePolling';

const TREND_LABEL: Record<string, string> = { improving: 'Improving', stable: 'Stable', worsening: 'Worsening' };

/** A 7-day morning-pain sparkline drawn as SVG (gaps where a day was not logged). */
export function Sparkline({ values }: { values: (number | null)[] }) {
  const w = 96;
  const h = 32;
  const n = Math.max(values.length, 2);
  const xAt = (i: number) => 4 + (i * (w - 8)) / (n - 1);
  const yAt = (v: number) => h - 4 - (Math.max(0, Math.min(10, v)) / 10) * (h - 8);
  const segments: string[] = [];
  let cur: string[] = [];
  values.forEach((v, i) => {
    if (v === null || v === undefined || !Number.isFinite(v)) {
      if (cur.length) segments.push(cur.join(' '));
      cur = [];
    } else cur.push(`${xAt(i).toFixed(1)},${yAt(v).toFixed(1)}`);
  });
  if (cur.length) segments.push(cur.join(' '));
  const spoken = values.map((v) => (v === null || v === undefined ? 'not logged' : String(v))).join(', ');
  return (
    <svg class="sparkline" viewBox={`0 0 ${w} ${h}`} width={w} height={h} role="img" aria-label={`Morning pain, last 7 days: ${spoken}`}>
      <line x1="0" x2={w} y1={yAt(5)} y2={yAt(5)} class="spark-ref" />
      {segments.map((pts, i) => (
        <polyline key={i} points={pts} class="spark-line" />
      ))}
      {values.map((v, i) =>
        v === null || v === undefined ? null : <circle key={i} cx={xAt(i)} cy={yAt(v)} r="2.2" class="spark-dot" />,
      )}
    </svg>
  );
}

function daysText(p: PatientRow): string {
  if (p.days_since_log === null || p.days_since_log === undefined) return 'No logs yet';
  if (p.days_since_log === 0) return 'Logged today';
  if (p.days_since_log === 1) return 'Last log yesterday';
  return `Last log ${p.days_since_log} days ago`;
}

function adherenceText(a: number | null | undefined): string | null {
  if (a === null || a === undefined || !Number.isFinite(a)) return null;
  if (a <= 1) return `Logged ${Math.round(a * 100)}% of the last 14 days`;
  return `Logged ${Math.round(a)} of the last 14 days`;
}

function alerting(p: PatientRow): boolean {
  return p.referral === 'urgent' || p.referral === 'emergency' || (p.flags ?? []).includes('open_episode');
}

/** The row's open red-flag episodes: date, level and signs, until a check closes them. */
function OpenEpisodes({ row }: { row: PatientRow }) {
  return (
    <div class="pc-episodes">
      <Alert />
      <ul class="plain">
        {(row.open_episodes ?? []).map((e) => (
          <li key={e.started_on}>
            <strong>
              Warning signs {shortLabel(e.started_on)} · {EPISODE_TEXT[e.level].short}
            </strong>
            : {flagWords(e.flags)}. Not checked yet.
          </li>
        ))}
      </ul>
    </div>
  );
}

export default function ClinicianListPage() {
  const [rows, setRows] = useState<PatientRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [checkedAt, setCheckedAt] = useState<number | null>(null);
  const etag = useRef<string | null>(null);

  async function load() {
    try {
      const headers: Record<string, string> = {};
      if (etag.current && rows !== null) headers['If-None-Match'] = etag.current;
      const res = await apiResponse.get('/clinician/patients', { headers });
      if (res.status === 304) {
        setCheckedAt(Date.now());
        return;
      }
      if (!res.ok) throw new ApiError(res.status, await readProblem(res));
      etag.current = res.headers.get('ETag');
      const data = await res.json();
      setRows(Array.isArray(data.patients) ? data.patients : []);
      setError(null);
      setCheckedAt(Date.now());
    } catch (e) {
      setError(e instanceof NetworkError ? 'You are offline. The list will update when you reconnect.' : e instanceof ApiError ? problemMessage(e.problem) : 'Could not load patients.');
      setRows((r) => r ?? []);
    }
  }

  usePolling(load, 30_000);

  return (
    <>
      <PageTitle title="Patients">Patients</PageTitle>
      <RedeemForm
        who="patient"
        onLinked={() => {
          etag.current = null;
          void load();
        }}
      />
      {error && <Notice kind="error">{error}</Notice>}
      <section aria-labelledby="plist-h">
        <h2 id="plist-h" class="h-section">
          Your patients <span class="muted small">(most urgent first)</span>
        </h2>
        {checkedAt && <p class="hint">Updated {formatTimestamp(checkedAt)}. Refreshes every 30 seconds.</p>}
        {rows === null ? (
          <p class="loading">Loading…</p>
        ) : rows.length === 0 ? (
          <p class="muted">No patients yet. Ask a patient for a sharing code and add it above.</p>
        ) : (
          <ul class="patient-list">
            {rows.map((p) => (
              <li key={p.patient_id} class={`patient-card${alerting(p) ? ' patient-alert' : ''}`}>
                <div class="pc-head">
                  <h3 class="pc-name">
                    <a href={`/clinician/patients/${encodeURIComponent(p.patient_id)}`}>{p.display_name}</a>
                  </h3>
                  <DecisionBadge decision={p.decision} />
                </div>
                {(p.referral || (p.flags ?? []).length > 0) && (
                  <ul class="chips" aria-label="Flags">
                    {p.referral && (
                      <li>
                        <ReferralBadge referral={p.referral} />
                      </li>
                    )}
                    {(p.flags ?? [])
                      .filter((f) => !(f === 'referral' && p.referral))
                      .map((f) => (
                        <li key={f} class={`chip chip-${f}`}>
                          {FLAG_LABEL[f] ?? f.replace(/_/g, ' ')}
                        </li>
                      ))}
                  </ul>
                )}
                {(p.open_episodes ?? []).length > 0 && <OpenEpisodes row={p} />}
                <div class="pc-body">
                  <div>
                    <p>{daysText(p)}</p>
                    <p class="muted">{phaseName(p.phase)}</p>
                    {adherenceText(p.adherence_14d) && <p class="muted">{adherenceText(p.adherence_14d)}</p>}
                  </div>
                  <div class="pc-trend">
                    <Sparkline values={Array.isArray(p.morning_pain_7d) ? p.morning_pain_7d : []} />
                    <span class={`trend trend-${p.trend ?? 'none'}`}>{p.trend ? TREND_LABEL[p.trend] ?? p.trend : 'No trend yet'}</span>
                  </div>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
