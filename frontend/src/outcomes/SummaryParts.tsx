// The visit summary's week table and its period picker.
import { useEffect, useState } from 'preact/hooks';
import { friendlyDate } from '../dates';
import { navigate } from '../router';
import type { Summary } from './types';

const n1 = (v: number | null) => (v === null ? '–' : String(Math.round(v * 10) / 10));

export function Weeks({ s }: { s: Summary }) {
  return (
    <table class="data-table sum-weeks" tabIndex={0} /* it scrolls sideways on a phone: reachable by keyboard */>
      <caption>
        Week by week ({s.logs.days_logged} of {s.logs.days} days logged, {s.logs.adherence_pct}%)
      </caption>
      <thead>
        <tr>
          <th scope="col">Week of</th>
          <th scope="col">Days logged</th>
          <th scope="col">Morning pain mean / max</th>
          <th scope="col">Sitting pain</th>
          <th scope="col">Sitting min</th>
          <th scope="col">Loading (top stage)</th>
          <th scope="col">Runs (top %)</th>
          <th scope="col">Glide days</th>
          <th scope="col">Progress / hold / back off</th>
          <th scope="col">Referral / red-flag days</th>
          <th scope="col">Check-in conf. / worry</th>
        </tr>
      </thead>
      <tbody>
        {s.weeks.map((w) => (
          <tr key={w.week_start}>
            <th scope="row">{friendlyDate(w.week_start)}</th>
            <td>
              {w.days_logged}/{w.days}
            </td>
            <td>
              {n1(w.morning_pain_mean)} / {w.morning_pain_max ?? '–'}
            </td>
            <td>{n1(w.sitting_pain_mean)}</td>
            <td>{n1(w.sitting_tolerance_mean)}</td>
            <td>
              {w.loading_sessions}
              {w.top_stage !== null ? ` (${w.top_stage})` : ''}
            </td>
            <td>
              {w.runs}
              {w.top_speed_pct !== null ? ` (${w.top_speed_pct})` : ''}
            </td>
            <td>{w.glide_days}</td>
            <td>
              {w.progress} / {w.hold} / {w.back_off}
            </td>
            <td>
              {w.referral_days} / {w.red_flag_days}
            </td>
            <td>{w.check_in ? `${w.check_in.confidence} / ${w.check_in.fear}` : '–'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function PeriodForm({ id, s }: { id: string; s: Summary | null }) {
  const [from, setFrom] = useState(s?.period.from ?? '');
  const [to, setTo] = useState(s?.period.to ?? '');
  useEffect(() => {
    if (s) {
      setFrom(s.period.from);
      setTo(s.period.to);
    }
  }, [s]);
  return (
    <form
      class="period-form no-print"
      onSubmit={(e) => {
        e.preventDefault();
        const q = new URLSearchParams();
        if (from) q.set('from', from);
        if (to) q.set('to', to);
        navigate(`/clinician/patients/${encodeURIComponent(id)}/summary?${q.toString()}`);
      }}
    >
      <div class="field inline-field">
        <label class="label" for="sum-from">
          From
        </label>
        <input id="sum-from" type="date" value={from} onInput={(e) => setFrom((e.currentTarget as HTMLInputElement).value)} />
      </div>
      <div class="field inline-field">
        <label class="label" for="sum-to">
          To
        </label>
        <input id="sum-to" type="date" value={to} onInput={(e) => setTo((e.currentTarget as HTMLInputElement).value)} />
      </div>
      <button type="submit" class="btn btn-small">
        Show this period
      </button>
    </form>
  );
}
