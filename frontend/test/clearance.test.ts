import { describe, expect, it } from 'vitest';
import { checkDateProblem, clearanceProblemText, oldestStart } from '../src/clearance';

const today = '2026-11-30';

describe('recording a check (clinician)', () => {
  it('checks the date before sending: not empty, not in the future, not before the oldest episode', () => {
    const oldest = oldestStart([
      { started_on: '2026-11-29', level: 'emergency', flags: ['saddle_numbness'] },
      { started_on: '2026-11-27', level: 'urgent', flags: ['new_weakness'] },
    ]);
    expect(oldest).toBe('2026-11-27');
    expect(checkDateProblem('', today, oldest)).toBe('Enter the date you checked the patient.');
    expect(checkDateProblem('2026-12-01', today, oldest)).toMatch(/can’t be dated in the future/);
    expect(checkDateProblem('2026-11-26', today, oldest)).toMatch(/before the warning signs were reported \(Fri 27 Nov\)/);
    expect(checkDateProblem('2026-11-27', today, oldest)).toBeNull();
    expect(checkDateProblem(today, today, oldest)).toBeNull();
  });

  it('puts the server’s refusals in words, never field names', () => {
    const ctx = { checkedOn: '2026-11-28', today, oldest: '2026-11-27' };
    expect(clearanceProblemText(409, { detail: 'No red-flag episode is open for this patient.' }, ctx)).toMatch(/no open warning signs/);
    const server422 = { detail: 'x', errors: [{ field: 'checked_on', message: "must not be after the patient's today (2026-11-29)" }] };
    const text = clearanceProblemText(422, server422, ctx);
    expect(text).toBe("The date of the check must not be after the patient's today (2026-11-29).");
    expect(text).not.toMatch(/checked_on/);
    const unknown = clearanceProblemText(422, { errors: [{ field: 'bogus', message: 'Extra inputs are not permitted' }] }, ctx);
    expect(unknown).not.toMatch(/bogus/);
    // a date the client already knows is wrong is explained as such
    expect(clearanceProblemText(422, server422, { ...ctx, checkedOn: '2026-12-02' })).toMatch(/future/);
  });
});
