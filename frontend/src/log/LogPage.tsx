// Today's log (or one of the last 14 days): the date strip, the day's guidance, the form and
// this week's decisions. Loading and merging live in useDayLog, saving in useSaveLog, the form's
// fields in the table of fields.ts.
import { useMemo } from 'preact/hooks';
import type { LogRecord } from '../api/types';
import { addDays, dayNumber, friendlyDate, lastNDays, monthName, shortLabel, todayIn, weekdayShort } from '../dates';
import { useAppState } from '../store';
import { DecisionBadge } from '../ui/Badges';
import { GuidanceCard } from '../ui/GuidanceCard';
import { Notice, PageTitle } from '../ui/Page';
import { phaseName, PHASES } from '../words';
import '../styles/today.css';
import { EDITABLE_DAYS, decisionOf, isEditable } from './day';
import { LogForm } from './LogForm';
import { MorningCheck } from './MorningCheck';
import { NextSteps } from './NextSteps';
import { guidanceScope, guidanceTitle } from './plan';
import { usePlan } from './usePlan';
import { useEmphasis } from './useEmphasis';
import { useDayLog } from './useDayLog';
import { NotifyOffer } from '../notify/NotifyOffer';
import { CurrentGoal } from '../outcomes/CurrentGoal';
import { useSaveLog } from './useSaveLog';

export function LogPage({ date: dateParam }: { date?: string }) {
  const { me, online, outbox: outboxState } = useAppState();
  const today = todayIn(me?.timezone);
  const date = dateParam ?? today;
  const valid = isEditable(date, today);
  const day = useDayLog(date, today, valid);
  const plans = usePlan();
  const emphasis = useEmphasis();
  const saver = useSaveLog(day, date, today);
  const { logs, guidance, entry, exists } = day;
  const applies = guidanceScope(date, today, day.saved);

  const queuedDates = useMemo(() => new Set(outboxState.entries.map((e) => e.date)), [outboxState]);
  const byDate = useMemo(() => new Map(logs.map((l) => [l.log_date, l])), [logs]);

  if (!valid) {
    return (
      <>
        <PageTitle title="Log">Log</PageTitle>
        <Notice kind="warn">
          <p>You can log or edit only the last {EDITABLE_DAYS} days.</p>
          <p>
            <a href="/">Go to today’s log</a>
          </p>
        </Notice>
      </>
    );
  }

  const title = date === today ? 'Today’s log' : `Log for ${shortLabel(date)}`;
  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      <p class="muted subtitle">{friendlyDate(date, today) === 'Today' ? friendlyDate(date) : friendlyDate(date, today)}</p>

      <PhaseLine phase={me?.phase ?? plans.plan?.phase ?? null} />
      <CurrentGoal />

      <DateStrip date={date} today={today} byDate={byDate} queuedDates={queuedDates} />

      {!day.ready ? (
        <LogSkeleton />
      ) : (
        <>
          {entry && entry.status === 'pending' && (
            <Notice kind="info">
              <p>
                <strong>This day is saved on this phone and waiting to sync.</strong>{' '}
                {online ? 'It will be sent shortly.' : 'It will be sent when you are back online.'} Guidance appears once it has synced.
              </p>
            </Notice>
          )}

          <MorningCheck day={day} saver={saver} today={today} />

          {guidance && !entry && <GuidanceCard guidance={guidance} title={guidanceTitle(applies, date)} applies={applies} headingRef={saver.guidanceHeading} />}
          {guidance && !entry && <NextSteps key={`${date}:${guidance.decision}`} guidance={guidance} answer={plans.answer} />}
          {!guidance && exists && !entry && <p class="muted">No guidance is available for this day yet.</p>}

          <NotifyOffer logged={logs.length} />
          <LogForm day={day} saver={saver} today={today} plan={plans.plan} emphasis={emphasis} />
          {logs.length > 0 && <RecentDecisions logs={logs} today={today} />}
        </>
      )}
    </>
  );
}

/** The patient's phase, on Today (not only at the bottom of History). */
function PhaseLine({ phase }: { phase: number | null }) {
  if (phase === null) return null;
  const info = PHASES.find((p) => p.phase === phase);
  return (
    <p class="phase-line" data-testid="phase-line">
      <strong>{phaseName(phase)}</strong>
      {info && <span class="muted"> · loading: {info.loading.toLowerCase()}</span>}
    </p>
  );
}

/** The last 14 days as links: logged, waiting to sync, and each day's decision. */
function DateStrip({ date, today, byDate, queuedDates }: { date: string; today: string; byDate: Map<string, LogRecord>; queuedDates: Set<string> }) {
  return (
    <nav class="datestrip" aria-label="Choose a day to log">
      <ul>
        {lastNDays(today, EDITABLE_DAYS).map((d) => {
          const rec = byDate.get(d);
          const queued = queuedDates.has(d);
          const dec = decisionOf(rec);
          const state = queued ? 'waiting to sync' : rec ? 'logged' : 'not logged';
          return (
            <li key={d}>
              <a
                href={d === today ? '/' : `/log/${d}`}
                class={`day${d === date ? ' day-current' : ''}${rec ? ' day-logged' : ''}${queued ? ' day-queued' : ''}${dec ? ` day-${dec}` : ''}`}
                aria-current={d === date ? 'date' : undefined}
              >
                {d === today && <span class="sr-only">Today, </span>}
                <span class="day-wd">{weekdayShort(d)}</span>{' '}
                <span class="day-n">{dayNumber(d)}</span>
                <span class="sr-only">{` ${monthName(d)}, ${state}${dec ? `, ${dec.replace('_', ' ')}` : ''}`}</span>
                <span class="day-mark" />
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/** Stands in for the guidance card and the form until the day has been read (no layout shift). */
function LogSkeleton() {
  return (
    <div class="log-skeleton" aria-busy="true">
      <p class="sr-only">Loading your answers…</p>
      <div class="skeleton-block skeleton-card" aria-hidden="true" />
      <div class="skeleton-block skeleton-card" aria-hidden="true" />
    </div>
  );
}

function RecentDecisions({ logs, today }: { logs: LogRecord[]; today: string }) {
  const recent = logs.filter((l) => l.log_date <= today && l.log_date > addDays(today, -7)).slice(-7).reverse();
  if (recent.length === 0) return null;
  return (
    <section class="card" aria-labelledby="recent-h">
      <h2 id="recent-h" class="h-section">
        This week
      </h2>
      <ul class="daylist">
        {recent.map((l) => (
          <li key={l.log_date}>
            <a href={l.log_date === today ? '/' : `/log/${l.log_date}`}>{friendlyDate(l.log_date, today) === 'Today' ? 'Today' : shortLabel(l.log_date)}</a>
            <DecisionBadge decision={decisionOf(l)} />
          </li>
        ))}
      </ul>
    </section>
  );
}
