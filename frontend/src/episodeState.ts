// The patient's open red-flag episodes for the banner: asked of the server (today's guidance) at
// start, on sign-in, when the app comes back into view or online, and after every sync; kept in
// IndexedDB so the banner also shows offline. Only the newest answer is kept.
import { api } from './api/client';
import type { Episode } from './api/types';
import { todayIn } from './dates';
import { auth, onSynced } from './services';
import { getState, setState } from './store';
import { getDB, kvGet, kvSet } from './sync/db';

interface Stored {
  asOf: string;
  list: Episode[];
}

async function cacheKey(): Promise<string | null> {
  const t = await auth.read();
  return t?.userId ? `episodes:${t.userId}` : null;
}

/** The last known episodes of the signed-in patient, from this phone (start, offline). */
export async function loadCachedEpisodes(): Promise<void> {
  try {
    const k = await cacheKey();
    const stored = k ? await kvGet<Stored>(await getDB(), k) : undefined;
    if (stored && getState().episodes === null) setState({ episodes: stored });
  } catch {
    /* storage unavailable: the server's answer will come */
  }
}

let asked = 0;

/** Ask the server for today's open episodes (patients only); an older answer never replaces a newer one. */
export async function refreshEpisodes(): Promise<void> {
  const me = getState().me;
  if (me?.role !== 'patient') return;
  const ticket = ++asked;
  try {
    const g = await api.get('/me/guidance');
    if (ticket !== asked || getState().me?.id !== me.id) return;
    const value: Stored = { asOf: g.date ?? todayIn(me.timezone), list: g.open_episodes ?? [] };
    setState({ episodes: value });
    const k = await cacheKey();
    if (k) await kvSet(await getDB(), k, value);
  } catch {
    /* offline or server trouble: the last known list stays */
  }
}

/** Keep the episodes fresh: after every sync, and when the app is seen again or back online. */
export function installEpisodeTriggers(): void {
  onSynced(() => void refreshEpisodes());
  window.addEventListener('online', () => void refreshEpisodes());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void refreshEpisodes();
  });
}
