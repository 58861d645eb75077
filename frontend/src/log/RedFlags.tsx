// The log's warning-signs card: "A clinician has checked me" while an episode from an earlier
// day is open (or the day already has it ticked, so it can be unticked), then today's checklist.
import { RED_FLAGS, type Episode } from '../api/types';
import { episodeDate, episodesBefore, flagWords } from '../episodes';
import { useAppState } from '../store';
import { Alert } from '../ui/Icons';
import { RED_FLAG_LABEL } from '../words';
import { FLAG_LEVEL } from './body';
import type { DayLog } from './useDayLog';

/** The episodes a tick on the day would close: open on that day (its guidance) or still open today, and started earlier. */
export function reviewable(day: Pick<DayLog, 'date' | 'guidance'>, openToday: readonly Episode[] | undefined): Episode[] {
  return episodesBefore([day.guidance?.open_episodes, openToday], day.date);
}

function Reviewed({ day, earlier, today }: { day: DayLog; earlier: Episode[]; today: string }) {
  const ticked = day.view.form.red_flags_reviewed;
  return (
    <div class="field reviewed">
      <p class="label" id="rf-reviewed-h">
        Warning signs you reported earlier
      </p>
      <p id="rf-reviewed-hint" class="hint">
        {earlier.length > 0
          ? earlier.map((e) => `${episodeDate(e.started_on, today)}: ${flagWords(e.flags)}.`).join(' ')
          : 'Saved as checked by a clinician.'}{' '}
        Tick this only after a clinician has checked you. It does not cover warning signs you tick {day.date === today ? 'today' : 'on this day'}.
      </p>
      <div class="check-row">
        <input
          type="checkbox"
          id="rf-reviewed"
          checked={ticked}
          aria-describedby="rf-reviewed-hint"
          onChange={(e) => day.edit.field('red_flags_reviewed')((e.currentTarget as HTMLInputElement).checked)}
        />
        <label for="rf-reviewed">A clinician has checked me and I may continue</label>
      </div>
    </div>
  );
}

export function RedFlags({ day, today }: { day: DayLog; today: string }) {
  const { episodes } = useAppState();
  const flags = day.view.form.red_flags;
  const earlier = reviewable(day, episodes?.list);
  const offerTick = earlier.length > 0 || day.view.form.red_flags_reviewed;
  const emergencyTicked = flags.some((f) => FLAG_LEVEL[f] === 'emergency');
  const urgentTicked = flags.some((f) => FLAG_LEVEL[f] === 'urgent');
  return (
    <section class="card redflags" aria-labelledby="rf-h">
      <h2 id="rf-h" class="h-section">
        Warning signs
      </h2>
      {offerTick && <Reviewed day={day} earlier={earlier} today={today} />}
      <fieldset class="field" aria-describedby="rf-hint">
        <legend class="label">Do you have any of these today?</legend>
        <p id="rf-hint" class="hint">
          Tick any that apply. Most days there are none.
        </p>
        <ul class="checklist">
          {RED_FLAGS.map((f) => (
            <li key={f}>
              <input type="checkbox" id={`rf-${f}`} checked={flags.includes(f)} onChange={(e) => day.edit.flag(f, (e.currentTarget as HTMLInputElement).checked)} />
              <label for={`rf-${f}`}>{RED_FLAG_LABEL[f]}</label>
            </li>
          ))}
        </ul>
      </fieldset>
      {emergencyTicked && (
        <div class="notice notice-danger" role="alert">
          <Alert />
          <p>
            <strong>If you have this now, seek emergency care straight away.</strong> Don’t wait for the app.
          </p>
        </div>
      )}
      {!emergencyTicked && urgentTicked && (
        <div class="notice notice-warn" role="alert">
          <Alert />
          <p>
            <strong>Contact your clinician today.</strong> Don’t train until you have been seen.
          </p>
        </div>
      )}
    </section>
  );
}
