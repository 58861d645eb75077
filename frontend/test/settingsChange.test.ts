import { describe, expect, it } from 'vitest';
import { describeChange } from '../src/ui/SettingsChangeNotice';
import type { AccessEntry } from '../src/api/types';

const entry = (action: string, detail: Record<string, unknown>): AccessEntry => ({
  at: '2026-11-25T09:30:00Z',
  actor_id: '11111111-2222-3333-4444-555555555555',
  actor_role: 'clinician',
  actor_name: 'Dr Gray',
  actor_current_name: 'Dr Gray',
  action,
  detail,
});

describe('the notice that a clinician changed the plan', () => {
  it('names who moved the phase, from and to', () => {
    expect(describeChange(entry('phase_changed', { from: 1, to: 2, effective_on: '2026-11-25' }))).toMatch(
      /^Dr Gray moved you from phase 1 to phase 2 \(/,
    );
  });

  it('names the limits that changed in words, never their values or field names', () => {
    const text = describeChange(entry('thresholds_changed', { changed: ['pain_ceiling', 'safe_pain'], effective_on: '2026-11-25' }));
    expect(text).toContain('Dr Gray changed your limits: pain ceiling during exercise, safe pain level');
    expect(text).not.toMatch(/pain_ceiling|safe_pain|\d\/10/);
  });

  it('says "Your clinician" once the clinician’s account is erased', () => {
    expect(describeChange({ ...entry('phase_changed', { from: 2, to: 3 }), actor_name: null })).toMatch(/^Your clinician moved you/);
  });
});
