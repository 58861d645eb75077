// The one IndexedDB database of the app: the outbox of unsent logs and a small key-value store
// (tokens, cached profile, sync metadata). Shared by the page and the service worker.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { LogBody, Problem } from '../api/types';

export type OutboxStatus = 'pending' | 'needs_attention';

export interface OutboxEntry {
  /** `${userId}|${date}`: one entry per user and date; a later edit replaces it. */
  key: string;
  userId: string;
  date: string;
  body: LogBody;
  status: OutboxStatus;
  /** Increments on every replacement, so a reply to an older version never deletes a newer one. */
  rev: number;
  queuedAt: number;
  attempts: number;
  nextAttemptAt: number;
  lastAttemptAt: number | null;
  lastError: Problem | null;
}

export interface LoadlineSchema extends DBSchema {
  outbox: { key: string; value: OutboxEntry; indexes: { byUser: string } };
  kv: { key: string; value: unknown };
}

export type DB = IDBPDatabase<LoadlineSchema>;

export const DB_NAME = 'loadline';

export function openLoadlineDB(name: string = DB_NAME): Promise<DB> {
  return openDB<LoadlineSchema>(name, 1, {
    upgrade(db) {
      const outbox = db.createObjectStore('outbox', { keyPath: 'key' });
      outbox.createIndex('byUser', 'userId');
      db.createObjectStore('kv');
    },
  });
}

let shared: Promise<DB> | null = null;
/** The app-wide connection (page or service worker). */
export function getDB(): Promise<DB> {
  if (!shared) shared = openLoadlineDB();
  return shared;
}

export async function kvGet<T>(db: DB, key: string): Promise<T | undefined> {
  return (await db.get('kv', key)) as T | undefined;
}
export async function kvSet(db: DB, key: string, value: unknown): Promise<void> {
  await db.put('kv', value, key);
}
export async function kvDel(db: DB, key: string): Promise<void> {
  await db.delete('kv', key);
}
