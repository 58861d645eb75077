// Token storage and refresh, framework-free (used by the page and the service worker).
//
// Refresh tokens rotate and a reused one kills the whole session family, so refreshes are
// serialised: one in flight per context, and across tabs and the service worker a Web Lock
// (navigator.locks) where the browser has it. Inside the lock the stored tokens are read again:
// if another context already rotated them, its fresh pair is used instead of refreshing twice.
import { kvDel, kvGet, kvSet, type DB } from './sync/db';
import { ApiError, NetworkError, readProblem, safeFetch } from './api/http';
import { API, apiPath, type ApiBody, type ApiForm } from './api/paths';
import type { Role, TokenResponse } from './api/types';

export interface StoredTokens {
  access: string;
  refresh: string;
  /** epoch ms when the access token expires */
  expiresAt: number;
  userId: string | null;
  role: Role | null;
}

/** The part of the Web Locks API we use (LockManager in browsers and workers). */
export interface LockLike {
  request<T>(name: string, cb: () => Promise<T>): Promise<T>;
}

export interface AuthDeps {
  db: () => Promise<DB>;
  fetch: typeof fetch;
  baseUrl?: string;
  now?: () => number;
  locks?: LockLike | null;
  /** refresh this long before expiry (default 60 s) */
  marginMs?: number;
  onSignedOut?: () => void;
  onTokens?: (t: StoredTokens) => void;
}

export interface Auth {
  read(): Promise<StoredTokens | null>;
  save(t: StoredTokens): Promise<void>;
  clear(): Promise<void>;
  signIn(username: string, password: string): Promise<StoredTokens>;
  setUser(userId: string, role: Role): Promise<void>;
  getAccessToken(opts?: { forceRefresh?: boolean }): Promise<string | null>;
  refreshIfDue(withinMs?: number): Promise<void>;
  signOut(): Promise<void>;
}

export const TOKENS_KEY = 'tokens';
const LOCK_NAME = 'loadline-auth-refresh';

export function defaultLocks(): LockLike | null {
  const nav = (globalThis as { navigator?: { locks?: LockLike } }).navigator;
  return nav?.locks && typeof nav.locks.request === 'function' ? nav.locks : null;
}

export function createAuth(deps: AuthDeps): Auth {
  const base = deps.baseUrl ?? '';
  const now = deps.now ?? (() => Date.now());
  const margin = deps.marginMs ?? 60_000;
  let inflight: Promise<string | null> | null = null;

  async function read(): Promise<StoredTokens | null> {
    const db = await deps.db();
    return (await kvGet<StoredTokens>(db, TOKENS_KEY)) ?? null;
  }
  async function save(t: StoredTokens): Promise<void> {
    const db = await deps.db();
    await kvSet(db, TOKENS_KEY, t);
    deps.onTokens?.(t);
  }
  async function clear(): Promise<void> {
    const db = await deps.db();
    await kvDel(db, TOKENS_KEY);
  }

  function fromResponse(j: TokenResponse, prev: StoredTokens | null): StoredTokens {
    const seconds = Number.isFinite(j.expires_in) && j.expires_in > 0 ? j.expires_in : 900;
    return {
      access: j.access_token,
      refresh: j.refresh_token,
      expiresAt: now() + seconds * 1000,
      userId: prev?.userId ?? null,
      role: prev?.role ?? null,
    };
  }

  async function signIn(username: string, password: string): Promise<StoredTokens> {
    const form = { username, password, grant_type: 'password' } satisfies Partial<ApiForm<'post', '/auth/token'>>;
    const body = new URLSearchParams(form);
    const res = await safeFetch(deps.fetch, `${base}${API}${apiPath('post', '/auth/token')}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: body.toString(),
    });
    if (!res.ok) throw new ApiError(res.status, await readProblem(res));
    const t = fromResponse((await res.json()) as TokenResponse, null);
    await save(t);
    return t;
  }

  async function setUser(userId: string, role: Role): Promise<void> {
    const t = await read();
    if (t) await save({ ...t, userId, role });
  }

  function withLock<T>(fn: () => Promise<T>): Promise<T> {
    const locks = deps.locks === undefined ? defaultLocks() : deps.locks;
    return locks ? locks.request(LOCK_NAME, fn) : fn();
  }

  /** Refresh unless `seenRefresh` was already rotated by someone else. */
  function refresh(seenRefresh: string): Promise<string | null> {
    if (inflight) return inflight;
    inflight = withLock(async () => {
      const cur = await read();
      if (!cur) return null;
      if (cur.refresh !== seenRefresh) return cur.access; // rotated elsewhere meanwhile
      const res = await safeFetch(deps.fetch, `${base}${API}${apiPath('post', '/auth/refresh')}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ refresh_token: cur.refresh } satisfies ApiBody<'post', '/auth/refresh'>),
      });
      if (res.ok) {
        const next = fromResponse((await res.json()) as TokenResponse, cur);
        await save(next);
        return next.access;
      }
      if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429) {
        // The refresh token is dead (expired, revoked, reused): the patient must sign in again.
        await clear();
        deps.onSignedOut?.();
        return null;
      }
      throw new ApiError(res.status, await readProblem(res));
    }).finally(() => {
      inflight = null;
    });
    return inflight;
  }

  async function getAccessToken(opts: { forceRefresh?: boolean } = {}): Promise<string | null> {
    const t = await read();
    if (!t) return null;
    if (!opts.forceRefresh && t.expiresAt - now() > margin) return t.access;
    return refresh(t.refresh);
  }

  async function refreshIfDue(withinMs = margin * 2): Promise<void> {
    const t = await read();
    if (t && t.expiresAt - now() <= withinMs) {
      try {
        await refresh(t.refresh);
      } catch (e) {
        if (!(e instanceof NetworkError) && !(e instanceof ApiError)) throw e;
      }
    }
  }

  async function signOut(): Promise<void> {
    try {
      const access = await getAccessToken();
      if (access) {
        await safeFetch(deps.fetch, `${base}${API}${apiPath('post', '/auth/logout')}`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${access}`, Accept: 'application/json' },
        });
      }
    } catch {
      // Offline: the tokens are forgotten here anyway; the server expires them.
    }
    await clear();
  }

  return { read, save, clear, signIn, setUser, getAccessToken, refreshIfDue, signOut };
}
