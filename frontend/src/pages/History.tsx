import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { addDays, friendlyDate, lastNDays, shortLabel, todayIn } from '../dates';
import { api } from '../api/client';
import { cacheMe, getCachedLogs, setCachedLogs } from '../services';
import { announce, setState, useAppState } from '../store';
import type { LogRecord } from '../api/types';
import { DECISION_LABEL, PHASES, phaseName } from '../words';
import { DecisionBadge } from '../ui/Badges';
import { Notice, PageTitle } from '../ui/Page';
import { PainChart } from '../ui/PainChart';
import { PhaseTable } from '../ui/PhaseTable';
import { EDITABLE_DAYS, isEditable } from '../log/day';
import { DeleteDay } from './DeleteDay';

function decisionOf(l: LogRecord) {
  return l.decision ?? l.guidance?.decision ?? null;
}

/** What a delete did to the later days' guidance (`changed`: null while it is being read). */
function laterWords(changed: Map<string, string | null> | null): string {
  const done = 'The guidance of the days after it has been worked out again';
  if (changed === null) return `${done}.`;
  if (changed.size === 0) return `${done}: no later day’s decision changed.`;
  return `${done}: ${changed.size === 1 ? '1 later day' : `${changed.size} later days`} changed, marked below.`;
}

const pain = (v: number | null | undefined) => (v === null || v === undefined ? 'not logged' : `${v}/10`);

export default function HistoryPage() {
  const { me } = useAppState();
  const today = todayIn(me?.timezone);
  const [logs, setLogs] = useState<LogRecord[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [deleted, setDeleted] = useState<string | null>(null);
  // After a delete: the later days whose decision changed, with the decision they had.
  const [changed, setChanged] = useState<Map<string, string | null> | null>(null);
  const deletedRef = useRef<HTMLDivElement>(null);

  /** The last 28 days from the server (the cache first, while it answers); the server's list,
   * or null when it could not be read. */
  async function loadLogs(alive: () => boolean): Promise<LogRecord[] | null> {
    const cached = await getCachedLogs();
    if (alive() && cached.length) setLogs(cached);
    try {
      const res = await api.get('/me/logs', { query: { from: addDays(today, -27), to: today } });
      if (!alive()) return null;
      const list = res.logs ?? [];
      setLogs(list);
      const keep = cached.filter((c) => c.log_date < addDays(today, -27));
      await setCachedLogs([...keep, ...list.map((l) => ({ ...l, guidance: cached.find((c) => c.log_date === l.log_date)?.guidance ?? null }))]);
      return list;
    } catch {
      if (alive() && !cached.length) setError('Your history could not be loaded. Check your connection.');
      if (alive() && !cached.length) setLogs([]);
      return null;
    }
  }

  /** A day was deleted: say so where it was seen, show the later days' new guidance and mark
   * the days whose decision it changed. */
  function onDeleted(date: string): void {
    const before = new Map((logs ?? []).map((l) => [l.log_date, decisionOf(l)]));
    setLogs((all) => (all ?? []).filter((x) => x.log_date !== date));
    setDeleted(date);
    setChanged(null);
    requestAnimationFrame(() => deletedRef.current?.focus());
    void loadLogs(() => true).then((list) => {
      if (!list) return;
      const moved = list.filter((l) => l.log_date > date && before.has(l.log_date) && before.get(l.log_date) !== decisionOf(l));
      const marks = new Map(moved.map((l) => [l.log_date, before.get(l.log_date) ?? null]));
      setChanged(marks);
      if (list.some((l) => l.log_date > date)) announce(laterWords(marks)); // focus is on the notice already
    });
  }

  useEffect(() => {
    let alive = true;
    (async () => {
      await loadLogs(() => alive);
      try {
        const fresh = await api.get('/me');
        await cacheMe(fresh);
        setState({ me: fresh });
      } catch {
        /* keep the cached profile */
      }
    })();
    return () => {
      alive = false;
    };
  }, [today]);

  const days = lastNDays(today, 28);
  const series = useMemo(() => {
    const by = new Map((logs ?? []).map((l) => [l.log_date, l]));
    return {
      dates: days,
      morning: days.map((d) => by.get(d)?.morning_pain ?? null),
      sitting: days.map((d) => by.get(d)?.sitting_pain ?? null),
    };
  }, [logs, today]);

  const recent = (logs ?? []).filter((l) => l.log_date >= days[0]! && l.log_date <= today).slice().reverse();
  const phase = PHASES.find((p) => p.phase === me?.phase);

  return (
    <>
      <PageTitle title="History">History</PageTitle>
      {error && <Notice kind="error">{error}</Notice>}

      <section class="card" aria-labelledby="chart-h">
        <h2 id="chart-h" class="h-section">
          Pain over the last 28 days
        </h2>
        {logs === null ? (
          <p class="loading">Loading…</p>
        ) : (
          <PainChart data={series} label="Chart of morning and sitting pain over the last 28 days. The same values are listed under Day by day." />
        )}
      </section>

      <section class="card" aria-labelledby="days-h">
        <h2 id="days-h" class="h-section">
          Day by day
        </h2>
        {deleted && (
          <div ref={deletedRef} tabIndex={-1} data-testid="day-deleted">
            <Notice kind="ok">
              The log for {friendlyDate(deleted)} was deleted.
              {(logs ?? []).some((l) => l.log_date > deleted) && ` ${laterWords(changed)}`}
            </Notice>
          </div>
        )}
        {recent.length === 0 ? (
          <p class="muted">No logs in the last 28 days yet.</p>
        ) : (
          <ul class="historylist">
            {recent.map((l, i) => (
              <li key={l.log_date}>
                {!isEditable(l.log_date, today) && (i === 0 || isEditable(recent[i - 1]!.log_date, today)) && (
                  <p class="hint hl-older" data-testid="older-days">
                    You can log or edit only the last {EDITABLE_DAYS} days. The days below can be deleted, not edited.
                  </p>
                )}
                <div class="hl-head">
                  <strong>{friendlyDate(l.log_date, today) === 'Today' ? 'Today' : shortLabel(l.log_date)}</strong>
                  <DecisionBadge decision={decisionOf(l)} />
                </div>
                {changed?.has(l.log_date) && (
                  <p class="hint hl-changed" data-testid="decision-changed">
                    Changed by the deletion (was {DECISION_LABEL[changed.get(l.log_date) as keyof typeof DECISION_LABEL] ?? 'no decision'})
                  </p>
                )}
                <p class="hl-values">
                  <span class="nowrap">Morning pain {pain(l.morning_pain)}</span> · <span class="nowrap">Sitting pain {pain(l.sitting_pain)}</span>
                </p>
                <div class="hl-actions">
                  {isEditable(l.log_date, today) && (
                    <a href={l.log_date === today ? '/' : `/log/${l.log_date}`} aria-label={`Edit the log for ${friendlyDate(l.log_date)}`}>
                      Edit
                    </a>
                  )}
                  <DeleteDay date={l.log_date} onDeleted={onDeleted} />
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section class="card" aria-labelledby="phase-h">
        <h2 id="phase-h" class="h-section">
          Your phase
        </h2>
        <p>
          <strong>{phaseName(me?.phase)}</strong>
          {me?.phase_started_on ? ` — since ${friendlyDate(me.phase_started_on)}` : ''}
        </p>
        {phase && (
          <p>
            Loading: {phase.loading}. Running: {phase.running === 'None' ? 'no running yet' : `up to ${phase.running.toLowerCase()}`}. Nerve glides:{' '}
            {phase.neural.toLowerCase()}.
          </p>
        )}
        <p class="hint">You move on when your symptoms allow, not by date. Your clinician confirms each step.</p>
        <PhaseTable current={me?.phase ?? null} />
      </section>
    </>
  );
}
