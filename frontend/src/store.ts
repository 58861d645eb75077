// A tiny observable app state with a Preact hook (no state library needed).
import { useEffect, useState } from 'preact/hooks';
import type { OutboxState } from './sync/outbox';
import type { Episode, Me, Reason, Referral } from './api/types';

export interface Takeover {
  level: Extract<Referral, 'urgent' | 'emergency'>;
  date: string;
  reasons: Reason[];
}

export interface AppState {
  booted: boolean;
  me: Me | null;
  online: boolean;
  syncing: boolean;
  outbox: OutboxState;
  takeover: Takeover | null;
  updateReady: boolean;
  /** a message for the sign-in page (e.g. "your session ended") */
  notice: string | null;
  /** `${date}:${level}` of the takeover the patient last acknowledged */
  lastAck: string | null;
  /** the red-flag episodes the server said were open on `asOf` (the patient's today), or null before it was asked */
  episodes: { asOf: string; list: Episode[] } | null;
}

export const EMPTY_OUTBOX: OutboxState = {
  entries: [],
  pending: 0,
  needsAttention: 0,
  total: 0,
  lastSyncAt: null,
  authRequired: false,
  nextAttemptAt: null,
};

let state: AppState = {
  booted: false,
  me: null,
  online: typeof navigator === 'undefined' ? true : navigator.onLine !== false,
  syncing: false,
  outbox: EMPTY_OUTBOX,
  takeover: null,
  updateReady: false,
  notice: null,
  lastAck: null,
  episodes: null,
};

const listeners = new Set<() => void>();

export function getState(): AppState {
  return state;
}

export function setState(patch: Partial<AppState>): void {
  state = { ...state, ...patch };
  for (const l of listeners) l();
}

export function subscribe(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

export function useAppState(): AppState {
  const [s, set] = useState(state);
  useEffect(() => {
    set(state);
    return subscribe(() => set(state));
  }, []);
  return s;
}

// ---- polite announcements (one live region for save / sync status) ----
const announceListeners = new Set<(msg: string) => void>();
export function announce(msg: string): void {
  for (const l of announceListeners) l(msg);
}
export function onAnnounce(fn: (msg: string) => void): () => void {
  announceListeners.add(fn);
  return () => announceListeners.delete(fn);
}
