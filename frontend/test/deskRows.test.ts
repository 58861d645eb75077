import { describe, expect, it } from 'vitest';
import type { PatientRow } from '../src/api/types';
import { lastLoggedText, sortByReadiness } from '../src/dashboard/athletes';
import { flagLabel, isStale, nextSort, searchByName, shownFlags, sortRows, staleText } from '../src/dashboard/rows';

function row(name: string, over: Partial<PatientRow> = {}): PatientRow {
  return {
    patient_id: `id-${name}`,
    display_name: name,
    phase: 2,
    last_log_date: '2026-11-30',
    days_since_log: 0,
    decision: 'hold',
    decision_date: '2026-11-30',
    referral: null,
    flags: [],
    open_episodes: [],
    morning_pain_7d: [null, null, null, null, null, null, null],
    trend: null,
    adherence_14d: 0.5,
    latest_confidence: null,
    last_check_in_week: null,
    updated_at: '2026-11-30T08:00:00Z',
    acknowledged_by: null,
    acknowledged_at: null,
    ...over,
  };
}

const names = (rows: PatientRow[]) => rows.map((r) => r.display_name);

describe('stale decisions', () => {
  it('a decision from 3 or more days without a log is stale and says how long', () => {
    expect(isStale(row('a', { days_since_log: 2 }))).toBe(false);
    expect(isStale(row('a', { days_since_log: 3, decision: 'progress' }))).toBe(true);
    expect(staleText(row('a', { days_since_log: 7 }))).toBe('No log for 7 days');
  });

  it('a patient who never logged is stale: "No logs yet"', () => {
    const never = row('a', { days_since_log: null, last_log_date: null, decision: null });
    expect(isStale(never)).toBe(true);
    expect(staleText(never)).toBe('No logs yet');
  });

  it('sorting by decision puts stale decisions last, whatever they said', () => {
    const rows = [row('Old progress', { days_since_log: 8, decision: 'progress' }), row('Hold'), row('Back', { decision: 'back_off' })];
    expect(names(sortRows(rows, { key: 'decision', dir: 'ascending' }))).toEqual(['Back', 'Hold', 'Old progress']);
    expect(names(sortRows(rows, { key: 'decision', dir: 'descending' }))).toEqual(['Hold', 'Back', 'Old progress']);
  });
});

describe('flags in words', () => {
  it('known flags have words, flags added later are humanised, never shown as keys', () => {
    expect(flagLabel('missing_logs')).toBe('Missing logs');
    expect(flagLabel('needs_assessment')).toBe('Needs an assessment');
    expect(flagLabel('maintenance_overdue')).toBe('Maintenance check overdue');
    expect(flagLabel('brand_new_flag')).toBe('Brand new flag');
  });

  it('the referral flag is not repeated beside the referral badge', () => {
    expect(shownFlags(row('a', { referral: 'urgent', flags: ['referral', 'open_episode'] }))).toEqual(['open_episode']);
  });
});

describe('search and sort', () => {
  const rows = [row('Zoë Adams', { phase: 1, days_since_log: 1, adherence_14d: 0.9 }), row('ada Lovelace', { phase: 3, days_since_log: null, adherence_14d: 0.1 }), row('Bo', { phase: 2, days_since_log: 4, adherence_14d: 0.5, latest_confidence: 7 })];

  it('searches by name ignoring case and accents', () => {
    expect(names(searchByName(rows, 'zoe'))).toEqual(['Zoë Adams']);
    expect(names(searchByName(rows, 'ADA'))).toEqual(['Zoë Adams', 'ada Lovelace']);
    expect(names(searchByName(rows, '  '))).toHaveLength(3);
  });

  it('sorts by name, and urgency keeps the server order', () => {
    expect(names(sortRows(rows, { key: 'name', dir: 'ascending' }))).toEqual(['ada Lovelace', 'Bo', 'Zoë Adams']);
    expect(names(sortRows(rows, { key: 'name', dir: 'descending' }))).toEqual(['Zoë Adams', 'Bo', 'ada Lovelace']);
    expect(names(sortRows(rows, { key: 'urgency', dir: 'ascending' }))).toEqual(names(rows));
  });

  it('days since the last log: never logged counts as the stalest', () => {
    expect(names(sortRows(rows, { key: 'days', dir: 'descending' }))).toEqual(['ada Lovelace', 'Bo', 'Zoë Adams']);
  });

  it('missing values sort last in both directions', () => {
    expect(names(sortRows(rows, { key: 'confidence', dir: 'ascending' }))[0]).toBe('Bo');
    expect(names(sortRows(rows, { key: 'confidence', dir: 'descending' }))[0]).toBe('Bo');
  });

  it('referral sorts the most urgent first', () => {
    const r = [row('none'), row('soon', { referral: 'soon', flags: ['referral'] }), row('emerg', { referral: 'emergency', flags: ['referral', 'open_episode'] }), row('streak', { flags: ['back_off_streak'] })];
    expect(names(sortRows(r, { key: 'referral', dir: 'ascending' }))).toEqual(['emerg', 'soon', 'streak', 'none']);
  });

  it('a click on the sorted column flips it; a new column starts in its natural direction', () => {
    expect(nextSort({ key: 'name', dir: 'ascending' }, 'name')).toEqual({ key: 'name', dir: 'descending' });
    expect(nextSort({ key: 'name', dir: 'ascending' }, 'days')).toEqual({ key: 'days', dir: 'descending' });
    expect(nextSort({ key: 'days', dir: 'descending' }, 'name')).toEqual({ key: 'name', dir: 'ascending' });
  });
});

describe('coach list', () => {
  it('sorts by readiness: not ready, modified, ready, unknown; then by name', () => {
    const a = (display_name: string, readiness: 'ready' | 'modified' | 'not_ready' | 'unknown') => ({ display_name, readiness });
    const sorted = sortByReadiness([a('Cy', 'ready'), a('Al', 'unknown'), a('Bea', 'not_ready'), a('Di', 'modified'), a('Ab', 'ready')]);
    expect(sorted.map((x) => x.display_name)).toEqual(['Bea', 'Di', 'Ab', 'Cy', 'Al']);
  });

  it('says the date the athlete last logged, never a time of day', () => {
    expect(lastLoggedText('2026-11-29', '2026-11-30')).toBe('Last logged Sun 29 Nov (yesterday)');
    expect(lastLoggedText('2026-11-24', '2026-11-30')).toBe('Last logged Tue 24 Nov');
    expect(lastLoggedText(null, '2026-11-30')).not.toMatch(/\d\d:\d\d/);
  });
});
