import { describe, expect, it } from 'vitest';
import { fieldWords, messageWords, problemWords } from '../src/clinician/problemWords';
import { TRENDS, trendSummary } from '../src/clinician/trends';

/** No snake_case identifier, no dotted field path, no "<" rule, no pydantic "Input should". */
function inWords(s: string): void {
  expect(s).not.toMatch(/\b[a-z]+_[a-z_]+\b/);
  expect(s).not.toMatch(/\b[a-z]+\.\d+\.[a-z]+/);
  expect(s).not.toMatch(/[<>]/);
  expect(s).not.toMatch(/Input should|Value error/i);
  expect(s).toMatch(/^[A-Z].*[.!?]$/);
}

describe('refusals on the patient page in words', () => {
  it('says the threshold ordering rule as a sentence next to the safe pain field, not "safe_pain < pain_ceiling"', () => {
    const problem = {
      status: 422,
      title: 'Invalid input',
      detail: 'must keep safe_pain < pain_ceiling < severe_pain',
      errors: [{ field: 'thresholds', message: 'must keep safe_pain < pain_ceiling < severe_pain' }],
    };
    const w = problemWords(problem, ['phase', 'safe_pain', 'pain_ceiling']);
    expect(w.fields.safe_pain).toBe('The safe pain level must be below the pain ceiling, and the pain ceiling below the severe pain level.');
    expect(w.summary).toBe('Some values need changing: see the messages next to them.');
    inWords(w.fields.safe_pain!);
  });

  it('names the field in words for range, type and missing errors from request validation', () => {
    expect(messageWords('thresholds.pain_ceiling', 'Input should be less than or equal to 10')).toBe('The pain ceiling during exercise must be 10 or less.');
    expect(messageWords('thresholds.sessions_to_progress', 'Input should be greater than or equal to 1')).toBe('The number of good sessions before progressing must be 1 or more.');
    expect(messageWords('minutes', 'Input should be a valid integer')).toBe('Minutes must be a whole number.');
    expect(messageWords('exercises.1.sets', 'Input should be less than or equal to 10')).toBe('Exercise 2: sets must be 10 or less.');
    expect(messageWords('exercises.0.load_kg', 'Input should be a multiple of 0.5')).toBe('Exercise 1: the load must be in steps of 0.5.');
    expect(messageWords('band', "Input should be 'jog', 'tempo', 'high_speed' or 'sprint'")).toBe('The speed band is not one of the allowed values.');
    expect(messageWords('body', "Value error, give minutes with a band, and neither for no running")).toBe('Give minutes with a speed band, or neither for no running.');
  });

  it('rewords the programme editor’s dose refusals without field names, and keeps its phase-limit sentences', () => {
    const held = messageWords('tendon', 'Long-lever bridge hold is held: give hold_s (seconds) and no reps.');
    expect(held).toBe('Long-lever bridge hold is held: give a hold time in seconds, not repetitions.');
    inWords(held);
    const limit = 'Romanian deadlift is a stage-3 exercise; phase 1 allows stage 1 at most.';
    expect(messageWords('tendon', limit)).toBe(limit);
    expect(messageWords('running', 'Phase 2 allows running up to jog.')).toBe('Phase 2 allows running up to jog.');
  });

  it('puts errors about fields the form does not show in the summary, each once', () => {
    const w = problemWords(
      {
        status: 422,
        detail: 'The request has invalid or missing values.',
        errors: [
          { field: 'exercises.0.sets', message: 'Input should be less than or equal to 10' },
          { field: 'exercises.0.sets', message: 'Input should be less than or equal to 10' },
          { field: 'some_new_field', message: 'must be set' },
        ],
      },
      [],
    );
    expect(w.fields).toEqual({});
    expect(w.summary).toBe('Exercise 1: sets must be 10 or less. Some new field must be set.');
    inWords(w.summary);
  });

  it('words a problem without field errors from its detail, and a bare failure as a sentence', () => {
    expect(problemWords({ status: 422, detail: 'must be today or within the last 14 days' }).summary).toBe('The change can take effect today or up to 14 days back.');
    expect(problemWords({ status: 500 }).summary).toBe('The change could not be saved.');
    expect(fieldWords('thresholds.severe_pain')).toBe('The severe pain level');
  });
});

describe('trend summaries beside the charts', () => {
  const dates = ['2026-11-27', '2026-11-28', '2026-11-29', '2026-11-30'];
  it('says how often, the latest value and the spread, in words', () => {
    const stage = TRENDS.find((t) => t.id === 'stage')!;
    expect(trendSummary(stage.title, dates, [1, null, 2, null], stage.words)).toBe('Loading stage: logged on 2 of 4 days. Latest stage 2 (Sun 29 Nov). Lowest stage 1, highest stage 2.');
    const extent = TRENDS.find((t) => t.id === 'extent')!;
    expect(trendSummary(extent.title, dates, [3, 3, null, null], extent.words)).toMatch(/The same every time: below the knee\./);
    expect(trendSummary('Running speed', dates, [null, null, null, null], (v) => `${v}%`)).toBe('Running speed: not logged in the last 4 days.');
  });
});

describe('plan history words', () => {
  it('says why a version was made (rule or clinician) and who made it', async () => {
    const { madeByWords, reasonWords } = await import('../src/clinician/planTypes');
    expect(reasonWords({ kind: 'clinician', reason: 'clinician' })).toBe('clinician');
    expect(reasonWords({ kind: 'step_up', reason: 'PR-1' })).toBe('step up, rule PR-1');
    expect(reasonWords({ kind: 'back_off', reason: 'PM-1 PM-3' })).toBe('back-off, rules PM-1 PM-3');
    expect(reasonWords({ kind: 'default', reason: 'default' })).toBe('default plan for the phase');
    expect(madeByWords({ made_by: 'clinician', made_by_name: 'Dr A (physio)', kind: 'clinician' })).toBe('Dr A (physio), a clinician');
    expect(madeByWords({ made_by: 'patient', made_by_name: null, kind: 'step_up' })).toBe('the patient, accepting the rules’ proposal');
    expect(madeByWords({ made_by: 'patient', made_by_name: 'Kari', kind: 'clinician' })).toBe('Kari, the patient');
    expect(madeByWords({ made_by: 'guardrails', made_by_name: null, kind: 'back_off' })).toBe('Loadline’s rules');
  });

  it('says what changed without repeating the component, with a real arrow', async () => {
    const { changeWords, lockReasonWords } = await import('../src/clinician/planTypes');
    expect(changeWords('running', 'Running: no running -> jog 20 min')).toBe('no running → jog 20 min');
    expect(changeWords('tendon', 'Isometric heel dig 3 x 35 s -> 4 x 40 s')).toBe('Isometric heel dig 3 x 35 s → 4 x 40 s');
    expect(lockReasonWords('clinician')).toBeNull();
    expect(lockReasonWords('assessment: neural emphasis')).toBe('assessment, neural emphasis');
  });
});
