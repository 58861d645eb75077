import { describe, expect, it } from 'vitest';
import type { Guidance, LogBody, Prescription } from '../src/api/types';
import { emptyLog, pickLogFields } from '../src/log/body';
import { bodyToSave } from '../src/log/formState';
import { asPrescribed, changedFrom, doneState, guidanceScope, guidanceTitle, markDone, nextSteps, savedMessage, sessionLogged, stageOf } from '../src/log/plan';
import { guidanceView } from '../src/ui/guidanceView';

const off = { loading: false, running: false, glides: false };
const rx = (p: Partial<Prescription> & Pick<Prescription, 'component'>): Prescription => ({
  version_id: '0b6f2f4e-6a8b-4d0e-9d55-0c1f00000001',
  number: 1,
  text: '',
  exercises: null,
  band: null,
  minutes: null,
  glide: null,
  exercise: null,
  exercise_name: null,
  reps: null,
  ...p,
});
const tendon = rx({
  component: 'tendon',
  text: 'Bridge 3x10; Hamstring curl 3x10',
  exercises: [
    { exercise: 'bridge', name: 'Bridge', stage: 2, dosing: 'reps', sets: 3, reps: 10, hold_s: null, load_kg: null, text: '3x10' },
    { exercise: 'isometric_heel_dig', name: 'Isometric heel dig', stage: 1, dosing: 'hold', sets: 3, reps: null, hold_s: 30, load_kg: null, text: '3 x 30 s' },
  ],
});
const neural = rx({ component: 'neural', glide: 'slider', exercise: 'seated_slider', exercise_name: 'Seated nerve slider', reps: 10 });

describe('logging against the plan', () => {
  it('"done as prescribed" records the version, opens the section and fills the highest stage', () => {
    const { form, toggles } = markDone(emptyLog(), off, tendon, asPrescribed(tendon));
    expect(form.performed).toEqual({ tendon: { version_id: tendon.version_id, as_prescribed: true } });
    expect(toggles.loading).toBe(true);
    expect(form.loading_stage).toBe(2);
    expect(stageOf(tendon)).toBe(2);
    expect(doneState(form, 'tendon')).toBe('prescribed');
    expect(doneState(form, 'neural')).toBe('none');
  });

  it('fills the glide type from the plan, and undoing leaves nothing recorded', () => {
    const done = markDone(emptyLog(), off, neural, asPrescribed(neural));
    expect(done.form.glide_type).toBe('slider');
    expect(done.toggles.glides).toBe(true);
    expect(markDone(done.form, done.toggles, neural, null).form.performed).toBeNull();
  });

  it('"changed" starts from the prescribed doses, as not prescribed', () => {
    const c = changedFrom(tendon) as { as_prescribed: boolean; exercises: unknown[] };
    expect(c.as_prescribed).toBe(false);
    expect(c.exercises).toEqual([
      { exercise: 'bridge', sets: 3, reps: 10, hold_s: null, load_kg: null },
      { exercise: 'isometric_heel_dig', sets: 3, reps: null, hold_s: 30, load_kg: null },
    ]);
  });

  it('a section switched off sends nothing of it against the plan', () => {
    const { form } = markDone(emptyLog(), off, tendon, asPrescribed(tendon));
    const body = bodyToSave({ form: { ...form, morning_pain: 2 }, toggles: off, moreOpen: false });
    expect(body.performed).toBeNull();
    expect(body.loading_stage).toBeNull();
  });

  it('nothing is carried over: a new day starts with nothing done', () => {
    expect(emptyLog().performed).toBeNull();
    expect(pickLogFields({}).performed).toBeNull();
  });
});

describe('what the guidance applies to', () => {
  const morningOnly: LogBody = { ...emptyLog(), morning_pain: 2 };
  const session: LogBody = { ...morningOnly, loading_pain: 2 };

  it('after only the morning check: today’s session; once the session is logged: the next one; another day: its date', () => {
    expect(sessionLogged(morningOnly)).toBe(false);
    expect(sessionLogged(session)).toBe(true);
    expect(guidanceTitle(guidanceScope('2026-11-30', '2026-11-30', morningOnly), '2026-11-30')).toBe('Guidance for today’s session');
    expect(guidanceTitle(guidanceScope('2026-11-30', '2026-11-30', session), '2026-11-30')).toBe('Guidance for your next session');
    expect(savedMessage(guidanceScope('2026-11-25', '2026-11-30', session), '2026-11-25', 'Hold')).toBe('Saved. Guidance for Wed 25 Nov: Hold.');
  });

  it('a back-off after the session is said of the next session, never "today"', () => {
    const g = {
      date: '2026-11-30',
      decision: 'back_off',
      referral: null,
      components: { tendon: { decision: 'back_off', rules: [] }, running: { decision: 'hold', rules: [] }, neural: { decision: 'hold', rules: [] }, sitting: { decision: 'hold', rules: [] } },
      reasons: [],
      open_episodes: [],
      phase: 1,
      phase_ready: false,
      ruleset: '2026.12',
    } as unknown as Guidance;
    expect(guidanceView(g, 'next').summary).toBe('Ease off in your next session: reduce the load.');
    expect(guidanceView(g, 'today').summary).toContain('today');
  });
});

describe('the next step after a save', () => {
  it('lists a proposal to answer and a back-off already applied, not holds or steps at the limit', () => {
    const steps = nextSteps({
      tendon: { decision: 'progress', step: 'proposed', change: 'Single-leg RDL: 3x8 -> 4x8', proposal_id: 'p1' },
      running: { decision: 'back_off', step: 'applied', change: 'Running: tempo 20 min -> jog 20 min', proposal_id: null },
      neural: { decision: 'hold', step: 'none', change: null, proposal_id: null },
      sitting: { decision: 'progress', step: 'at_limit', change: null, proposal_id: null },
    });
    expect(steps).toEqual([
      { component: 'tendon', change: 'Single-leg RDL: 3x8 -> 4x8', step: 'proposed', proposalId: 'p1' },
      { component: 'running', change: 'Running: tempo 20 min -> jog 20 min', step: 'applied', proposalId: null },
    ]);
  });
});
