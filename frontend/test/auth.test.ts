import { describe, expect, it, vi } from 'vitest';
import { createAuth, TOKENS_KEY, type StoredTokens } from '../src/auth';
import { kvGet } from '../src/sync/db';
import { NetworkError } from '../src/api/http';
import { deferred, fakeLocks, freshDB, json, mockFetch, type Call } from './helpers';

const NOW = 5_000_000;

async function seeded(tokens: Partial<StoredTokens>, handler: (c: Call, i: number) => Response | Promise<Response>, locks = fakeLocks()) {
  const db = freshDB();
  const { fetch, calls } = mockFetch(handler);
  const onSignedOut = vi.fn();
  const auth = createAuth({ db, fetch, now: () => NOW, locks, onSignedOut });
  await auth.save({ access: 'a1', refresh: 'r1', expiresAt: NOW + 600_000, userId: 'u1', role: 'patient', ...tokens });
  return { auth, calls, db, onSignedOut, fetch, locks };
}

let counter = 1;
const rotate = () => {
  counter++;
  return json(200, { access_token: `a${counter}`, refresh_token: `r${counter}`, token_type: 'bearer', expires_in: 900 });
};

describe('auth tokens', () => {
  it('signs in with the OAuth2 password form and stores the pair with its expiry', async () => {
    const db = freshDB();
    const { fetch, calls } = mockFetch(() => json(200, { access_token: 'A', refresh_token: 'R', token_type: 'bearer', expires_in: 900 }));
    const auth = createAuth({ db, fetch, now: () => NOW, locks: null });
    await auth.signIn('p@example.org', 'secret-pass');
    expect(calls[0]!.url).toBe('/api/v1/auth/token');
    expect(calls[0]!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(String(calls[0]!.body)).toContain('username=p%40example.org');
    const stored = await kvGet<StoredTokens>(await db(), TOKENS_KEY);
    expect(stored).toMatchObject({ access: 'A', refresh: 'R', expiresAt: NOW + 900_000 });
  });

  it('returns the stored access token while it is fresh, without network', async () => {
    const { auth, calls } = await seeded({}, () => json(500, {}));
    expect(await auth.getAccessToken()).toBe('a1');
    expect(calls).toHaveLength(0);
  });

  it('refreshes proactively near expiry, and concurrent callers share one refresh', async () => {
    const gate = deferred<void>();
    const { auth, calls } = await seeded({ expiresAt: NOW + 10_000 }, async () => {
      await gate.promise;
      return rotate();
    });
    const all = Promise.all([auth.getAccessToken(), auth.getAccessToken(), auth.getAccessToken()]);
    gate.resolve();
    const tokens = await all;
    expect(calls).toHaveLength(1);
    expect(calls[0]!.body).toEqual({ refresh_token: 'r1' });
    expect(new Set(tokens).size).toBe(1);
    expect((await auth.read())?.userId).toBe('u1');
  });

  it('two contexts never reuse a refresh token: the second sees the rotated pair', async () => {
    const gate = deferred<void>();
    const first = await seeded({ expiresAt: NOW + 1_000 }, async () => {
      await gate.promise;
      return rotate();
    });
    // a second context (another tab, or the service worker) on the same database and lock
    const { fetch, calls: calls2 } = mockFetch(() => rotate());
    const second = createAuth({ db: first.db, fetch, now: () => NOW, locks: first.locks });
    const p1 = first.auth.getAccessToken();
    const p2 = second.getAccessToken();
    gate.resolve();
    const [t1, t2] = await Promise.all([p1, p2]);
    expect(first.calls).toHaveLength(1);
    expect(calls2).toHaveLength(0);
    expect(t1).toBe(t2);
  });

  it('a refused refresh signs out (tokens cleared, null returned)', async () => {
    const { auth, onSignedOut } = await seeded({ expiresAt: NOW - 1 }, () => json(401, { title: 'Unauthorized' }));
    expect(await auth.getAccessToken()).toBeNull();
    expect(await auth.read()).toBeNull();
    expect(onSignedOut).toHaveBeenCalled();
  });

  it('a network failure during refresh keeps the tokens', async () => {
    const { auth } = await seeded({ expiresAt: NOW - 1 }, () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(auth.getAccessToken()).rejects.toBeInstanceOf(NetworkError);
    expect((await auth.read())?.refresh).toBe('r1');
  });

  it('forceRefresh rotates even a fresh-looking token (after a 401)', async () => {
    const { auth, calls } = await seeded({}, () => rotate());
    const t = await auth.getAccessToken({ forceRefresh: true });
    expect(calls).toHaveLength(1);
    expect(t).not.toBe('a1');
  });

  it('sign-out calls logout with the bearer token and forgets the tokens', async () => {
    const { auth, calls } = await seeded({}, () => new Response(null, { status: 204 }));
    await auth.signOut();
    expect(calls[0]!.url).toBe('/api/v1/auth/logout');
    expect(calls[0]!.headers.authorization).toBe('Bearer a1');
    expect(await auth.read()).toBeNull();
  });
});
