// The outbox: logs saved on this phone that the server has not confirmed yet.
//
// Framework-free and dependency-injected (fetch, tokens, clock, locks), so the page and the
// service worker (Background Sync) drain the same IndexedDB store, and vitest drives it with
// fake-indexeddb. Rules:
// - one entry per user and date; a later edit replaces the queued one (its `rev` goes up);
// - replay is the same idempotent PUT per date; a reply to an older `rev` never deletes a newer edit;
// - 2xx removes the entry and records the sync time;
// - 401 that a refresh cannot fix keeps the entry and flags "sign in again";
// - 422 (and other 4xx that retrying cannot fix) marks the entry "needs attention" with the
//   server's messages; it waits until the patient edits it;
// - network errors, 408, 429 and 5xx keep the entry for a retry with exponential backoff;
// - nothing is ever dropped silently; concurrent drains never send the same entry twice.
//
// The records live in outboxStore.ts, sending one entry in send.ts.
import type { LockLike } from '../auth';
import type { LogBody, LogWithGuidance } from '../api/types';
import { pickLogFields } from '../log/body';
import type { DB, OutboxEntry } from './db';
import { entryKey, getMeta, listFor, patchMeta } from './outboxStore';
import { sendOne } from './send';

export type { OutboxEntry } from './db';
export type { OutboxMeta } from './outboxStore';
export { backoffMs } from './send';
export { entryKey };

export interface OutboxDeps {
  db: () => Promise<DB>;
  fetch: typeof fetch;
  /** A valid access token, refreshed if needed; null when signed out. May throw NetworkError. */
  getAccessToken: (opts?: { forceRefresh?: boolean }) => Promise<string | null>;
  /** The signed-in user (entries of other users on this phone are never sent with these tokens). */
  getUserId: () => Promise<string | null>;
  baseUrl?: string;
  now?: () => number;
  locks?: LockLike | null;
  /** Called after any change to the outbox or its metadata (to refresh counters, other tabs). */
  onChange?: () => void;
  /** Called with the server's answer when an entry was synced. */
  onSynced?: (date: string, result: LogWithGuidance) => void | Promise<void>;
}

export interface OutboxState {
  entries: OutboxEntry[];
  pending: number;
  needsAttention: number;
  total: number;
  lastSyncAt: number | null;
  authRequired: boolean;
  nextAttemptAt: number | null;
}

export interface DrainResult {
  sent: string[];
  needsAttention: string[];
  retrying: string[];
  authRequired: boolean;
  offline: boolean;
  remaining: number;
}

export interface DrainOptions {
  /** Send entries even if their backoff has not elapsed (app start, `online`, "Sync now"). */
  ignoreBackoff?: boolean;
}

export interface Outbox {
  queue(date: string, body: Partial<LogBody>): Promise<OutboxEntry>;
  get(date: string): Promise<OutboxEntry | undefined>;
  list(): Promise<OutboxEntry[]>;
  remove(date: string): Promise<void>;
  /** Run `action` (e.g. deleting the day on the server) while no drain can send the day's
   * queued entry, and drop that entry once `action` has succeeded: a queued edit of a day
   * the patient deleted must not bring the day back. If `action` throws, the entry stays. */
  withdraw<T>(date: string, action: () => Promise<T>): Promise<T>;
  state(): Promise<OutboxState>;
  count(): Promise<number>;
  lastSyncAt(): Promise<number | null>;
  setAuthRequired(v: boolean): Promise<void>;
  drain(opts?: DrainOptions): Promise<DrainResult>;
}

const LOCK_NAME = 'loadline-outbox';

export function createOutbox(deps: OutboxDeps): Outbox {
  const now = deps.now ?? (() => Date.now());
  let running: Promise<DrainResult> | null = null;
  let rerun = false;
  let rerunIgnoreBackoff = false;

  const changed = () => {
    try {
      deps.onChange?.();
    } catch {
      /* a listener's error must not break syncing */
    }
  };

  async function requireUser(): Promise<string> {
    const id = await deps.getUserId();
    if (!id) throw new Error('Not signed in');
    return id;
  }

  async function queue(date: string, body: Partial<LogBody>): Promise<OutboxEntry> {
    const userId = await requireUser();
    const db = await deps.db();
    const tx = db.transaction('outbox', 'readwrite');
    const key = entryKey(userId, date);
    const prev = await tx.store.get(key);
    const entry: OutboxEntry = {
      key,
      userId,
      date,
      body: pickLogFields(body),
      status: 'pending',
      rev: (prev?.rev ?? 0) + 1,
      queuedAt: now(),
      attempts: 0,
      nextAttemptAt: 0,
      lastAttemptAt: null,
      lastError: null,
    };
    await tx.store.put(entry);
    await tx.done;
    changed();
    return entry;
  }

  async function get(date: string): Promise<OutboxEntry | undefined> {
    const userId = await deps.getUserId();
    if (!userId) return undefined;
    const db = await deps.db();
    return db.get('outbox', entryKey(userId, date));
  }

  async function list(): Promise<OutboxEntry[]> {
    const userId = await deps.getUserId();
    if (!userId) return [];
    return listFor(await deps.db(), userId);
  }

  async function remove(date: string): Promise<void> {
    const userId = await requireUser();
    const db = await deps.db();
    await db.delete('outbox', entryKey(userId, date));
    changed();
  }

  async function withdraw<T>(date: string, action: () => Promise<T>): Promise<T> {
    const run = async (): Promise<T> => {
      const result = await action();
      if (await get(date)) await remove(date);
      return result;
    };
    const locks = deps.locks ?? null;
    return locks ? locks.request(LOCK_NAME, run) : run();
  }

  async function state(): Promise<OutboxState> {
    const userId = await deps.getUserId();
    if (!userId) {
      return { entries: [], pending: 0, needsAttention: 0, total: 0, lastSyncAt: null, authRequired: false, nextAttemptAt: null };
    }
    const db = await deps.db();
    const entries = await listFor(db, userId);
    const meta = await getMeta(db, userId);
    const pending = entries.filter((e) => e.status === 'pending');
    const waits = pending.map((e) => e.nextAttemptAt).filter((t) => t > 0);
    return {
      entries,
      pending: pending.length,
      needsAttention: entries.length - pending.length,
      total: entries.length,
      lastSyncAt: meta.lastSyncAt,
      authRequired: meta.authRequired && entries.length > 0,
      nextAttemptAt: waits.length ? Math.min(...waits) : null,
    };
  }

  async function count(): Promise<number> {
    return (await list()).length;
  }

  async function lastSyncAt(): Promise<number | null> {
    const userId = await deps.getUserId();
    if (!userId) return null;
    return (await getMeta(await deps.db(), userId)).lastSyncAt;
  }

  async function setAuthRequired(v: boolean): Promise<void> {
    const userId = await deps.getUserId();
    if (!userId) return;
    await patchMeta(await deps.db(), userId, { authRequired: v });
    changed();
  }

  async function drainOnce(opts: DrainOptions): Promise<DrainResult> {
    const result: DrainResult = { sent: [], needsAttention: [], retrying: [], authRequired: false, offline: false, remaining: 0 };
    const userId = await deps.getUserId();
    if (!userId) {
      return result;
    }
    const db = await deps.db();
    const tried = new Map<string, number>(); // key -> rev tried in this drain
    for (;;) {
      const entries = await listFor(db, userId);
      const next = entries.find(
        (e) =>
          e.status === 'pending' &&
          tried.get(e.key) !== e.rev &&
          (opts.ignoreBackoff || e.nextAttemptAt <= now()),
      );
      if (!next) break;
      tried.set(next.key, next.rev);
      const outcome = await sendOne(deps, db, next);
      changed();
      if (outcome === 'sent') result.sent.push(next.date);
      else if (outcome === 'needs_attention') result.needsAttention.push(next.date);
      else if (outcome === 'retry') {
        result.retrying.push(next.date);
        break; // the server is struggling: stop and back off
      } else if (outcome === 'offline') {
        result.offline = true;
        result.retrying.push(next.date);
        break;
      } else if (outcome === 'auth') {
        result.authRequired = true;
        await patchMeta(db, userId, { authRequired: true });
        break;
      }
    }
    result.remaining = (await listFor(db, userId)).length;
    changed();
    return result;
  }

  function drain(opts: DrainOptions = {}): Promise<DrainResult> {
    if (running) {
      // One drain at a time per context; ask the running one to look again when it finishes.
      rerun = true;
      rerunIgnoreBackoff = rerunIgnoreBackoff || !!opts.ignoreBackoff;
      return running;
    }
    const locks = deps.locks ?? null;
    const run = async (): Promise<DrainResult> => {
      let res = await drainOnce(opts);
      while (rerun && !res.offline && !res.authRequired) {
        const again = { ignoreBackoff: rerunIgnoreBackoff };
        rerun = false;
        rerunIgnoreBackoff = false;
        const more = await drainOnce(again);
        res = {
          sent: [...res.sent, ...more.sent],
          needsAttention: [...res.needsAttention, ...more.needsAttention],
          retrying: more.retrying,
          authRequired: more.authRequired,
          offline: more.offline,
          remaining: more.remaining,
        };
      }
      return res;
    };
    running = (locks ? locks.request(LOCK_NAME, run) : run()).finally(() => {
      running = null;
      rerun = false;
      rerunIgnoreBackoff = false;
    });
    return running;
  }

  return { queue, get, list, remove, withdraw, state, count, lastSyncAt, setAuthRequired, drain };
}
