// The dashboard on a desk (1024 px and wider): a table sorted by any column (aria-sort).
import type { PatientRow } from '../api/types';
import { Acknowledged, DecisionOrStale, FlagChips } from '../dashboard/RowParts';
import { type Sort, type SortKey, nextSort, sortRows } from '../dashboard/rows';
import { shortLabel } from '../dates';
import { flagWords } from '../episodes';
import { Sparkline } from '../ui/Sparkline';
import { EPISODE_TEXT, PHASES } from '../words';
import { TREND_LABEL, alerting, patientHref } from './PatientCards';

const COLUMNS: { key: SortKey; label: string }[] = [
  { key: 'urgency', label: 'Urgency' },
  { key: 'name', label: 'Name' },
  { key: 'phase', label: 'Phase' },
  { key: 'days', label: 'Days since log' },
  { key: 'decision', label: 'Decision' },
  { key: 'referral', label: 'Referral and flags' },
  { key: 'adherence', label: 'Adherence (14 days)' },
  { key: 'confidence', label: 'Confidence (0–10)' },
  { key: 'trend', label: 'Morning pain, 7 days' },
];

function phaseShort(n: number): string {
  const p = PHASES.find((x) => x.phase === n);
  return p ? `${p.phase} · ${p.name}` : 'Not set';
}

function SortHeader({ col, sort, onSort }: { col: (typeof COLUMNS)[number]; sort: Sort; onSort: (s: Sort) => void }) {
  const active = sort.key === col.key;
  return (
    <th scope="col" aria-sort={active ? sort.dir : undefined}>
      <button type="button" class="sort-btn" onClick={() => onSort(nextSort(sort, col.key))}>
        {col.label}
        <span class="sort-mark" aria-hidden="true">
          {active ? (sort.dir === 'ascending' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    </th>
  );
}

function Row({ p, rank }: { p: PatientRow; rank: number }) {
  const episodes = p.open_episodes ?? [];
  return (
    <tr class={alerting(p) ? 'desk-alert' : undefined}>
      <td class="num">{rank}</td>
      <th scope="row">
        <a href={patientHref(p)}>{p.display_name}</a>
      </th>
      <td>{phaseShort(p.phase)}</td>
      <td class="num">{p.days_since_log ?? 'Never logged'}</td>
      <td>
        <DecisionOrStale row={p} />
      </td>
      <td>
        <FlagChips row={p} />
        {episodes.map((e) => (
          <p key={e.started_on} class="desk-episode">
            Warning signs since {shortLabel(e.started_on)} ({EPISODE_TEXT[e.level]?.short ?? e.level}): {flagWords(e.flags)}
          </p>
        ))}
        <Acknowledged by={p.acknowledged_by} at={p.acknowledged_at} />
      </td>
      <td class="num">{Number.isFinite(p.adherence_14d) ? `${Math.round(p.adherence_14d * 100)}%` : '–'}</td>
      <td class="num">{p.latest_confidence ?? <span class="muted">No check-in</span>}</td>
      <td>
        <div class="desk-trend">
          <Sparkline values={Array.isArray(p.morning_pain_7d) ? p.morning_pain_7d : []} scale />
          <span class={`trend trend-${p.trend ?? 'none'}`}>{p.trend ? (TREND_LABEL[p.trend] ?? p.trend) : 'No trend yet'}</span>
        </div>
      </td>
    </tr>
  );
}

/** `rows` in the server's urgency order (the Urgency column keeps that rank whatever the sort). */
export function DeskTable({ rows, shown, sort, onSort }: { rows: readonly PatientRow[]; shown: readonly PatientRow[]; sort: Sort; onSort: (s: Sort) => void }) {
  const rank = new Map(rows.map((r, i) => [r.patient_id, i + 1]));
  const label = COLUMNS.find((c) => c.key === sort.key)?.label ?? '';
  return (
    <div class="desk-scroll">
      <table class="desk-table">
        <caption class="sr-only">
          Your patients, sorted by {label.toLowerCase()}, {sort.dir}. Column headers are buttons that sort.
        </caption>
        <thead>
          <tr>
            {COLUMNS.map((c) => (
              <SortHeader key={c.key} col={c} sort={sort} onSort={onSort} />
            ))}
          </tr>
        </thead>
        <tbody>
          {sortRows(shown, sort).map((p) => (
            <Row key={p.patient_id} p={p} rank={rank.get(p.patient_id) ?? 0} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
