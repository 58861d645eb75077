// The daily log form, drawn from the table in fields.ts: big controls, activity sections behind
// switches, the warning signs, the optional questions, notes, and the save bar.
import { formatTimestamp } from '../dates';
import { RED_FLAGS, type RedFlag } from '../api/types';
import { RED_FLAG_LABEL } from '../words';
import { ActivitySection, OptionGroup, Stepper } from '../ui/Fields';
import { Alert } from '../ui/Icons';
import { LOG_SECTIONS, type FieldDef, type SectionDef } from './fields';
import type { DayLog, LogEdits } from './useDayLog';
import type { SaveLog } from './useSaveLog';

/** The id an error summary link points at: a red flag's checkbox, else the field itself. */
function fieldAnchor(k: string): string {
  if ((RED_FLAGS as readonly string[]).includes(k)) return `rf-${k}`;
  return k;
}

/** Error-summary links move focus into the field itself (the checked radio, or the first one). */
function focusField(e: Event, id: string): void {
  const el = document.getElementById(id);
  if (!el) return;
  e.preventDefault();
  const target =
    el.querySelector<HTMLElement>('input:checked') ?? el.querySelector<HTMLElement>('input, select, textarea, button') ?? el;
  target.focus();
  el.scrollIntoView({ block: 'center' });
}

function Field({ f, day }: { f: FieldDef; day: DayLog }) {
  const error = day.errors[f.key];
  // The table keeps each field's options within its type (fields.ts); the controls take any value.
  const value = day.view.form[f.key];
  const onChange = day.edit.field(f.key) as (v: string | number | null) => void;
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
      />
    );
  }
  if (f.kind === 'scale') {
    return <OptionGroup id={f.key} label={f.label} hint={f.hint} options={f.options} numeric anchors={f.anchors} value={value as number | null} onChange={onChange} error={error} />;
  }
  return <OptionGroup<string | number> id={f.key} label={f.label} hint={f.hint} options={f.options} value={value} onChange={onChange} error={error} />;
}

function Fields({ fields, day }: { fields: readonly FieldDef[]; day: DayLog }) {
  return (
    <>
      {fields.map((f) => (
        <Field key={f.key} f={f} day={day} />
      ))}
    </>
  );
}

const EMERGENCY: readonly RedFlag[] = ['saddle_numbness', 'bladder_bowel_change', 'both_legs'];
const URGENT: readonly RedFlag[] = ['new_weakness', 'pop_with_bruising'];

function RedFlags({ flags, onFlag }: { flags: readonly RedFlag[]; onFlag: LogEdits['flag'] }) {
  const emergencyTicked = flags.some((f) => EMERGENCY.includes(f));
  const urgentTicked = flags.some((f) => URGENT.includes(f));
  return (
    <section class="card redflags" aria-labelledby="rf-h">
      <h2 id="rf-h" class="h-section">
        Warning signs
      </h2>
      <fieldset class="field" aria-describedby="rf-hint">
        <legend class="label">Do you have any of these today?</legend>
        <p id="rf-hint" class="hint">
          Tick any that apply. Most days there are none.
        </p>
        <ul class="checklist">
          {RED_FLAGS.map((f) => (
            <li key={f}>
              <input type="checkbox" id={`rf-${f}`} checked={flags.includes(f)} onChange={(e) => onFlag(f, (e.currentTarget as HTMLInputElement).checked)} />
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

function Section({ s, day }: { s: SectionDef; day: DayLog }) {
  switch (s.kind) {
    case 'card':
      return (
        <section class="card" aria-labelledby={`${s.id}-h`}>
          <h2 id={`${s.id}-h`} class="h-section">
            {s.heading}
          </h2>
          <Fields fields={s.fields} day={day} />
        </section>
      );
    case 'activity':
      return (
        <ActivitySection id={s.id} heading={s.heading} toggleLabel={s.toggleLabel} on={day.view.toggles[s.id]} onToggle={day.edit.toggle(s.id)}>
          <Fields fields={s.fields} day={day} />
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
              <Fields fields={s.fields} day={day} />
            </div>
          )}
        </section>
      );
    case 'red-flags':
      return <RedFlags flags={day.view.form.red_flags} onFlag={day.edit.flag} />;
    case 'notes':
      return <Notes day={day} />;
  }
}

export function LogForm({ day, saver }: { day: DayLog; saver: SaveLog }) {
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

      {LOG_SECTIONS.map((s, i) => (
        <Section key={i} s={s} day={day} />
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
