// The daily log form, drawn from the table in fields.ts: big controls, activity sections behind
// switches, the warning signs, the optional questions, notes, and the save bar.
import { formatTimestamp } from '../dates';
import { RED_FLAGS, type Plan } from '../api/types';
import { ActivitySection, OptionGroup, Stepper, type Suggestion } from '../ui/Fields';
import { isCarriedField, sameAsWords, suggestionFor } from './carryOver';
import { sectionsFor, type FieldDef, type SectionDef } from './fields';
import { BAND_SPEED } from './plan';
import { RedFlags } from './RedFlags';
import { TodayPlan } from './TodayPlan';
import { focusField } from './focusField';
import type { DayLog } from './useDayLog';
import type { SaveLog } from './useSaveLog';

/** The id an error summary link points at: a red flag's checkbox, else the field itself. */
function fieldAnchor(k: string): string {
  if ((RED_FLAGS as readonly string[]).includes(k)) return `rf-${k}`;
  if (k === 'red_flags_reviewed') return 'rf-reviewed';
  return k;
}

/** An earlier day's answer for `f`, offered with one tap while today's is empty (never filled in by itself). */
function suggestion(f: FieldDef, day: DayLog, plan: Plan | null, use: (v: string | number) => void): Suggestion | null {
  if (!isCarriedField(f.key)) return null;
  const c = suggestionFor(day.carry, day.view.form, f.key);
  if (!c) {
    // no earlier run: the plan's band gives the starting speed, still confirmed with a tap
    const band = plan?.components.running.current.band;
    if (f.key === 'sprint_speed_pct' && band && day.view.form.sprint_speed_pct === null) {
      return { text: `As planned (${band.replace('_', ' ')}): ${BAND_SPEED[band]} percent`, onUse: () => use(BAND_SPEED[band]) };
    }
    return null;
  }
  const words = f.kind === 'count' ? `${c.value} ${f.unit}` : f.kind === 'choice' ? (f.options as { value: unknown; label: string }[]).find((o) => o.value === c.value)?.label ?? String(c.value) : String(c.value);
  return { text: `${sameAsWords(c.from, day.date)}: ${words}`, onUse: () => use(c.value) };
}


/** Where a stepper's - / + start while it is empty: the last answer, else the plan's (never 0 for speed). */
function startOf(f: FieldDef, day: DayLog, plan: Plan | null): number | null {
  if (f.kind !== 'count') return null;
  const carried = isCarriedField(f.key) ? day.carry[f.key]?.value : undefined;
  if (typeof carried === 'number') return carried;
  if (f.key === 'sprint_speed_pct') {
    const band = plan?.components.running.current.band;
    return band ? BAND_SPEED[band] : 60;
  }
  if (f.key === 'sitting_tolerance_min') return plan?.components.sitting.current.minutes ?? 30;
  if (f.key === 'session_min') return 30;
  return null;
}

function Field({ f, day, plan }: { f: FieldDef; day: DayLog; plan: Plan | null }) {
  const error = day.errors[f.key];
  // The table keeps each field's options within its type (fields.ts); the controls take any value.
  const value = day.view.form[f.key];
  const onChange = day.edit.field(f.key) as (v: string | number | null) => void;
  const suggest = suggestion(f, day, plan, onChange);
  if (f.kind === 'count') {
    return (
      <Stepper
        id={f.key}
        label={f.label}
        noun={f.noun}
        unit={f.unit}
        hint={f.hint}
        step={f.step}
        min={f.min}
        max={f.max}
        value={value as number | null}
        onChange={onChange}
        error={error}
        suggestion={suggest}
        start={startOf(f, day, plan)}
      />
    );
  }
  if (f.kind === 'scale') {
    return <OptionGroup id={f.key} label={f.label} hint={f.hint} options={f.options} numeric anchors={f.anchors} value={value as number | null} onChange={onChange} error={error} suggestion={suggest} />;
  }
  return <OptionGroup<string | number> id={f.key} label={f.label} hint={f.hint} options={f.options} value={value as string | number | null} onChange={onChange} error={error} suggestion={suggest} />;
}

function Fields({ fields, day, plan }: { fields: readonly FieldDef[]; day: DayLog; plan: Plan | null }) {
  return (
    <>
      {fields.map((f) => (
        <Field key={f.key} f={f} day={day} plan={plan} />
      ))}
    </>
  );
}

function Notes({ day }: { day: DayLog }) {
  const notes = day.view.form.notes;
  const error = day.errors.notes;
  return (
    <section class="card" aria-labelledby="notes-h">
      <h2 id="notes-h" class="h-section">
        Notes
      </h2>
      <div class={`field${error ? ' has-error' : ''}`}>
        <label for="notes" class="label">
          Notes (optional)
        </label>
        <textarea
          id="notes"
          rows={3}
          maxLength={2000}
          value={notes ?? ''}
          aria-describedby="notes-count"
          onInput={(e) => day.edit.field('notes')((e.currentTarget as HTMLTextAreaElement).value || null)}
        />
        <p id="notes-count" class="hint">
          {(notes ?? '').length} of 2000 characters
        </p>
        {error && <p class="error">{error}</p>}
      </div>
    </section>
  );
}

/** One tap for the usual answer to both leg questions: no tingling, no leg symptoms (an answer, not a default). */
function NoLegSymptoms({ day }: { day: DayLog }) {
  const f = day.view.form;
  if (f.paresthesia === 'none' && f.symptom_extent === 'none') return null;
  return (
    <button
      type="button"
      class="btn btn-small btn-suggest"
      onClick={() => {
        day.edit.field('paresthesia')('none');
        day.edit.field('symptom_extent')('none');
      }}
    >
      No tingling and no leg symptoms today
    </button>
  );
}

function Section({ s, day, today, plan }: { s: SectionDef; day: DayLog; today: string; plan: Plan | null }) {
  switch (s.kind) {
    case 'card':
      return (
        <section class="card" aria-labelledby={`${s.id}-h`}>
          <h2 id={`${s.id}-h`} class="h-section">
            {s.heading}
          </h2>
          {s.id === 'leg' && <NoLegSymptoms day={day} />}
          <Fields fields={s.fields} day={day} plan={plan} />
        </section>
      );
    case 'activity':
      return (
        <ActivitySection id={s.id} heading={s.heading} toggleLabel={s.toggleLabel} on={day.view.toggles[s.id]} onToggle={day.edit.toggle(s.id)}>
          <Fields fields={s.fields} day={day} plan={plan} />
        </ActivitySection>
      );
    case 'more':
      return (
        <section class="card" aria-labelledby="more-h">
          <h2 id="more-h" class="h-section">
            <button type="button" class="disclosure" aria-expanded={day.view.moreOpen} aria-controls="more-fields" onClick={day.edit.more}>
              {s.heading}
            </button>
          </h2>
          {day.view.moreOpen && (
            <div id="more-fields">
              <Fields fields={s.fields} day={day} plan={plan} />
            </div>
          )}
        </section>
      );
    case 'red-flags':
      return <RedFlags day={day} today={today} />;
    case 'notes':
      return <Notes day={day} />;
  }
}

export function LogForm({
  day,
  saver,
  today,
  plan,
  emphasis = null,
}: {
  day: DayLog;
  saver: SaveLog;
  today: string;
  plan: Plan | null;
  /** The emphasis a clinician confirmed: `neural` asks the nerve questions first. */
  emphasis?: string | null;
}) {
  const { entry, status } = day;
  const errorList = Object.entries(day.errors).filter(([, m]) => m);
  return (
    <form class="logform" onSubmit={saver.save} noValidate aria-labelledby="logform-title">
      <h2 id="logform-title" class="sr-only">
        {day.exists ? 'Edit your answers' : 'Your answers'}
      </h2>
      {day.formError && (
        <div class="notice notice-error" role="alert" tabIndex={-1} ref={saver.summaryRef} id="form-errors">
          <p>
            <strong>{day.formError}</strong>
          </p>
          {errorList.length > 0 && (
            <ul>
              {errorList.map(([k, m]) => (
                <li key={k}>
                  <a href={`#${fieldAnchor(k)}`} onClick={(e) => focusField(e, fieldAnchor(k))}>
                    {m}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}

      <TodayPlan plan={plan} day={day} today={today} />
      {sectionsFor(emphasis).map((s) => (
        <Section key={'id' in s ? s.id : s.kind} s={s} day={day} today={today} plan={plan} />
      ))}

      <div class="savebar">
        <button type="submit" class="btn btn-primary btn-block btn-save" disabled={saver.saving}>
          {saver.saving ? 'Saving…' : 'Save log'}
        </button>
        {status && <p class="save-status">{status}</p>}
        {entry?.lastAttemptAt && entry.status === 'pending' && <p class="hint">Last try {formatTimestamp(entry.lastAttemptAt)}.</p>}
      </div>
    </form>
  );
}
