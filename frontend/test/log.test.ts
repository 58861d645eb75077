import { describe, expect, it } from 'vitest';
import { localReferral, pickLogFields, validateLog } from '../src/log/body';
import { carryOver } from '../src/log/carryOver';
import { errorsByField, fieldKey, readProblem } from '../src/api/http';
import { addDays, isIsoDate, lastNDays, todayIn } from '../src/dates';
import { LOG_FIELDS } from '../src/api/types';

describe('log bodies', () => {
  it('pickLogFields keeps exactly the contract fields and never turns "not logged" into 0', () => {
    const b = pickLogFields({ morning_pain: 0, extra: 'x', notes: '  ', red_flags: ['both_legs', 'nope'] } as never);
    expect(Object.keys(b).sort()).toEqual([...LOG_FIELDS].sort());
    expect(b.morning_pain).toBe(0);
    expect(b.sitting_pain).toBeNull();
    expect(b.notes).toBeNull();
    expect(b.red_flags).toEqual(['both_legs']);
  });

  it('finds, for each carried-over field, the latest earlier log that has it, and its date', () => {
    // (was "prefills stable fields": the same search, now offered as a suggestion with its date, not filled in)
    const logs = [
      { log_date: '2026-11-18', loading_stage: 2, glide_type: 'slider' as const, sprint_speed_pct: 60, sitting_tolerance_min: 45 },
      { log_date: '2026-11-20', loading_stage: 3, glide_type: null, sprint_speed_pct: null, sitting_tolerance_min: 60 },
      { log_date: '2026-11-22', loading_stage: 4 },
    ];
    expect(carryOver(logs, '2026-11-21')).toEqual({
      loading_stage: { value: 3, from: '2026-11-20' },
      glide_type: { value: 'slider', from: '2026-11-18' },
      sprint_speed_pct: { value: 60, from: '2026-11-18' },
      sitting_tolerance_min: { value: 60, from: '2026-11-20' },
    });
    expect(carryOver(logs, '2026-11-18')).toEqual({});
  });

  it('reads red_flags_reviewed as a plain boolean (false unless true was sent)', () => {
    expect(pickLogFields({}).red_flags_reviewed).toBe(false);
    expect(pickLogFields({ red_flags_reviewed: true }).red_flags_reviewed).toBe(true);
    expect(pickLogFields({ red_flags_reviewed: 'yes' } as never).red_flags_reviewed).toBe(false);
  });

  it('maps red flags to the referral the rules give (offline safety net)', () => {
    expect(localReferral(['saddle_numbness'])).toBe('emergency');
    expect(localReferral(['sexual_dysfunction'])).toBe('emergency');
    expect(localReferral(['bladder_bowel_change', 'night_rest_pain'])).toBe('emergency');
    expect(localReferral(['constructor'])).toBeNull();
    expect(localReferral(['fever_unwell', 'new_weakness'])).toBe('urgent');
    expect(localReferral(['night_rest_pain'])).toBe('soon');
    expect(localReferral([])).toBeNull();
  });

  it('validates ranges like the server does', () => {
    const b = pickLogFields({ morning_pain: 11, sleep: 0, sitting_tolerance_min: 30 });
    expect(Object.keys(validateLog(b)).sort()).toEqual(['morning_pain', 'sleep']);
  });
});

describe('problem details', () => {
  it('reads RFC 9457 bodies and maps field errors to inputs', async () => {
    const res = new Response(
      JSON.stringify({ type: 'about:blank', title: 'Unprocessable', status: 422, detail: 'Invalid log', errors: [{ field: 'body.morning_pain', message: 'too high' }] }),
      { status: 422, headers: { 'Content-Type': 'application/problem+json' } },
    );
    const p = await readProblem(res);
    expect(p.detail).toBe('Invalid log');
    expect(errorsByField(p)).toEqual({ morning_pain: 'too high' });
    expect(fieldKey('body -> password')).toBe('password');
  });

  it('survives a non-JSON error body', async () => {
    const p = await readProblem(new Response('<html>bad gateway</html>', { status: 502 }));
    expect(p.status).toBe(502);
    expect(p.title).toMatch(/502/);
  });
});

describe('dates', () => {
  it('computes today in a time zone and steps days across month ends', () => {
    const at = new Date('2026-11-23T23:30:00Z');
    expect(todayIn('UTC', at)).toBe('2026-11-23');
    expect(todayIn('Europe/Oslo', at)).toBe('2026-11-24');
    expect(todayIn('America/New_York', at)).toBe('2026-11-23');
    expect(addDays('2026-11-30', 1)).toBe('2026-12-01');
    expect(lastNDays('2026-03-01', 3)).toEqual(['2026-02-27', '2026-02-28', '2026-03-01']);
    expect(isIsoDate('2026-02-30')).toBe(false);
  });
});

describe('router', () => {
  it('matches History API routes with parameters', async () => {
    const { match } = await import('../src/router');
    expect(match('/log/:date', '/log/2026-11-23')).toEqual({ date: '2026-11-23' });
    expect(match('/clinician/patients/:id', '/clinician/patients/a%20b')).toEqual({ id: 'a b' });
    expect(match('/log/:date', '/history')).toBeNull();
  });
});
