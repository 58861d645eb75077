// A refused save in plain sentences (pure): the API's problem details name fields
// ("thresholds.safe_pain", "exercises.0.sets") and rules ("safe_pain < pain_ceiling"); a
// clinician reads "The safe pain level must be below the pain ceiling." instead.
import type { Problem } from '../api/types';
import { fieldKey } from '../api/http';

/** Plain names of the fields a clinician can get wrong on the patient page. */
export const FIELD_NAMES: Record<string, string> = {
  phase: 'The phase',
  pain_ceiling: 'The pain ceiling during exercise',
  safe_pain: 'The safe pain level',
  morning_margin: 'The morning pain margin',
  sessions_to_progress: 'The number of good sessions before progressing',
  sitting_drop_pct: 'The sitting tolerance drop',
  severe_pain: 'The severe pain level',
  effective_on: 'The date the change takes effect',
  thresholds: 'The thresholds',
  exercises: 'The exercise list',
  exercise: 'The exercise',
  sets: 'Sets',
  reps: 'Repetitions',
  hold_s: 'The hold time',
  load_kg: 'The load',
  band: 'The speed band',
  minutes: 'Minutes',
  note: 'The note',
  tendon: 'The tendon exercises',
  running: 'The running',
  neural: 'The nerve glide',
  sitting: 'The sitting target',
  name: 'The name',
  stage: 'The stage',
  dosing: 'How it is dosed',
};

/** Whole messages the server sends, in words (matched without case, after any "Value error, "). */
const KNOWN: [RegExp, string][] = [
  [/safe_pain\s*<\s*pain_ceiling\s*<\s*severe_pain/i, 'The safe pain level must be below the pain ceiling, and the pain ceiling below the severe pain level.'],
  [/give minutes with a band/i, 'Give minutes with a speed band, or neither for no running.'],
  [/each exercise may appear once/i, 'Each exercise may appear only once.'],
  [/must be today or within the last (\d+) days/i, 'The change can take effect today or up to $1 days back.'],
  [/top dose must be at or above the start/i, 'The top dose must be at or above the starting dose.'],
];

/** Rules about several fields, shown next to the field a clinician most likely changed. */
const RULE_FIELD: [RegExp, string][] = [[/safe_pain\s*<\s*pain_ceiling/i, 'safe_pain']];

/** Server phrases that name a field, in words (inside longer sentences). */
const PHRASES: [RegExp, string][] = [
  [/give hold_s \(seconds\) and no reps/gi, 'give a hold time in seconds, not repetitions'],
  [/give reps and no hold_s/gi, 'give repetitions, not a hold time'],
  [/dosed in hold_s, without reps or load/gi, 'dosed as a hold time in seconds, without repetitions or load'],
  [/an exercise done in repetitions needs reps and no hold_s/gi, 'an exercise done in repetitions needs repetitions, not a hold time'],
  [/high_speed/g, 'high speed'],
];

function capitalise(s: string): string {
  return s ? s[0]!.toUpperCase() + s.slice(1) : s;
}

function sentence(s: string): string {
  const t = capitalise(s.trim());
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

/** "exercises.1.sets" -> "Exercise 2: sets"; "thresholds.safe_pain" -> "The safe pain level". */
export function fieldWords(field: string): string {
  const parts = field.split('.').filter((p) => p && p !== 'body');
  const key = fieldKey(field);
  const name = FIELD_NAMES[key] ?? capitalise(key.replace(/_/g, ' '));
  const idx = parts.findIndex((p) => /^\d+$/.test(p));
  if (idx > 0 && parts[idx - 1] === 'exercises' && idx < parts.length - 1) return `Exercise ${Number(parts[idx]) + 1}: ${name.toLowerCase()}`;
  return name;
}

/** One server message about `field` as a plain sentence that names no field or code. */
export function messageWords(field: string, message: string): string {
  const msg = message.replace(/^value error,\s*/i, '').trim();
  for (const [re, words] of KNOWN) {
    const m = msg.match(re);
    if (m) return words.replace('$1', m[1] ?? '');
  }
  const who = fieldWords(field);
  let m = msg.match(/less than or equal to (-?[\d.]+)/i);
  if (m) return `${who} must be ${m[1]} or less.`;
  m = msg.match(/greater than or equal to (-?[\d.]+)/i);
  if (m) return `${who} must be ${m[1]} or more.`;
  m = msg.match(/multiple of ([\d.]+)/i);
  if (m) return `${who} must be in steps of ${m[1]}.`;
  if (/valid integer|whole number/i.test(msg)) return `${who} must be a whole number.`;
  if (/valid number|parse .* as a number/i.test(msg)) return `${who} must be a number.`;
  if (/field required|missing/i.test(msg)) return `${who} is needed.`;
  if (/at least (\d+) item/i.test(msg)) return `${who} needs at least one entry.`;
  if (/at most (\d+) item/i.test(msg)) return `${who} has too many entries.`;
  if (/extra inputs are not permitted/i.test(msg)) return `${who} is not something this form can change.`;
  if (/input should be/i.test(msg)) return `${who} is not one of the allowed values.`;
  let out = msg;
  for (const [re, words] of PHRASES) out = out.replace(re, words);
  // any identifier left over (snake_case) is said in words
  out = out.replace(/\b[a-z]+(?:_[a-z]+)+\b/g, (k) => (FIELD_NAMES[k] ?? k.replace(/_/g, ' ')).replace(/^The /, 'the '));
  // a bare rule ("must be ...") gets the field's name in front
  if (/^(must|should|is|are)\b/i.test(out)) out = `${who} ${out}`;
  return sentence(out);
}

export interface WordedProblem {
  /** sentences per form field (the last part of the server's field path) */
  fields: Record<string, string>;
  /** one sentence for the whole form: the detail in words, or what the fields say */
  summary: string;
}

/**
 * A refused save in words. `known` is the form's own fields: an error about one of them is
 * shown next to it; the rest (and the rule of the whole) go in the summary.
 */
export function problemWords(problem: Problem | null | undefined, known: readonly string[] = []): WordedProblem {
  const fields: Record<string, string> = {};
  const loose: string[] = [];
  for (const e of problem?.errors ?? []) {
    const key = RULE_FIELD.find(([re]) => re.test(e.message))?.[1] ?? fieldKey(e.field);
    const text = messageWords(e.field, e.message);
    if (known.includes(key)) fields[key] = fields[key] ? `${fields[key]} ${text}` : text;
    else if (!loose.includes(text)) loose.push(text);
  }
  let summary: string;
  if (loose.length) summary = loose.join(' ');
  else if (Object.keys(fields).length) summary = 'Some values need changing: see the messages next to them.';
  else {
    const raw = problem?.detail || problem?.title || '';
    summary = raw ? messageWords('', raw) : 'The change could not be saved.';
  }
  return { fields, summary };
}
