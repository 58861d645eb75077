// Page-side wiring: the auth and outbox singletons, the end of a session, caches, and the sync triggers
// (app start, `online`, visibility, Background Sync, backoff timer).
import { createAuth, defaultLocks } from './auth';
import { getDB, kvDel, kvGet, kvSet } from './sync/db';
import { createOutbox } from './sync/outbox';
import { announce, getState, setState } from './store';
import type { LogRecord, LogWithGuidance, Me } from './api/types';
import { navigate } from './router';
import { formatTimestamp } from './dates';

const channel: BroadcastChannel | null = typeof BroadcastChannel !== 'undefined' ? new BroadcastChannel('loadline') : null;

type SyncedListener = (date: string, result: LogWithGuidance) => void;
const syncedListeners = new Set<SyncedListener>();
export function onSynced(fn: SyncedListener): () => void {
  syncedListeners.add(fn);
  return () => syncedListeners.delete(fn);
}

export const auth = createAuth({
  db: getDB,
  fetch: (...a) => fetch(...a),
  locks: defaultLocks(),
  onSignedOut: () => handleSignedOut(),
});

export const outbox = createOutbox({
  db: getDB,
  fetch: (...a) => fetch(...a),
  getAccessToken: (o) => auth.getAccessToken(o),
  getUserId: async () => (await auth.read())?.userId ?? null,
  locks: defaultLocks(),
  onChange: () => {
    void refreshOutboxState();
    channel?.postMessage({ type: 'outbox-changed' });
  },
  onSynced: async (date, result) => {
    await cacheLogResult(date, result);
    for (const l of syncedListeners) l(date, result);
    channel?.postMessage({ type: 'synced', date, result });
  },
});

channel?.addEventListener('message', (ev: MessageEvent) => {
  const data = ev.data as { type?: string; date?: string; result?: LogWithGuidance } | null;
  if (data?.type === 'outbox-changed') void refreshOutboxState();
  if (data?.type === 'synced' && data.date && data.result) {
    for (const l of syncedListeners) l(data.date, data.result);
  }
});

// ---------------------------------------------------------------- session end

let signedOutHandled = false;
/** The session is gone (refresh refused, no tokens): forget the profile and go to sign-in, once. */
export function handleSignedOut(): void {
  if (signedOutHandled) return;
  signedOutHandled = true;
  void (async () => {
    const db = await getDB();
    await kvDel(db, 'me');
    setState({ me: null, notice: 'Your session has ended. Please sign in again.' });
    const here = location.pathname;
    if (here !== '/signin' && here !== '/register') navigate(`/signin?next=${encodeURIComponent(here)}`, { replace: true });
  })();
}
export function resetSignedOutFlag(): void {
  signedOutHandled = false;
}

// ---------------------------------------------------------------- caches

async function userKey(prefix: string): Promise<string | null> {
  const t = await auth.read();
  return t?.userId ? `${prefix}:${t.userId}` : null;
}

/** The latest known list of logs (for prefill, the date strip and offline use). */
export async function getCachedLogs(): Promise<LogRecord[]> {
  const k = await userKey('logs');
  if (!k) return [];
  return (await kvGet<LogRecord[]>(await getDB(), k)) ?? [];
}
export async function setCachedLogs(logs: LogRecord[]): Promise<void> {
  const k = await userKey('logs');
  if (k) await kvSet(await getDB(), k, logs.slice(-60));
}

/** Merge one server answer into the cached list. */
export async function cacheLogResult(date: string, result: LogWithGuidance): Promise<void> {
  const logs = await getCachedLogs();
  const rec: LogRecord = { ...result.log, log_date: date, guidance: result.guidance, decision: result.guidance?.decision ?? null };
  const next = logs.filter((l) => l.log_date !== date);
  next.push(rec);
  next.sort((a, b) => (a.log_date < b.log_date ? -1 : 1));
  await setCachedLogs(next);
}

export async function cacheMe(me: Me): Promise<void> {
  await kvSet(await getDB(), 'me', me);
}
export async function cachedMe(): Promise<Me | null> {
  return (await kvGet<Me>(await getDB(), 'me')) ?? null;
}

// ---------------------------------------------------------------- sync

export async function refreshOutboxState(): Promise<void> {
  try {
    setState({ outbox: await outbox.state() });
  } catch {
    /* database closed or unavailable */
  }
}

let retryTimer: ReturnType<typeof setTimeout> | null = null;

/** Drain the outbox and report; safe to call often (drains never overlap). */
export async function syncNow(reason: 'start' | 'online' | 'visible' | 'save' | 'manual' | 'timer' = 'manual'): Promise<void> {
  if (!getState().me || getState().me?.role !== 'patient') return;
  const before = await outbox.state();
  if (before.total === 0) {
    setState({ outbox: before });
    return;
  }
  setState({ syncing: true });
  try {
    const res = await outbox.drain({ ignoreBackoff: reason !== 'timer' });
    const after = await outbox.state();
    setState({ outbox: after });
    if (res.sent.length && reason !== 'save') {
      announce(`Synced ${res.sent.length} saved ${res.sent.length === 1 ? 'entry' : 'entries'}.`);
    }
    if (res.needsAttention.length) {
      announce(`${res.needsAttention.length} saved ${res.needsAttention.length === 1 ? 'entry needs' : 'entries need'} attention.`);
    }
    if (res.authRequired) announce('Sign in again to sync the entries saved on this phone.');
    scheduleRetry(after.nextAttemptAt);
    if (after.pending > 0) void registerBackgroundSync();
  } catch {
    /* keep everything; the next trigger tries again */
  } finally {
    setState({ syncing: false });
  }
}

function scheduleRetry(at: number | null): void {
  if (retryTimer) clearTimeout(retryTimer);
  retryTimer = null;
  if (!at) return;
  const wait = Math.max(1_000, at - Date.now());
  retryTimer = setTimeout(() => {
    if (document.visibilityState === 'visible') void syncNow('timer');
  }, wait);
}

interface SyncManagerLike {
  register(tag: string): Promise<void>;
}

export async function registerBackgroundSync(): Promise<void> {
  try {
    if (!('serviceWorker' in navigator)) return;
    const reg = await navigator.serviceWorker.getRegistration();
    const sync = (reg as (ServiceWorkerRegistration & { sync?: SyncManagerLike }) | undefined)?.sync;
    if (sync) await sync.register('outbox');
  } catch {
    /* Background Sync unsupported or refused: the page triggers still drain */
  }
}

export function statusLine(): string {
  const { outbox: o } = getState();
  const last = o.lastSyncAt ? `Last synced ${formatTimestamp(o.lastSyncAt)}.` : 'Not synced yet.';
  return `Saved on this phone — waiting to sync (${o.pending}). ${last}`;
}

export function installSyncTriggers(): void {
  window.addEventListener('online', () => {
    setState({ online: true });
    void syncNow('online');
  });
  window.addEventListener('offline', () => setState({ online: false }));
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') {
      void auth.refreshIfDue();
      void syncNow('visible');
    }
  });
  // keep the access token fresh while the app is open (refresh ~2 min before expiry)
  setInterval(() => {
    if (document.visibilityState === 'visible' && getState().me) void auth.refreshIfDue(150_000);
  }, 60_000);
}

/** Ask once for persistent storage so the outbox is not evicted under storage pressure. */
export async function askPersistOnce(): Promise<void> {
  const db = await getDB();
  if (await kvGet<boolean>(db, 'persist-asked')) return;
  await kvSet(db, 'persist-asked', true);
  try {
    await navigator.storage?.persist?.();
  } catch {
    /* not supported */
  }
}
