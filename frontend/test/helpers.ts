import { openLoadlineDB, type DB } from '../src/sync/db';
import type { LockLike } from '../src/auth';

let n = 0;
/** A fresh, isolated database per test. */
export function freshDB(): () => Promise<DB> {
  const p = openLoadlineDB(`test-${Date.now()}-${n++}`);
  return () => p;
}

/** A Web Locks stand-in: callbacks under the same name run one after another. */
export function fakeLocks(): LockLike {
  const tails = new Map<string, Promise<unknown>>();
  return {
    request<T>(name: string, cb: () => Promise<T>): Promise<T> {
      const prev = tails.get(name) ?? Promise.resolve();
      const p = prev.then(cb, cb);
      tails.set(name, p.catch(() => undefined));
      return p;
    },
  };
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers },
  });
}

export function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

export interface Call {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
}

/** A scripted fetch: `handler` decides each answer; every call is recorded. */
export function mockFetch(handler: (call: Call, i: number) => Response | Promise<Response>) {
  const calls: Call[] = [];
  const fn = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((v, k) => (headers[k] = v));
    let body: unknown = init?.body ?? null;
    if (typeof body === 'string' && headers['content-type']?.includes('json')) body = JSON.parse(body);
    const call: Call = { url: String(input), method: init?.method ?? 'GET', headers, body };
    calls.push(call);
    return handler(call, calls.length - 1);
  }) as typeof fetch;
  return { fetch: fn, calls };
}
