import { describe, expect, it } from 'vitest';
import { emptyLog, pickLogFields } from '../src/log/body';
import { mergeIntoForm, TouchedByDate, viewFor, type FormView, type TouchKey } from '../src/log/formState';
import type { LogBody } from '../src/api/types';

const body = (p: Partial<LogBody>): LogBody => pickLogFields(p);

/** What the page does when the patient answers: the field changes and is marked as touched. */
function answer<K extends keyof LogBody>(v: FormView, touched: TouchedByDate, date: string, k: K, value: LogBody[K]): FormView {
  touched.touch(date, k);
  return { ...v, form: { ...v.form, [k]: value } };
}

describe('log form: sources never overwrite what the patient touched', () => {
  const day = '2026-11-20';

  it('fills the whole form from a source while nothing is touched', () => {
    const served = body({ morning_pain: 3, loading_pain: 2, sleep: 4 });
    const v = mergeIntoForm(viewFor(emptyLog()), served, new Set());
    expect(v.form).toEqual(served);
    expect(v.toggles).toEqual({ loading: true, running: false, glides: false });
    expect(v.moreOpen).toBe(true);
  });

  it('a tap made before the cache, the outbox draft or the server arrives survives all of them, in any order', () => {
    const sources = [
      body({ sitting_tolerance_min: 45 }), // the day as cached on this phone
      body({ morning_pain: 7, sitting_pain: 1, notes: 'draft' }), // outbox draft
      body({ morning_pain: 5, sitting_pain: 2, symptom_extent: 'thigh' }), // the server
    ];
    for (const order of [[0, 1, 2], [2, 1, 0], [1, 2, 0], [2, 0, 1]]) {
      const touched = new TouchedByDate();
      let v = viewFor(emptyLog());
      v = answer(v, touched, day, 'morning_pain', 2); // the first moments after opening
      for (const i of order) v = mergeIntoForm(v, sources[i]!, touched.for(day));
      expect(v.form.morning_pain).toBe(2);
      // untouched fields come from the last source that arrived
      const last = sources[order[order.length - 1]!]!;
      expect(v.form.sitting_pain).toBe(last.sitting_pain);
      expect(v.form.notes).toBe(last.notes);
    }
  });

  it('a cleared answer (null) stays cleared: touched means kept, whatever the value', () => {
    const touched = new TouchedByDate();
    let v = viewFor(body({ morning_pain: 4 }));
    v = answer(v, touched, day, 'morning_pain', null);
    v = mergeIntoForm(v, body({ morning_pain: 4, sitting_pain: 3 }), touched.for(day));
    expect(v.form.morning_pain).toBeNull();
    expect(v.form.sitting_pain).toBe(3);
  });

  it('red flags merge one by one: a ticked or unticked flag is kept, the others follow the source', () => {
    const touched = new TouchedByDate();
    let v = viewFor(body({ red_flags: ['night_rest_pain'] }));
    touched.touch(day, 'flag:saddle_numbness');
    touched.touch(day, 'flag:night_rest_pain');
    v = { ...v, form: { ...v.form, red_flags: ['saddle_numbness'] } }; // ticked one, unticked the other
    v = mergeIntoForm(v, body({ red_flags: ['night_rest_pain', 'fever_unwell'] }), touched.for(day));
    expect([...v.form.red_flags].sort()).toEqual(['fever_unwell', 'saddle_numbness']);
  });

  it('keeps an activity switch the patient set, and keeps it on while one of its answers is touched', () => {
    const touched = new TouchedByDate();
    // switched "I ran today" on without answering yet; the server has no running answers
    let v = viewFor(emptyLog());
    touched.touch(day, 'toggle:running');
    v = { ...v, toggles: { ...v.toggles, running: true } };
    v = mergeIntoForm(v, body({ morning_pain: 1 }), touched.for(day));
    expect(v.toggles.running).toBe(true);

    // changed the loading stage of a cached day; the server then says there was no loading pain
    const t2 = new TouchedByDate();
    let w = viewFor(body({ loading_pain: 3, loading_stage: 2 }));
    w = answer(w, t2, day, 'loading_stage', 3);
    w = mergeIntoForm(w, body({ morning_pain: 1 }), t2.for(day));
    expect(w.toggles.loading).toBe(true);
    expect(w.form.loading_stage).toBe(3);
    expect(w.form.loading_pain).toBeNull();
  });

  it('keeps the optional section open once the patient opened it or answered in it', () => {
    const touched = new TouchedByDate();
    let v = viewFor(emptyLog());
    touched.touch(day, 'more');
    v = { ...v, moreOpen: true };
    expect(mergeIntoForm(v, emptyLog(), touched.for(day)).moreOpen).toBe(true);
    // untouched: follows the source
    expect(mergeIntoForm(v, body({ sleep: 3 }), new Set<TouchKey>()).moreOpen).toBe(true);
    expect(mergeIntoForm(viewFor(body({ sleep: 3 })), emptyLog(), new Set<TouchKey>()).moreOpen).toBe(false);
  });

  it('remembers touches per date: reading the same day again keeps them, another day starts afresh', () => {
    const touched = new TouchedByDate();
    touched.touch(day, 'morning_pain');
    expect(touched.for(day).has('morning_pain')).toBe(true); // the page reloads its data
    expect(touched.for(day).has('morning_pain')).toBe(true);
    expect(touched.for('2026-11-19').size).toBe(0); // another day
    expect(touched.for(day).size).toBe(0); // and back: a new visit to that day
  });
});
