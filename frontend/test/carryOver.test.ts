import { describe, expect, it } from 'vitest';
import { emptyLog, pickLogFields } from '../src/log/body';
import { carryOver, sameAsWords, suggestionFor } from '../src/log/carryOver';
import { bodyToSave, mergeIntoForm, TouchedByDate, viewFor } from '../src/log/formState';
import type { LogBody } from '../src/api/types';

const body = (p: Partial<LogBody>): LogBody => pickLogFields(p);
const yesterday = { log_date: '2026-11-29', sitting_tolerance_min: 60, loading_stage: 2, loading_pain: 2, glide_type: 'tensioner' as const, glide_pain: 1, sprint_speed_pct: 65, sprint_pain: 0 };
const today = '2026-11-30';

describe('carried-over answers: offered, never sent unless confirmed today', () => {
  it('a new day starts blank: yesterday’s sitting tolerance, stage, speed and glide type are only suggestions', () => {
    const carry = carryOver([yesterday], today);
    const v = mergeIntoForm(viewFor(emptyLog()), emptyLog(), new Set()); // what the page shows for a day not logged
    expect(suggestionFor(carry, v.form, 'sitting_tolerance_min')).toEqual({ value: 60, from: '2026-11-29' });
    expect(suggestionFor(carry, v.form, 'loading_stage')).toEqual({ value: 2, from: '2026-11-29' });
    expect(suggestionFor(carry, v.form, 'glide_type')).toEqual({ value: 'tensioner', from: '2026-11-29' });

    // the patient answers today's pains and switches the activities on, but does not tap a suggestion
    const answered = { ...v, form: { ...v.form, morning_pain: 2, loading_pain: 3, sprint_pain: 1, glide_pain: 0 }, toggles: { loading: true, running: true, glides: true } };
    const sent = bodyToSave(answered);
    expect(sent.sitting_tolerance_min).toBeNull();
    expect(sent.loading_stage).toBeNull();
    expect(sent.sprint_speed_pct).toBeNull();
    expect(sent.glide_type).toBeNull();
    expect(sent.morning_pain).toBe(2);
  });

  it('one tap confirms the value: then it is today’s answer, sent, and no longer offered', () => {
    const carry = carryOver([yesterday], today);
    const touched = new TouchedByDate();
    let v = viewFor(emptyLog());
    const s = suggestionFor(carry, v.form, 'sitting_tolerance_min')!;
    // what "Same as yesterday: 60 minutes" does: the same edit as answering by hand
    touched.touch(today, 'sitting_tolerance_min');
    v = { ...v, form: { ...v.form, sitting_tolerance_min: s.value } };
    expect(bodyToSave(v).sitting_tolerance_min).toBe(60);
    expect(suggestionFor(carry, v.form, 'sitting_tolerance_min')).toBeNull();
    // a server answer arriving afterwards does not undo the confirmation
    v = mergeIntoForm(v, body({ morning_pain: 1 }), touched.for(today));
    expect(bodyToSave(v).sitting_tolerance_min).toBe(60);
  });

  it('an answer of its own (or one already saved for the day) replaces the suggestion', () => {
    const carry = carryOver([yesterday], today);
    const saved = viewFor(body({ sitting_tolerance_min: 45 }));
    expect(suggestionFor(carry, saved.form, 'sitting_tolerance_min')).toBeNull();
    expect(bodyToSave(saved).sitting_tolerance_min).toBe(45);
  });

  it('says which day the suggestion comes from', () => {
    expect(sameAsWords('2026-11-29', today)).toBe('Same as yesterday');
    expect(sameAsWords('2026-11-26', today)).toBe('Same as Thu 26 Nov');
    expect(carryOver([{ log_date: today, sitting_tolerance_min: 30 }], today)).toEqual({}); // never from the day itself
  });
});
