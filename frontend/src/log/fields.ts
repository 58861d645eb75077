// The daily log form as data: its sections in order, and in each the fields with their labels,
// hints and scales. LogForm.tsx draws it; formState.ts takes the activity sections' fields from
// it (what a switch hides, and clears when off). Tingling and how far down the leg are asked
// every day (the "Leg symptoms" card), not behind the glides switch. No DOM, no Preact.
import type { LogBody } from '../api/types';
import type { Option } from '../ui/Fields';

export function scaleOptions(from: number, to: number): Option<number>[] {
  const out: Option<number>[] = [];
  for (let i = from; i <= to; i++) out.push({ value: i, label: String(i) });
  return out;
}

const PAIN = scaleOptions(0, 10);
const WELL = scaleOptions(1, 7);
const PAIN_ANCHORS: [string, string] = ['0 = no pain', '10 = worst imaginable'];
const WELL_ANCHORS: [string, string] = ['1 = very good', '7 = very bad'];

/** The answers drawn from this table (red flags, the "checked" tick and notes have their own controls). */
export type FieldKey = Exclude<keyof LogBody, 'red_flags' | 'red_flags_reviewed' | 'notes' | 'performed'>;
type NumberKey = { [K in FieldKey]: NonNullable<LogBody[K]> extends number ? K : never }[FieldKey];

/** A numeric scale as a row of big radio buttons (pain 0-10, wellness 1-7). */
export interface ScaleField {
  kind: 'scale';
  key: NumberKey;
  label: string;
  hint?: string;
  options: Option<number>[];
  anchors: [string, string];
}

/** Text choices as radio buttons; each option is a value the contract accepts for that field. */
export type ChoiceField = {
  [K in FieldKey]: { kind: 'choice'; key: K; label: string; hint?: string; options: Option<NonNullable<LogBody[K]>>[] };
}[FieldKey];

/** Minutes or percent: a number input with - / + buttons. */
export interface CountField {
  kind: 'count';
  key: NumberKey;
  label: string;
  /** words for the - / + buttons' names, e.g. "sitting tolerance" */
  noun: string;
  unit: string;
  hint?: string;
  step: number;
  min: number;
  max: number;
}

export type FieldDef = ScaleField | ChoiceField | CountField;

export type ActivityId = 'loading' | 'running' | 'glides';

export type SectionDef =
  /** A card with a heading and its fields. */
  | { kind: 'card'; id: string; heading: string; fields: FieldDef[] }
  /** "I did this today": the fields show only while the switch is on, and are sent as null when off. */
  | {
      kind: 'activity';
      id: ActivityId;
      heading: string;
      toggleLabel: string;
      fields: FieldDef[];
      /** with the switch on, this answer is needed (0 if it did not hurt) */
      required: { key: FieldKey; message: string };
    }
  /** The optional wellness questions behind a disclosure button. */
  | { kind: 'more'; heading: string; fields: FieldDef[] }
  | { kind: 'red-flags' }
  | { kind: 'notes' };

const pain = (key: NumberKey, label: string, hint?: string): ScaleField => ({ kind: 'scale', key, label, hint, options: PAIN, anchors: PAIN_ANCHORS });
const wellness = (key: NumberKey, label: string): ScaleField => ({ kind: 'scale', key, label, options: WELL, anchors: WELL_ANCHORS });

export const LOG_SECTIONS: readonly SectionDef[] = [
  {
    kind: 'card',
    id: 'pain',
    heading: 'Sitting',
    // morning_pain is asked by the morning check (MorningCheck.tsx), its own short flow
    fields: [
      pain('sitting_pain', 'Sitting pain', 'The worst pain while sitting today.'),
      {
        kind: 'count',
        key: 'sitting_tolerance_min',
        label: 'Sitting tolerance (minutes)',
        noun: 'sitting tolerance',
        unit: 'minutes',
        hint: 'How long you can sit before the pain rises.',
        step: 15,
        min: 0,
        max: 720,
      },
    ],
  },
  {
    kind: 'card',
    id: 'leg',
    heading: 'Leg symptoms',
    // asked every day, with or without glides: the nerve rules (NE-1..NE-3) read them daily
    fields: [
      {
        kind: 'choice',
        key: 'paresthesia',
        label: 'Tingling or pins and needles in the leg today',
        hint: 'Whether or not you did nerve glides.',
        options: [
          { value: 'none', label: 'None' },
          { value: 'settled', label: 'Gone within 30 minutes' },
          { value: 'lasting', label: 'Over 30 minutes, or still there next morning' },
        ],
      },
      {
        kind: 'choice',
        key: 'symptom_extent',
        label: 'How far down the leg did symptoms reach today?',
        options: [
          { value: 'none', label: 'No leg symptoms' },
          { value: 'buttock', label: 'Buttock' },
          { value: 'thigh', label: 'Thigh' },
          { value: 'below_knee', label: 'Below the knee' },
          { value: 'foot', label: 'Foot' },
        ],
      },
    ],
  },
  {
    kind: 'activity',
    id: 'loading',
    heading: 'Loading',
    toggleLabel: 'I did loading exercises today',
    required: { key: 'loading_pain', message: 'Choose your pain during loading (0 if none), or switch off “I did loading exercises today”.' },
    fields: [
      pain('loading_pain', 'Pain during loading', 'The worst pain during today’s loading session.'),
      {
        kind: 'choice',
        key: 'loading_stage',
        label: 'Loading stage',
        options: [
          { value: 1, label: '1 · Isometric holds' },
          { value: 2, label: '2 · Slow strength, small hip bend' },
          { value: 3, label: '3 · Slow strength, deeper hip bend' },
          { value: 4, label: '4 · Springy / jumping' },
        ],
      },
    ],
  },
  {
    kind: 'activity',
    id: 'running',
    heading: 'Running',
    toggleLabel: 'I ran today',
    required: { key: 'sprint_pain', message: 'Choose your pain while running (0 if none), or switch off “I ran today”.' },
    fields: [
      pain('sprint_pain', 'Pain while running', 'The worst pain during today’s run.'),
      {
        kind: 'count',
        key: 'sprint_speed_pct',
        label: 'Top speed (% of your fastest)',
        noun: 'top speed',
        unit: 'percent',
        hint: 'Jog is under 70%, tempo 70–85%, fast 85–95%, sprint over 95%.',
        step: 5,
        min: 0,
        max: 100,
      },
    ],
  },
  {
    kind: 'activity',
    id: 'glides',
    heading: 'Nerve glides',
    toggleLabel: 'I did nerve glides today',
    required: { key: 'glide_pain', message: 'Choose the pain from the glides (0 if none), or switch off “I did nerve glides today”.' },
    fields: [
      pain('glide_pain', 'Pain from the glides'),
      {
        kind: 'choice',
        key: 'glide_type',
        label: 'Type of glide',
        options: [
          { value: 'slider', label: 'Slider (gentler)' },
          { value: 'tensioner', label: 'Tensioner (stronger)' },
        ],
      },
    ],
  },
  { kind: 'red-flags' },
  {
    kind: 'more',
    heading: 'Sleep, fatigue, stress and training (optional)',
    fields: [
      wellness('sleep', 'Sleep'),
      wellness('fatigue', 'Fatigue'),
      wellness('stress', 'Stress'),
      wellness('soreness', 'Muscle soreness'),
      { kind: 'scale', key: 'session_rpe', label: 'How hard was today’s training?', options: PAIN, anchors: ['0 = rest', '10 = maximal'] },
      { kind: 'count', key: 'session_min', label: 'Training time (minutes)', noun: 'training time', unit: 'minutes', step: 15, min: 0, max: 600 },
    ],
  },
  { kind: 'notes' },
];

export type ActivitySection = Extract<SectionDef, { kind: 'activity' }>;
/** The activity sections, in the form's order. */
export const ACTIVITY_SECTIONS: readonly ActivitySection[] = LOG_SECTIONS.filter((s): s is ActivitySection => s.kind === 'activity');
/** The optional questions behind the disclosure. */
export const MORE_FIELDS: readonly FieldKey[] = LOG_SECTIONS.flatMap((s) => (s.kind === 'more' ? s.fields.map((f) => f.key) : []));

/** The nerve questions: the leg symptoms and the glides. */
const NERVE_SECTIONS: readonly string[] = ['leg', 'glides'];
const sectionId = (s: SectionDef): string | null => ('id' in s ? s.id : null);

/**
 * The form's sections for the emphasis a clinician confirmed (GET /me/intake `emphasis`): with
 * `neural`, the nerve questions come first (leg symptoms, then glides), the rest keeps its order;
 * any other emphasis, or none known (offline, no assessment), the usual order.
 */
export function sectionsFor(emphasis: string | null | undefined): readonly SectionDef[] {
  if (emphasis !== 'neural') return LOG_SECTIONS;
  const nerve = NERVE_SECTIONS.map((id) => LOG_SECTIONS.find((s) => sectionId(s) === id)!);
  return [...nerve, ...LOG_SECTIONS.filter((s) => !NERVE_SECTIONS.includes(sectionId(s) ?? ''))];
}
