import { describe, expect, it, vi } from 'vitest';
import { backoffMs, createOutbox, type OutboxDeps } from '../src/sync/outbox';
import type { DB } from '../src/sync/db';
import { deferred, fakeLocks, freshDB, json, mockFetch, type Call } from './helpers';

const GUIDANCE = {
  date: '2026-11-23',
  decision: 'hold',
  referral: null,
  components: { tendon: { decision: 'hold', rules: [] } },
  reasons: [],
  phase: 1,
  phase_ready: false,
  ruleset: '2026.11',
};

function ok(call: Call) {
  const date = call.url.split('/').pop();
  return json(201, { log: { log_date: date, ...(call.body as object) }, guidance: { ...GUIDANCE, date } });
}

interface Setup {
  handler?: (call: Call, i: number) => Response | Promise<Response>;
  token?: () => Promise<string | null>;
  refresh?: () => Promise<string | null>;
  user?: string | null;
  db?: () => Promise<DB>;
  locks?: OutboxDeps['locks'];
}

function setup(opts: Setup = {}) {
  let clock = 1_000_000;
  const { fetch, calls } = mockFetch(opts.handler ?? ok);
  const db = opts.db ?? freshDB();
  const onSynced = vi.fn();
  const onChange = vi.fn();
  const getAccessToken = vi.fn(async (o?: { forceRefresh?: boolean }) => {
    if (o?.forceRefresh) return opts.refresh ? opts.refresh() : 'fresh-token';
    return opts.token ? opts.token() : 'token-1';
  });
  const user = opts.user === undefined ? 'user-a' : opts.user;
  const outbox = createOutbox({
    db,
    fetch,
    getAccessToken,
    getUserId: async () => user,
    now: () => clock,
    locks: opts.locks ?? null,
    onSynced,
    onChange,
  });
  return {
    outbox,
    calls,
    db,
    onSynced,
    onChange,
    getAccessToken,
    advance: (ms: number) => {
      clock += ms;
    },
    now: () => clock,
  };
}

describe('outbox: queueing', () => {
  it('stores an entry per date and counts it', async () => {
    const { outbox } = setup();
    await outbox.queue('2026-11-20', { morning_pain: 3 });
    expect(await outbox.count()).toBe(1);
    const e = await outbox.get('2026-11-20');
    expect(e?.status).toBe('pending');
    expect(e?.body.morning_pain).toBe(3);
    expect(e?.body.sitting_pain).toBeNull();
  });

  it('a later edit of the same date replaces the queued one', async () => {
    const { outbox } = setup();
    await outbox.queue('2026-11-20', { morning_pain: 3 });
    await outbox.queue('2026-11-20', { morning_pain: 5, notes: 'edited' });
    expect(await outbox.count()).toBe(1);
    const e = await outbox.get('2026-11-20');
    expect(e?.rev).toBe(2);
    expect(e?.body.morning_pain).toBe(5);
    expect(e?.body.notes).toBe('edited');
  });

  it('keeps separate dates separately, in date order', async () => {
    const { outbox } = setup();
    await outbox.queue('2026-11-21', { morning_pain: 1 });
    await outbox.queue('2026-11-19', { morning_pain: 2 });
    expect((await outbox.list()).map((e) => e.date)).toEqual(['2026-11-19', '2026-11-21']);
  });

  it('only ever sends the contract fields (unknown fields stripped, missing ones null)', async () => {
    const { outbox, calls } = setup();
    await outbox.queue('2026-11-20', { morning_pain: 2, bogus: 1 } as never);
    await outbox.drain();
    const body = calls[0]!.body as Record<string, unknown>;
    expect(body).not.toHaveProperty('bogus');
    expect(body.morning_pain).toBe(2);
    expect(body.loading_pain).toBeNull();
    expect(body.red_flags).toEqual([]);
  });

  it("does not show or send another user's entries", async () => {
    const db = freshDB();
    const a = setup({ db, user: 'user-a' });
    await a.outbox.queue('2026-11-20', { morning_pain: 2 });
    const b = setup({ db, user: 'user-b' });
    expect(await b.outbox.count()).toBe(0);
    await b.outbox.drain();
    expect(b.calls).toHaveLength(0);
    expect(await a.outbox.count()).toBe(1);
  });
});

describe('outbox: draining', () => {
  it('a successful PUT removes the entry, records the sync time and hands over the guidance', async () => {
    const { outbox, calls, onSynced, now } = setup();
    await outbox.queue('2026-11-20', { morning_pain: 3 });
    const res = await outbox.drain();
    expect(res.sent).toEqual(['2026-11-20']);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.method).toBe('PUT');
    expect(calls[0]!.url).toBe('/api/v1/me/logs/2026-11-20');
    expect(calls[0]!.headers.authorization).toBe('Bearer token-1');
    expect(await outbox.count()).toBe(0);
    expect(await outbox.lastSyncAt()).toBe(now());
    expect(onSynced).toHaveBeenCalledWith('2026-11-20', expect.objectContaining({ guidance: expect.objectContaining({ decision: 'hold' }) }));
  });

  it('on 401 refreshes once and replays with the new token', async () => {
    const { outbox, calls } = setup({
      handler: (call) => (call.headers.authorization === 'Bearer token-1' ? json(401, { title: 'Unauthorized' }) : ok(call)),
    });
    await outbox.queue('2026-11-20', { morning_pain: 3 });
    const res = await outbox.drain();
    expect(res.sent).toEqual(['2026-11-20']);
    expect(calls.map((c) => c.headers.authorization)).toEqual(['Bearer token-1', 'Bearer fresh-token']);
    expect(await outbox.count()).toBe(0);
  });

  it('a 401 that refresh cannot fix keeps the entry and flags "sign in again"', async () => {
    const { outbox } = setup({ handler: () => json(401, { title: 'Unauthorized' }), refresh: async () => null });
    await outbox.queue('2026-11-20', { morning_pain: 3 });
    const res = await outbox.drain();
    expect(res.authRequired).toBe(true);
    expect(await outbox.count()).toBe(1);
    const st = await outbox.state();
    expect(st.authRequired).toBe(true);
    expect(st.entries[0]!.status).toBe('pending');
  });

  it('with no tokens at all it keeps the entry and asks for sign-in without calling the server', async () => {
    const { outbox, calls } = setup({ token: async () => null });
    await outbox.queue('2026-11-20', { morning_pain: 3 });
    const res = await outbox.drain();
    expect(res.authRequired).toBe(true);
    expect(calls).toHaveLength(0);
    expect(await outbox.count()).toBe(1);
  });

  it('a 422 marks the entry "needs attention" with the server messages, and it is not resent until edited', async () => {
    const { outbox, calls } = setup({
      handler: (call, i) =>
        i === 0
          ? json(422, { title: 'Invalid', status: 422, detail: 'Check the values', errors: [{ field: 'body.morning_pain', message: 'must be <= 10' }] })
          : ok(call),
    });
    await outbox.queue('2026-11-20', { morning_pain: 3 });
    const res = await outbox.drain();
    expect(res.needsAttention).toEqual(['2026-11-20']);
    const e = await outbox.get('2026-11-20');
    expect(e?.status).toBe('needs_attention');
    expect(e?.lastError?.errors?.[0]?.message).toBe('must be <= 10');
    expect((await outbox.state()).needsAttention).toBe(1);

    await outbox.drain({ ignoreBackoff: true });
    expect(calls).toHaveLength(1);

    await outbox.queue('2026-11-20', { morning_pain: 4 }); // the patient fixes it
    expect((await outbox.get('2026-11-20'))?.status).toBe('pending');
    await outbox.drain();
    expect(calls).toHaveLength(2);
    expect(await outbox.count()).toBe(0);
  });

  it('other client errors (e.g. 409) are kept as "needs attention", never dropped', async () => {
    const { outbox } = setup({ handler: () => json(409, { title: 'Conflict', detail: 'Conflicting edit' }) });
    await outbox.queue('2026-11-20', { morning_pain: 3 });
    await outbox.drain();
    const e = await outbox.get('2026-11-20');
    expect(e?.status).toBe('needs_attention');
    expect(e?.lastError?.detail).toBe('Conflicting edit');
  });

  it('a network error keeps the entry and backs off before retrying', async () => {
    let online = false;
    const { outbox, calls, advance } = setup({
      handler: (call) => {
        if (!online) throw new TypeError('Failed to fetch');
        return ok(call);
      },
    });
    await outbox.queue('2026-11-20', { morning_pain: 3 });
    const first = await outbox.drain();
    expect(first.offline).toBe(true);
    let e = await outbox.get('2026-11-20');
    expect(e?.attempts).toBe(1);
    expect(e?.status).toBe('pending');

    online = true;
    await outbox.drain(); // still inside the backoff window: nothing is sent
    expect(calls).toHaveLength(1);
    expect((await outbox.state()).nextAttemptAt).toBe(e!.nextAttemptAt);

    advance(backoffMs(1));
    const second = await outbox.drain();
    expect(second.sent).toEqual(['2026-11-20']);
    e = await outbox.get('2026-11-20');
    expect(e).toBeUndefined();
  });

  it('ignoreBackoff (app start, online event) retries at once', async () => {
    let online = false;
    const { outbox, calls } = setup({
      handler: (call) => {
        if (!online) throw new TypeError('Failed to fetch');
        return ok(call);
      },
    });
    await outbox.queue('2026-11-20', { morning_pain: 3 });
    await outbox.drain();
    online = true;
    await outbox.drain({ ignoreBackoff: true });
    expect(calls).toHaveLength(2);
    expect(await outbox.count()).toBe(0);
  });

  it('a 5xx keeps the entry for retry and stops the drain', async () => {
    const { outbox, calls } = setup({ handler: () => json(503, { title: 'Unavailable' }) });
    await outbox.queue('2026-11-20', { morning_pain: 3 });
    await outbox.queue('2026-11-21', { morning_pain: 2 });
    const res = await outbox.drain();
    expect(res.retrying).toEqual(['2026-11-20']);
    expect(calls).toHaveLength(1);
    expect(await outbox.count()).toBe(2);
    expect((await outbox.get('2026-11-20'))?.lastError?.title).toBe('Unavailable');
  });

  it('concurrent drains in one context send each entry once', async () => {
    const gate = deferred<void>();
    const { outbox, calls } = setup({
      handler: async (call) => {
        await gate.promise;
        return ok(call);
      },
    });
    await outbox.queue('2026-11-20', { morning_pain: 3 });
    await outbox.queue('2026-11-21', { morning_pain: 2 });
    const a = outbox.drain();
    const b = outbox.drain();
    const c = outbox.drain({ ignoreBackoff: true });
    gate.resolve();
    await Promise.all([a, b, c]);
    expect(calls.map((x) => x.url)).toEqual(['/api/v1/me/logs/2026-11-20', '/api/v1/me/logs/2026-11-21']);
    expect(await outbox.count()).toBe(0);
  });

  it('two contexts (tab and service worker) sharing a lock do not double-send', async () => {
    const db = freshDB();
    const locks = fakeLocks();
    const gate = deferred<void>();
    let sends = 0;
    const handler = async (call: Call) => {
      sends++;
      await gate.promise;
      return ok(call);
    };
    const tab = setup({ db, locks, handler });
    const sw = setup({ db, locks, handler });
    await tab.outbox.queue('2026-11-20', { morning_pain: 3 });
    const p1 = tab.outbox.drain();
    const p2 = sw.outbox.drain();
    gate.resolve();
    await Promise.all([p1, p2]);
    expect(sends).toBe(1);
    expect(await tab.outbox.count()).toBe(0);
  });

  it('an edit made while the older version is in flight is kept and sent next', async () => {
    const gate = deferred<void>();
    const { outbox, calls } = setup({
      handler: async (call, i) => {
        if (i === 0) await gate.promise;
        return ok(call);
      },
    });
    await outbox.queue('2026-11-20', { morning_pain: 3 });
    const drained = outbox.drain();
    await vi.waitFor(() => expect(calls).toHaveLength(1));
    await outbox.queue('2026-11-20', { morning_pain: 6 }); // edited while the first PUT is in flight
    gate.resolve();
    await drained;
    // the first reply must not have deleted the newer edit; the rerun sends it
    await outbox.drain();
    expect(calls).toHaveLength(2);
    expect((calls[1]!.body as { morning_pain: number }).morning_pain).toBe(6);
    expect(await outbox.count()).toBe(0);
  });

  it('reports counts, needs-attention and last sync time in state()', async () => {
    const { outbox, now } = setup({
      handler: (call) => (call.url.endsWith('2026-11-19') ? json(422, { detail: 'bad' }) : ok(call)),
    });
    await outbox.queue('2026-11-19', { morning_pain: 3 });
    await outbox.queue('2026-11-20', { morning_pain: 3 });
    await outbox.queue('2026-11-21', { morning_pain: 3 });
    let st = await outbox.state();
    expect(st.pending).toBe(3);
    expect(st.lastSyncAt).toBeNull();
    await outbox.drain();
    st = await outbox.state();
    expect(st.total).toBe(1);
    expect(st.pending).toBe(0);
    expect(st.needsAttention).toBe(1);
    expect(st.lastSyncAt).toBe(now());
  });

  it('notifies listeners on changes', async () => {
    const { outbox, onChange } = setup();
    await outbox.queue('2026-11-20', { morning_pain: 3 });
    expect(onChange).toHaveBeenCalled();
    onChange.mockClear();
    await outbox.drain();
    expect(onChange).toHaveBeenCalled();
  });

  it('backs off exponentially up to a cap', () => {
    expect(backoffMs(1)).toBe(15_000);
    expect(backoffMs(2)).toBe(30_000);
    expect(backoffMs(3)).toBe(60_000);
    expect(backoffMs(50)).toBe(30 * 60_000);
  });
});

describe('withdrawing a day that is deleted on the server', () => {
  it('drops the queued edit of that day only, once the delete succeeded', async () => {
    const { outbox } = setup();
    await outbox.queue('2026-11-20', { morning_pain: 3 });
    await outbox.queue('2026-11-21', { morning_pain: 2 });
    await expect(outbox.withdraw('2026-11-20', async () => 'deleted')).resolves.toBe('deleted');
    expect((await outbox.list()).map((e) => e.date)).toEqual(['2026-11-21']);
  });

  it('keeps the queued edit when the delete fails', async () => {
    const { outbox } = setup();
    await outbox.queue('2026-11-20', { morning_pain: 3 });
    const failing = outbox.withdraw('2026-11-20', async () => {
      throw new Error('offline');
    });
    await expect(failing).rejects.toThrow('offline');
    expect((await outbox.get('2026-11-20'))?.body).toMatchObject({ morning_pain: 3 });
  });

  it('a drain that starts while the delete is in flight never sends the deleted day', async () => {
    const locks = fakeLocks();
    const gate = deferred<void>();
    const { outbox, calls } = setup({ locks });
    await outbox.queue('2026-11-20', { morning_pain: 3 });
    const deleting = outbox.withdraw('2026-11-20', () => gate.promise);
    const draining = outbox.drain({ ignoreBackoff: true });
    gate.resolve();
    await Promise.all([deleting, draining]);
    expect(calls).toEqual([]);
    expect(await outbox.count()).toBe(0);
  });
});
