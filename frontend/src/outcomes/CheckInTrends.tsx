// The weekly check-in's trends: a chart, each measure in words, every week in a table.
import { useMemo } from 'preact/hooks';
import { friendlyDate } from '../dates';
import { DIRECTION_TEXT, GLOBAL_CHANGE_TEXT, TRENDS_NOTE } from './labels';
import { TrendChart } from './TrendChart';
import type { CheckIns, MeasureTrend } from './types';

function changeText(t: MeasureTrend, unit = ''): string {
  if (t.latest === null) return 'no answer yet';
  let s = `latest ${t.latest}${unit}`;
  if (t.change !== null) s += `, ${t.change > 0 ? 'up' : t.change < 0 ? 'down' : 'no change'}${t.change ? ` ${Math.abs(t.change)}` : ''} over recent weeks`;
  if (t.direction) s += ` (${DIRECTION_TEXT[t.direction]})`;
  return s;
}

export function CheckInTrends({ data, headingLevel = 2, title = 'Your trends', note = TRENDS_NOTE }: { data: CheckIns; headingLevel?: 2 | 3; title?: string; note?: string }) {
  const { trends, check_ins } = data;
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const current = trends.activities.filter((a) => a.current || a.points.length);
  const chart = useMemo(() => {
    const weeks = [...new Set([...check_ins.map((c) => c.week_start)])].sort();
    const at = (pts: { week_start: string; value: number }[]) => {
      const by = new Map(pts.map((p) => [p.week_start, p.value]));
      return weeks.map((w) => by.get(w) ?? null);
    };
    const lines = [
      ...current.slice(0, 3).map((a) => ({ label: a.label, values: at(a.points) })),
      { label: 'Confidence', values: at(trends.confidence.points) },
      { label: 'Worry about re-injury', values: at(trends.fear.points) },
    ];
    return { weeks, lines, range: [0, 10] as [number, number] };
  }, [data]);
  const rows = [...check_ins].sort((a, b) => a.week_start.localeCompare(b.week_start));
  return (
    <section class="card" aria-labelledby="trends-h">
      <H id="trends-h" class="h-section">
        {title}
      </H>
      <p class="hint">{note}</p>
      {check_ins.length === 0 ? (
        <p>No check-ins yet. After your first one, your answers week by week show here.</p>
      ) : (
        <>
          {check_ins.length > 1 && (
            <TrendChart weeks={chart.weeks} lines={chart.lines} range={chart.range} label={`Weekly check-in answers over ${check_ins.length} weeks, 0 to 10. The values are listed below.`} />
          )}
          <ul class="plain trend-list" data-testid="trend-summary">
            {current.map((a) => (
              <li key={a.activity_id}>
                <strong>{a.label}</strong>: {changeText(a, '/10')}
              </li>
            ))}
            <li>
              <strong>Confidence to return</strong>: {changeText(trends.confidence, '/10')}
            </li>
            <li>
              <strong>Worry about re-injury</strong>: {changeText(trends.fear, '/10')}
            </li>
            <li>
              <strong>Overall change</strong>:{' '}
              {check_ins[0] ? `${GLOBAL_CHANGE_TEXT[check_ins[0].global_change]} (week of ${friendlyDate(check_ins[0].week_start)})` : 'no answer yet'}
            </li>
          </ul>
          <details class="past">
            <summary>Every week's answers ({rows.length})</summary>
            <div class="table-scroll">
              <table class="data-table">
                <caption class="sr-only">Weekly check-in answers, oldest first</caption>
                <thead>
                  <tr>
                    <th scope="col">Week of</th>
                    <th scope="col">Activities</th>
                    <th scope="col">Confidence</th>
                    <th scope="col">Worry</th>
                    <th scope="col">Overall</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((c) => (
                    <tr key={c.id}>
                      <th scope="row">{friendlyDate(c.week_start)}</th>
                      <td>{c.activities.map((a) => `${a.label} ${a.score}`).join(', ') || '–'}</td>
                      <td>{c.confidence}</td>
                      <td>{c.fear}</td>
                      <td>{GLOBAL_CHANGE_TEXT[c.global_change]}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </>
      )}
    </section>
  );
}
