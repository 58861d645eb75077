// Signing in and out, registering, and starting the app from what is stored on the phone.
import { getDB, kvDel } from './sync/db';
import { deviceTimeZone } from './dates';
import { ApiError, NetworkError } from './api/http';
import { api } from './api/client';
import {
  askPersistOnce,
  auth,
  cachedMe,
  cacheMe,
  outbox,
  refreshOutboxState,
  resetSignedOutFlag,
  syncNow,
} from './services';
import { setState } from './store';
import { loadCachedEpisodes, refreshEpisodes } from './episodeState';
import type { Me, Role } from './api/types';

export function homeFor(role: Role | undefined | null): string {
  if (role === 'clinician') return '/clinician';
  if (role === 'coach') return '/coach';
  return '/';
}

export async function signIn(email: string, password: string): Promise<Me> {
  resetSignedOutFlag();
  await auth.signIn(email, password);
  const me: Me = await api.get('/me');
  await auth.setUser(me.id, me.role);
  await cacheMe(me);
  setState({ me, notice: null, booted: true, episodes: null });
  void refreshEpisodes();
  void askPersistOnce();
  await outbox.setAuthRequired(false);
  await refreshOutboxState();
  void syncNow('start');
  return me;
}

export async function register(input: { email: string; password: string; display_name: string; role: Role }): Promise<Me> {
  await api.post('/auth/register', { body: input, anonymous: true });
  let me = await signIn(input.email, input.password);
  try {
    me = await api.patch('/me', { body: { timezone: deviceTimeZone() } });
    await cacheMe(me);
    setState({ me });
  } catch {
    /* the time zone can be set later in Settings */
  }
  return me;
}

export async function signOut(): Promise<void> {
  const t = await auth.read();
  // this device stops getting the account's notifications (its own chunk, loaded only now)
  await import('./notify/device').then((m) => m.forgetDevice()).catch(() => undefined);
  await auth.signOut();
  const db = await getDB();
  await kvDel(db, 'me');
  if (t?.userId) {
    await kvDel(db, `logs:${t.userId}`);
    await kvDel(db, `episodes:${t.userId}`);
  }
  setState({ me: null, notice: null, outbox: (await outbox.state()), episodes: null });
}

/** Start from the stored tokens and cached profile, so the app opens without network. */
export async function boot(): Promise<void> {
  const t = await auth.read();
  if (!t) {
    setState({ booted: true, me: null });
    return;
  }
  let me = await cachedMe();
  if (me && t.userId && me.id !== t.userId) me = null;
  if (!me && t.userId && t.role) {
    me = { id: t.userId, role: t.role, email: '', display_name: '' };
  }
  if (me) setState({ me, booted: true });
  await Promise.all([refreshOutboxState(), loadCachedEpisodes()]);
  try {
    const fresh = await api.get('/me');
    await auth.setUser(fresh.id, fresh.role);
    await cacheMe(fresh);
    setState({ me: fresh, booted: true });
    void refreshEpisodes();
  } catch (e) {
    if (e instanceof NetworkError || (e instanceof ApiError && e.status >= 500)) {
      setState({ booted: true });
    } else if (e instanceof ApiError && e.status === 401) {
      setState({ booted: true, me: null });
    } else {
      setState({ booted: true });
    }
  }
  void syncNow('start');
}
