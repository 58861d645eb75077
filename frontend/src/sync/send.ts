// Sending one outbox entry to the server and recording what happened: sent (removed), retry
// later with backoff, needs attention (the server refused it), or sign in again.
import { ApiError, NetworkError, readProblem, safeFetch } from '../api/http';
import { API, apiPath, type ApiBody } from '../api/paths';
import type { LogWithGuidance } from '../api/types';
import { pickLogFields } from '../log/body';
import type { DB, OutboxEntry } from './db';
import type { OutboxDeps } from './outbox';
import { patchMeta, updateIfSameRev } from './outboxStore';

const BASE_DELAY_MS = 15_000;
const MAX_DELAY_MS = 30 * 60_000;

/** Backoff after `attempts` failed tries: 15 s, 30 s, 1 min, ... capped at 30 min. */
export function backoffMs(attempts: number): number {
  return Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, attempts - 1));
}

export type Outcome = 'sent' | 'needs_attention' | 'retry' | 'offline' | 'auth';

async function put(deps: OutboxDeps, entry: OutboxEntry, token: string): Promise<Response> {
  const url = apiPath('put', '/me/logs/{log_date}', { path: { log_date: entry.date } });
  return safeFetch(deps.fetch, `${deps.baseUrl ?? ''}${API}${url}`, {
    method: 'PUT',
    headers: {
      Authorization: `Bearer ${token}`,
      'Content-Type': 'application/json',
      Accept: 'application/json',
    },
    body: JSON.stringify(pickLogFields(entry.body) satisfies ApiBody<'put', '/me/logs/{log_date}'>),
  });
}

/**
 * Sends one entry (the same idempotent PUT every time) and records the outcome on it, unless the
 * patient edited the day meanwhile (its `rev` moved on).
 */
export async function sendOne(deps: OutboxDeps, db: DB, entry: OutboxEntry): Promise<Outcome> {
  const now = deps.now ?? (() => Date.now());
  const markRetry = async (problem: OutboxEntry['lastError']) => {
    await updateIfSameRev(db, entry, (e) => ({
      ...e,
      attempts: e.attempts + 1,
      lastAttemptAt: now(),
      nextAttemptAt: now() + backoffMs(e.attempts + 1),
      lastError: problem,
    }));
  };
  let res: Response;
  try {
    let token = await deps.getAccessToken();
    if (!token) return 'auth';
    res = await put(deps, entry, token);
    if (res.status === 401) {
      token = await deps.getAccessToken({ forceRefresh: true });
      if (!token) return 'auth';
      res = await put(deps, entry, token);
      if (res.status === 401) return 'auth';
    }
  } catch (e) {
    if (e instanceof NetworkError) {
      await markRetry({ title: 'No connection', detail: 'Could not reach the server.' });
      return 'offline';
    }
    if (e instanceof ApiError) {
      // the token endpoint itself failed (5xx): try again later
      await markRetry(e.problem);
      return 'retry';
    }
    throw e;
  }

  if (res.ok) {
    let result: LogWithGuidance | null = null;
    try {
      result = (await res.json()) as LogWithGuidance;
    } catch {
      result = null;
    }
    await updateIfSameRev(db, entry, () => null);
    await patchMeta(db, entry.userId, { lastSyncAt: now(), authRequired: false });
    if (result && deps.onSynced) {
      try {
        await deps.onSynced(entry.date, result);
      } catch {
        /* ignore listener errors */
      }
    }
    return 'sent';
  }

  const problem = await readProblem(res);
  if (res.status === 408 || res.status === 425 || res.status === 429 || res.status >= 500) {
    await markRetry(problem);
    return 'retry';
  }
  // 422 and any other 4xx: retrying the same body cannot succeed; keep it and show why.
  await updateIfSameRev(db, entry, (e) => ({
    ...e,
    status: 'needs_attention',
    attempts: e.attempts + 1,
    lastAttemptAt: now(),
    nextAttemptAt: 0,
    lastError: problem,
  }));
  return 'needs_attention';
}
