import { describe, expect, it } from 'vitest';
import { testResult } from '../src/outcomes/labels';
import type { TestOut } from '../src/outcomes/types';

const base: TestOut = {
  id: 't', kind: 'other', title: 'Other', name: null, tested_on: '2026-11-30', side: null, left: null, right: null, value: null,
  unit: null, result: null, symmetry_pct: null, note: null, self_test: false, recorded_by: 'Dr A', created_at: '2026-11-30T10:00:00Z',
};

describe('a test result in one line', () => {
  it('gives both sides with the unit and the limb symmetry index', () => {
    const t = { ...base, kind: 'hamstring_isometric' as const, left: 180, right: 240, unit: 'N', side: 'left' as const, symmetry_pct: 75 };
    expect(testResult(t)).toBe('Left 180 N, right 240 N · limb symmetry 75%');
  });

  it('gives a slump test as its result and the side tested, with no number', () => {
    expect(testResult({ ...base, kind: 'slump', result: 'negative', side: 'both' })).toBe('Negative · both sides');
  });

  it('gives a straight-leg raise its range', () => {
    expect(testResult({ ...base, kind: 'straight_leg_raise', result: 'positive', side: 'left', value: 62.5, unit: 'deg' })).toBe('Positive · left side · 62.5 deg');
  });

  it('shows a missing side as a dash, never as 0', () => {
    expect(testResult({ ...base, kind: 'single_leg_bridge', left: 12, right: null, unit: 'reps' })).toBe('Left 12 reps, right – reps');
  });
});
