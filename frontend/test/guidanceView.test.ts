import { describe, expect, it } from 'vitest';
import type { Guidance, Reason } from '../src/api/types';
import { guidanceView } from '../src/ui/guidanceView';

type C = [Guidance['decision'], string[]];
/** A guidance as the server gives it (shapes taken from the 2026.12 demo data). */
function g(decision: Guidance['decision'], comps: Record<'tendon' | 'running' | 'neural' | 'sitting', C>, reasons: [string, string, Reason['severity'], string][], extra: Partial<Guidance> = {}): Guidance {
  const components = Object.fromEntries(Object.entries(comps).map(([k, [d, rules]]) => [k, { decision: d, rules }])) as Guidance['components'];
  return {
    date: '2026-11-30',
    decision,
    referral: null,
    components,
    reasons: reasons.map(([rule, component, severity, message]) => ({ rule, component, severity, message })),
    open_episodes: [],
    phase: 2,
    phase_ready: false,
    ruleset: '2026.12',
    ...extra,
  };
}
const none: C = ['hold', []];

describe('the guidance card', () => {
  it('never tells a patient whose plan has no running yet to "keep the same speed"', () => {
    const held = g('hold', { tendon: none, running: none, neural: none, sitting: none }, []);
    const noRun = { ...held.components.running, current: { component: 'running', text: 'No running for now', band: null } };
    const planned = { ...held, components: { ...held.components, running: noRun } } as Guidance;
    expect(guidanceView(planned).components.find((c) => c.component === 'running')!.advice).toBe('No running in your plan for now.');
    const jogging = { ...planned, components: { ...planned.components, running: { ...noRun, current: { ...noRun.current, band: 'jog' } } } } as Guidance;
    expect(guidanceView(jogging).components.find((c) => c.component === 'running')!.advice).toBe('Keep the same speed. Don’t go faster yet.');
  });

  it('shows a component held by PR-0 as "ready, waiting", naming the one that steps up, and the overall as set by it', () => {
    const v = guidanceView(
      g('progress', { tendon: none, running: none, neural: ['progress', ['PR-3']], sitting: ['hold', ['PR-0']] }, [
        ['PR-0', 'sitting', 'info', "Ready to step up, but one change at a time: today's step up is in nerve glides."],
        ['PR-3', 'neural', 'info', 'Glides are comfortable: you may move on to tensioners.'],
      ]),
    );
    const sitting = v.components.find((c) => c.component === 'sitting')!;
    expect(sitting.state).toBe('waiting');
    expect(sitting.why).toEqual(["Ready to step up, but one change at a time: today's step up is in nerve glides."]);
    expect(v.lead).toBe('Set by nerve glides');
    expect(v.summary).toBe('Glides are comfortable: you may move on to tensioners.');
    expect(v.reasons.map((r) => r.rule)).toEqual(['PR-3']); // PR-0 is in its row, once
  });

  it('shows GA-1 as "ready, waiting" with its reason, and the hold as set by the component that needs care', () => {
    const v = guidanceView(
      g('hold', { tendon: none, running: none, neural: ['hold', ['NE-2']], sitting: ['hold', ['GA-1']] }, [
        ['NE-2', 'neural', 'caution', "The nerve is more sensitive today: keep the glides as they are, don't add tension."],
        ['GA-1', 'sitting', 'caution', 'Something else needs care today, so nothing steps up: keep your current levels.'],
      ]),
    );
    expect(v.components.map((c) => c.state)).toEqual(['hold', 'hold', 'hold', 'waiting']);
    expect(v.components[3]!.why).toEqual(['Something else needs care today, so nothing steps up: keep your current levels.']);
    expect(v.lead).toBe('Set by nerve glides');
    expect(v.summary).toMatch(/^The nerve is more sensitive today/);
    expect(v.summary).not.toMatch(/ease off|reduce/i);
  });

  it('names the component that set a back-off, never a contradiction from a holding one', () => {
    const v = guidanceView(
      g('back_off', { tendon: ['hold', ['PM-6']], running: ['back_off', ['PM-2']], neural: none, sitting: none }, [
        ['PM-6', 'tendon', 'caution', "Acceptable pain: keep this load, don't progress yet."],
        ['PM-2', 'running', 'warning', 'Pain went over 5/10 while running: drop back one speed band.'],
      ]),
    );
    expect(v.lead).toBe('Set by running');
    expect(v.summary).toBe('Pain went over 5/10 while running: drop back one speed band.');
  });

  it('names every component a shared rule set (PM-3 backs off loading and running)', () => {
    const v = guidanceView(
      g('back_off', { tendon: ['back_off', ['PM-3']], running: ['back_off', ['PM-3']], neural: ['hold', ['NE-2']], sitting: ['hold', ['SI-4']] }, [
        ['PM-3', 'tendon', 'warning', 'Your recent training had not settled by this morning: reduce it.'],
        ['SI-4', 'sitting', 'caution', 'Sitting is uncomfortable today: keep your sitting spells as they are.'],
        ['NE-2', 'neural', 'caution', 'The nerve is more sensitive today: keep the glides as they are.'],
      ]),
    );
    expect(v.lead).toBe('Set by loading exercises and running');
    expect(v.reasons).toHaveLength(3);
  });

  it('gives a whole-day reason without naming a component', () => {
    const v = guidanceView(
      g('back_off', { tendon: ['back_off', ['FL-1']], running: ['back_off', ['FL-1']], neural: ['back_off', ['FL-1']], sitting: ['back_off', ['SI-2', 'FL-1']] }, [
        ['SI-2', 'sitting', 'warning', 'Sitting is painful today: sit for shorter spells.'],
        ['FL-1', 'all', 'warning', 'Severe pain today: rest the painful activity and ease off.'],
      ]),
    );
    expect(v.lead).toBeNull();
    expect(v.summary).toBe('Severe pain today: rest the painful activity and ease off.');
  });

  it('shows MD-1’s reason in the row of the component it holds (a hold, not "ready")', () => {
    const v = guidanceView(g('hold', { tendon: ['hold', ['MD-1']], running: none, neural: none, sitting: none }, [['MD-1', 'tendon', 'caution', 'Log your morning score (and at least 4 days a week) before we step up.']]));
    expect(v.components[0]!.state).toBe('hold');
    expect(v.components[0]!.why).toEqual(['Log your morning score (and at least 4 days a week) before we step up.']);
    expect(v.lead).toBe('Set by loading exercises');
    expect(v.reasons).toEqual([]);
  });

  it('lifts RF-5 to the top and says no training for an open emergency episode', () => {
    const rf5 = 'You reported warning signs on Sun 29 Nov 2026. Until a clinician has checked you, no training.';
    const all: C = ['back_off', ['RF-5']];
    const v = guidanceView(g('back_off', { tendon: all, running: all, neural: all, sitting: all }, [['RF-5', 'all', 'critical', rf5]], { referral: 'emergency' }));
    expect(v.rf5?.message).toBe(rf5);
    expect(v.noTraining).toBe(true);
    expect(v.summary).toBe('No training today.');
    expect(v.components.every((c) => c.advice === 'Not today.')).toBe(true);
    expect(v.reasons).toEqual([]);
  });

  it('says to keep levels when no rule touched anything', () => {
    const v = guidanceView(g('hold', { tendon: none, running: none, neural: none, sitting: none }, []));
    expect(v.lead).toBeNull();
    expect(v.summary).toBe('Nothing needs to change today: keep your current levels.');
    expect(v.components.every((c) => c.state === 'hold' && c.why.length === 0)).toBe(true);
  });
});
