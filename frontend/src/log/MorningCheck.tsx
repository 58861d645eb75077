// The morning check (about 10 seconds: one score, one tap): this morning's pain is the 24-hour
// response to yesterday's session. It is `morning_pain` of *today's* log (guardrails.md: the
// morning score of a day is the response to the day before), saved on its own before training;
// the session log adds to the same day later.
import type { LogRecord } from '../api/types';
import { addDays, shortLabel } from '../dates';
import { OptionGroup } from '../ui/Fields';
import { scaleOptions } from './fields';
import type { DayLog } from './useDayLog';
import type { SaveLog } from './useSaveLog';

const PAIN = scaleOptions(0, 10);

/** "Yesterday: loading exercises and running." (what the morning score is the response to) */
export function yesterdayWords(logs: readonly LogRecord[], date: string): string {
  const y = logs.find((l) => l.log_date === addDays(date, -1));
  if (!y) return 'Nothing was logged for yesterday.';
  const did = [y.loading_pain !== null ? 'loading exercises' : null, y.sprint_pain !== null ? 'running' : null, y.glide_pain !== null ? 'nerve glides' : null].filter(
    (x): x is string => x !== null,
  );
  if (did.length === 0) return 'Yesterday: no training session logged.';
  return `Yesterday: ${did.length === 1 ? did[0] : `${did.slice(0, -1).join(', ')} and ${did[did.length - 1]}`}.`;
}

export function MorningCheck({ day, saver, today }: { day: DayLog; saver: SaveLog; today: string }) {
  const isToday = day.date === today;
  const heading = isToday ? 'How does it feel this morning, after yesterday’s session?' : `Morning check for ${shortLabel(day.date)}`;
  const savedScore = day.saved?.morning_pain ?? null;
  const current = day.view.form.morning_pain;
  const done = savedScore !== null && savedScore === current && !day.entry;
  return (
    <section class="card morning" aria-labelledby="morning-h" data-testid="morning-check">
      <h2 id="morning-h" class="h-section">
        {heading}
      </h2>
      <form onSubmit={saver.save} noValidate aria-labelledby="morning-h">
      <p class="hint">{yesterdayWords(day.logs, day.date)}</p>
      <OptionGroup
        id="morning_pain"
        label="Morning pain"
        hint="Pain or stiffness on waking, or in your usual morning test: how yesterday’s load settled."
        options={PAIN}
        numeric
        anchors={['0 = no pain', '10 = worst imaginable']}
        value={current}
        onChange={day.edit.field('morning_pain')}
        error={day.errors.morning_pain}
      />
      {done ? (
        <p class="hint morning-done">Morning check saved.</p>
      ) : (
        <button type="submit" class="btn btn-primary btn-block" disabled={saver.saving}>
          {savedScore !== null ? 'Update morning check' : 'Save morning check'}
        </button>
      )}
      </form>
    </section>
  );
}
