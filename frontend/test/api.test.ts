import { describe, expect, it } from 'vitest';
import { apiPath, fillPath, type ApiBody, type ApiJson } from '../src/api/paths';
import { LOG_FIELDS, RED_FLAGS, type LogBody } from '../src/api/types';

describe('API paths', () => {
  it('fills path parameters, encoded', () => {
    expect(apiPath('get', '/me/logs/{log_date}', { path: { log_date: '2026-11-20' } })).toBe('/me/logs/2026-11-20');
    expect(apiPath('delete', '/me/shares/{share_id}', { path: { share_id: 'a/b c' } })).toBe('/me/shares/a%2Fb%20c');
    expect(apiPath('post', '/auth/refresh')).toBe('/auth/refresh');
  });

  it('builds the query string, leaving out what is not set', () => {
    expect(apiPath('get', '/me/logs', { query: { from: '2026-10-10', to: '2026-11-20' } })).toBe('/me/logs?from=2026-10-10&to=2026-11-20');
    expect(apiPath('get', '/me/logs', { query: { from: null, to: undefined } })).toBe('/me/logs');
    expect(apiPath('get', '/me/export', { query: { format: 'csv' } })).toBe('/me/export?format=csv');
  });

  it('refuses a path parameter left out', () => {
    expect(() => fillPath('/me/logs/{log_date}', {})).toThrow(/log_date/);
  });
});

// Type checks, run by tsc in `npm run build` (tsconfig.json includes test/): each line below must
// be an error; if the typed client stopped catching it, tsc would fail on the unused directive.
export function typeChecks(): void {
  // @ts-expect-error: not a path of the API
  apiPath('get', '/me/logz');
  // @ts-expect-error: the API has no PUT on /me
  apiPath('put', '/me');
  // @ts-expect-error: the path parameter is required
  apiPath('get', '/me/logs/{log_date}');
  // @ts-expect-error: wrong path parameter name
  apiPath('get', '/me/logs/{log_date}', { path: { date: '2026-11-20' } });
  // @ts-expect-error: no such query parameter
  apiPath('get', '/me/logs', { query: { since: '2026-11-20' } });
  // @ts-expect-error: the log body has no such field
  const body: ApiBody<'put', '/me/logs/{log_date}'> = { morning_pain: 2, red_flags: [], morning_pian: 3 };
  // @ts-expect-error: the answer has no such field
  const missing = (null as unknown as ApiJson<'get', '/me/logs/{log_date}'>).guidance.decison;
  // @ts-expect-error: not a red flag of the contract
  const flag: (typeof RED_FLAGS)[number] = 'sore_knee';
  // @ts-expect-error: not a log field of the contract
  const field: keyof LogBody = 'knee_pain';
  void [body, missing, flag, field, LOG_FIELDS];
}
