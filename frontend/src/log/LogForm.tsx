// The daily log form, drawn from the table in fields.ts: big controls, activity sections behind
// switches, the warning signs, the optional questions, notes, and the save bar.
import { formatTimestamp } from '../dates';
import { RED_FLAGS } from '../api/types';
import { ActivitySection, OptionGroup, Stepper, type Suggestion } from '../ui/Fields';
import { isCarriedField, sameAsWords, suggestionFor } from './carryOver';
import { LOG_SECTIONS, type FieldDef, type SectionDef } from './fields';
import { RedFlags } from './RedFlags';
import type { DayLog } from './useDayLog';
import type { SaveLog } from './useSaveLog';

/** The id an error summary link points at: a red flag's checkbox, else the field itself. */
function fieldAnchor(k: string): string {
  if ((RED_FLAGS as readonly string[]).includes(k)) return `rf-${k}`;
  if (k === 'red_flags_reviewed') return 'rf-reviewed';
  return k;
}

/** An earlier day's answer for `f`, offered with one tap while today's is empty (never filled in by itself). */
function suggestion(f: FieldDef, day: DayLog, use: (v: string | number) => void): Suggestion | null {
  if (!isCarriedField(f.key)) return null;
  const c = suggestionFor(day.carry, day.view.form, f.key);
  if (!c) return null;
  const words = f.kind === 'count' ? `${c.value} ${f.unit}` : f.kind === 'choice' ? (f.options as { value: unknown; label: string }[]).find((o) => o.value === c.value)?.label ?? String(c.value) : String(c.value);
  return { text: `${sameAsWords(c.from, day.date)}: ${words}`, onUse: () => use(c.value) };
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
  const suggest = suggestion(f, day, onChange);
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
      />
    );
  }
  if (f.kind === 'scale') {
    return <OptionGroup id={f.key} label={f.label} hint={f.hint} options={f.options} numeric anchors={f.anchors} value={value as number | null} onChange={onChange} error={error} suggestion={suggest} />;
  }
  return <OptionGroup<string | number> id={f.key} label={f.label} hint={f.hint} options={f.options} value={value as string | number | null} onChange={onChange} error={error} suggestion={suggest} />;
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

function Section({ s, day, today }: { s: SectionDef; day: DayLog; today: string }) {
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
      return <RedFlags day={day} today={today} />;
    case 'notes':
      return <Notes day={day} />;
  }
}

export function LogForm({ day, saver, today }: { day: DayLog; saver: SaveLog; today: string }) {
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
        <Section key={i} s={s} day={day} today={today} />
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
