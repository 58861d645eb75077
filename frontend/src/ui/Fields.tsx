// Form controls sized for thumbs (>= 44 px targets), each with a visible label.
import type { ComponentChildren } from 'preact';

export interface Option<T extends string | number> {
  value: T;
  label: string;
}

/** An earlier day's answer offered with one tap ("Same as yesterday: 60 minutes"); nothing is filled in until it is tapped. */
export interface Suggestion {
  /** the button's words, e.g. "Same as yesterday: 60 minutes" */
  text: string;
  onUse: () => void;
}

/** The one-tap suggestion button; its name also says which question it answers. */
function SuggestButton({ s, field }: { s: Suggestion; field: string }) {
  return (
    <button type="button" class="btn btn-small btn-suggest" onClick={s.onUse}>
      <span class="sr-only">{field}: </span>
      {s.text}
    </button>
  );
}

interface GroupProps<T extends string | number> {
  id: string;
  label: string;
  hint?: string;
  options: Option<T>[];
  value: T | null;
  onChange: (v: T | null) => void;
  error?: string | undefined;
  /** numbers in a compact grid (pain scales) rather than text choices */
  numeric?: boolean;
  /** words for the two ends of a numeric scale */
  anchors?: [string, string];
  /** show the "Not logged" state and a Clear button (default true) */
  clearable?: boolean;
  suggestion?: Suggestion | null | undefined;
}

/** A row of big buttons with radiogroup semantics (native radios: arrow keys work). */
export function OptionGroup<T extends string | number>(p: GroupProps<T>) {
  const labelId = `${p.id}-label`;
  const hintId = p.hint ? `${p.id}-hint` : '';
  const anchorsId = p.anchors ? `${p.id}-anchors` : '';
  const errId = p.error ? `${p.id}-error` : '';
  const describedBy = [hintId, anchorsId, errId].filter(Boolean).join(' ') || undefined;
  const clearable = p.clearable !== false;
  const selected = p.options.find((o) => o.value === p.value);
  return (
    <fieldset
      class={`field og${p.error ? ' has-error' : ''}`}
      role="radiogroup"
      id={p.id}
      aria-labelledby={labelId}
      aria-describedby={describedBy}
      aria-invalid={p.error ? 'true' : undefined}
    >
      <legend id={labelId} class="label">
        {p.label}
      </legend>
      <div class="og-status">
        <span class={p.value === null ? 'muted' : 'og-current'} aria-hidden="true">
          {p.value === null ? 'Not logged' : `Selected: ${selected?.label ?? p.value}`}
        </span>
        {clearable && p.value !== null && (
          <button type="button" class="btn-link" aria-label={`Clear ${p.label}`} onClick={() => p.onChange(null)}>
            Clear
          </button>
        )}
      </div>
      {p.hint && (
        <p id={hintId} class="hint">
          {p.hint}
        </p>
      )}
      {p.suggestion && <SuggestButton s={p.suggestion} field={p.label} />}
      <div class={p.numeric ? `og-options og-scale og-n${p.options.length}` : 'og-options og-choices'}>
        {p.options.map((o) => (
          <label class="opt" key={String(o.value)}>
            <input
              type="radio"
              name={p.id}
              value={String(o.value)}
              checked={p.value === o.value}
              onChange={() => p.onChange(o.value)}
            />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
      {p.anchors && (
        <p id={anchorsId} class="og-anchors">
          <span>{p.anchors[0]}</span>
          <span>{p.anchors[1]}</span>
        </p>
      )}
      {p.error && (
        <p id={errId} class="error">
          {p.error}
        </p>
      )}
    </fieldset>
  );
}

interface StepperProps {
  id: string;
  label: string;
  /** words used in the +/- buttons' names, e.g. "sitting tolerance" */
  noun: string;
  unit: string;
  hint?: string;
  value: number | null;
  onChange: (v: number | null) => void;
  step: number;
  min: number;
  max: number;
  error?: string | undefined;
  suggestion?: Suggestion | null | undefined;
  /** where - / + start while the field is empty (e.g. the last run's speed), instead of 0 */
  start?: number | null | undefined;
}

/** A number input with big - / + buttons. Empty means "not logged". */
export function Stepper(p: StepperProps) {
  const hintId = p.hint ? `${p.id}-hint` : '';
  const errId = p.error ? `${p.id}-error` : '';
  const clamp = (v: number) => Math.min(p.max, Math.max(p.min, v));
  const base = p.value ?? p.start ?? 0;
  return (
    <div class={`field${p.error ? ' has-error' : ''}`}>
      <label for={p.id} class="label">
        {p.label}
      </label>
      {p.hint && (
        <p id={hintId} class="hint">
          {p.hint}
        </p>
      )}
      <div class="stepper">
        <button
          type="button"
          class="btn step"
          aria-label={`Decrease ${p.noun} by ${p.step} ${p.unit}`}
          disabled={p.value !== null && p.value <= p.min}
          onClick={() => p.onChange(clamp(base - p.step))}
        >
          <span aria-hidden="true">−{p.step}</span>
        </button>
        <input
          id={p.id}
          type="number"
          inputMode="numeric"
          min={p.min}
          max={p.max}
          step={1}
          placeholder="Not logged"
          value={p.value ?? ''}
          aria-describedby={[hintId, errId].filter(Boolean).join(' ') || undefined}
          aria-invalid={p.error ? 'true' : undefined}
          onInput={(e) => {
            const raw = (e.currentTarget as HTMLInputElement).value;
            if (raw.trim() === '') p.onChange(null);
            else {
              const n = Number(raw);
              if (Number.isFinite(n)) p.onChange(Math.round(n));
            }
          }}
        />
        <button
          type="button"
          class="btn step"
          aria-label={`Increase ${p.noun} by ${p.step} ${p.unit}`}
          disabled={p.value !== null && p.value >= p.max}
          onClick={() => p.onChange(clamp(base + p.step))}
        >
          <span aria-hidden="true">+{p.step}</span>
        </button>
      </div>
      {p.suggestion && <SuggestButton s={p.suggestion} field={p.label} />}
      {p.error && (
        <p id={errId} class="error">
          {p.error}
        </p>
      )}
    </div>
  );
}

/** "I did this today" toggle; the section's fields appear only when it is on. */
export function ActivitySection(p: {
  id: string;
  heading: string;
  toggleLabel: string;
  on: boolean;
  onToggle: (on: boolean) => void;
  children: ComponentChildren;
}) {
  const bodyId = `${p.id}-fields`;
  return (
    <section class="card activity" aria-labelledby={`${p.id}-h`}>
      <h2 id={`${p.id}-h`} class="h-section">
        {p.heading}
      </h2>
      <div class="switch-row">
        <input
          id={`${p.id}-toggle`}
          class="switch"
          type="checkbox"
          role="switch"
          checked={p.on}
          aria-controls={p.on ? bodyId : undefined}
          onChange={(e) => p.onToggle((e.currentTarget as HTMLInputElement).checked)}
        />
        <label for={`${p.id}-toggle`}>{p.toggleLabel}</label>
      </div>
      {p.on && (
        <div id={bodyId} class="activity-body">
          {p.children}
        </div>
      )}
    </section>
  );
}

export function FieldError({ id, message }: { id: string; message?: string | undefined }) {
  if (!message) return null;
  return (
    <p id={id} class="error">
      {message}
    </p>
  );
}
