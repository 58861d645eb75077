// The outbox's records in IndexedDB: one entry per user and date, and per user the time of the
// last sync and whether a sign-in is needed. Used by the outbox and its sender.
import { kvGet, kvSet, type DB, type OutboxEntry } from './db';

export interface OutboxMeta {
  lastSyncAt: number | null;
  authRequired: boolean;
}

export function entryKey(userId: string, date: string): string {
  return `${userId}|${date}`;
}

const metaKey = (userId: string) => `outbox-meta:${userId}`;

export async function getMeta(db: DB, userId: string): Promise<OutboxMeta> {
  return (await kvGet<OutboxMeta>(db, metaKey(userId))) ?? { lastSyncAt: null, authRequired: false };
}
export async function patchMeta(db: DB, userId: string, patch: Partial<OutboxMeta>): Promise<void> {
  const m = await getMeta(db, userId);
  await kvSet(db, metaKey(userId), { ...m, ...patch });
}

export async function listFor(db: DB, userId: string): Promise<OutboxEntry[]> {
  const all = await db.getAllFromIndex('outbox', 'byUser', userId);
  return all.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** Applies `fn` to the stored entry only if it is still the version that was sent. */
export async function updateIfSameRev(db: DB, sent: OutboxEntry, fn: (e: OutboxEntry) => OutboxEntry | null): Promise<boolean> {
  const tx = db.transaction('outbox', 'readwrite');
  const cur = await tx.store.get(sent.key);
  let applied = false;
  if (cur && cur.rev === sent.rev) {
    const next = fn(cur);
    if (next) await tx.store.put(next);
    else await tx.store.delete(sent.key);
    applied = true;
  }
  await tx.done;
  return applied;
}
