import { describe, expect, it } from 'vitest';
import { LOG_FIELDS } from '../src/api/types';
import { emptyLog, pickLogFields } from '../src/log/body';
import { LOG_SECTIONS } from '../src/log/fields';
import { bodyToSave, checkBeforeSave, SECTION_FIELDS, viewFor, WELLNESS_FIELDS } from '../src/log/formState';
import type { LogBody } from '../src/api/types';

const body = (p: Partial<LogBody>): LogBody => pickLogFields(p);
const allOn = { loading: true, running: true, glides: true };

describe('the form table (fields.ts)', () => {
  it('asks every log field of the contract exactly once, in sections', () => {
    // the warning-signs card draws the checklist and the "A clinician has checked me" tick
    const drawn = LOG_SECTIONS.flatMap((s) => ('fields' in s ? s.fields.map((f) => f.key) : s.kind === 'red-flags' ? ['red_flags', 'red_flags_reviewed'] : ['notes']));
    // `performed` is what was done against the plan: the plan's "done as prescribed" sets it;
    // `morning_pain` is the morning check's one question (MorningCheck.tsx), its own short flow
    const fromTheForm = LOG_FIELDS.filter((f) => f !== 'performed' && f !== 'morning_pain');
    expect(drawn).not.toContain('morning_pain');
    expect([...drawn].sort()).toEqual([...fromTheForm].sort());
  });

  it('asks tingling and how far down the leg every day, not behind the glides switch', () => {
    const daily = LOG_SECTIONS.flatMap((s) => (s.kind === 'card' ? s.fields.map((f) => f.key) : []));
    expect(daily).toEqual(expect.arrayContaining(['paresthesia', 'symptom_extent']));
    const lasting = LOG_SECTIONS.flatMap((s) => ('fields' in s ? s.fields : [])).find((f) => f.key === 'paresthesia');
    expect(lasting?.kind === 'choice' && lasting.options.map((o) => o.label)).toEqual([
      'None',
      'Gone within 30 minutes',
      'Over 30 minutes, or still there next morning',
    ]);
  });

  it('puts the same answers behind each switch and in the optional section as before (tingling now asked daily)', () => {
    expect(SECTION_FIELDS).toEqual({
      loading: ['loading_pain', 'loading_stage'],
      running: ['sprint_pain', 'sprint_speed_pct'],
      glides: ['glide_pain', 'glide_type'],
    });
    expect(WELLNESS_FIELDS).toEqual(['sleep', 'fatigue', 'stress', 'soreness', 'session_rpe', 'session_min']);
  });

  it('keeps each count within the ranges the body is checked against', () => {
    for (const s of LOG_SECTIONS) {
      if (!('fields' in s)) continue;
      for (const f of s.fields) {
        if (f.kind !== 'count') continue;
        expect(checkBeforeSave(body({ [f.key]: f.max }), allOn)[f.key]).toBeUndefined();
        expect(checkBeforeSave(body({ [f.key]: f.max + 1 }), allOn)[f.key]).toMatch(/whole number/);
      }
    }
  });
});

describe('the body a save sends', () => {
  it('sends a switched-off activity as null, and the flags in the contract order', () => {
    const v = viewFor(body({ morning_pain: 2, loading_pain: 3, loading_stage: 2, sprint_pain: 1, sprint_speed_pct: 80, glide_pain: 0, glide_type: 'slider', paresthesia: 'none' }));
    v.form.red_flags = ['night_rest_pain', 'sexual_dysfunction', 'saddle_numbness'];
    const sent = bodyToSave({ ...v, toggles: { loading: false, running: true, glides: false } });
    expect(sent).toEqual({
      ...emptyLog(),
      morning_pain: 2,
      sprint_pain: 1,
      sprint_speed_pct: 80,
      paresthesia: 'none', // asked every day now: the glides switch no longer clears it
      red_flags: ['saddle_numbness', 'sexual_dysfunction', 'night_rest_pain'],
    });
    expect(Object.keys(sent)).toEqual([...LOG_FIELDS]);
  });

  it('asks for the pain of a switched-on activity, then for at least one answer', () => {
    const errs = checkBeforeSave(emptyLog(), allOn);
    expect(Object.keys(errs)).toEqual(['loading_pain', 'sprint_pain', 'glide_pain', 'morning_pain']);
    expect(errs.loading_pain).toMatch(/switch off “I did loading exercises today”/);
    expect(errs.morning_pain).toBe('Answer at least one question before saving.');
    expect(checkBeforeSave(body({ red_flags: ['fever_unwell'] }), { loading: false, running: false, glides: false })).toEqual({});
    // the "checked" tick alone is an answer; its default (false) is not
    expect(checkBeforeSave(body({ red_flags_reviewed: true }), { loading: false, running: false, glides: false })).toEqual({});
    expect(checkBeforeSave(body({ red_flags_reviewed: false }), { loading: false, running: false, glides: false }).morning_pain).toMatch(/at least one/);
    expect(checkBeforeSave(body({ sitting_pain: 11 }), { loading: false, running: false, glides: false })).toEqual({
      sitting_pain: 'Enter a whole number from 0 to 10.',
    });
  });
});
