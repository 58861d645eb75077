// The page's API client, typed from the OpenAPI document (./paths.ts):
//
//   const day = await api.get('/me/logs/{log_date}', { path: { log_date: date } });  // LogWithGuidance
//   await api.patch('/me', { body: { timezone } });
//   const res = await apiResponse.get('/coach/athletes', { headers });  // the Response, for 304 or 404
//
// Every call goes through `apiFetch`: the access token is added, and a 401 refreshes it and
// retries once; without a session the app signs out. `api.*` throws ApiError (with the problem
// details) on an error status and NetworkError when the server cannot be reached.
import { auth, handleSignedOut } from '../services';
import { ApiError, readProblem, safeFetch } from './http';
import { API, fillPath, type AnyUrlParams, type InitArgs, type Json, type Method, type Op, type PathOf } from './paths';

export interface ApiInit extends Omit<RequestInit, 'body'> {
  json?: unknown;
  body?: BodyInit | null;
  anonymous?: boolean;
}

/** Authorised fetch against /api/v1: refreshes the token and retries once on 401. */
export async function apiFetch(path: string, init: ApiInit = {}): Promise<Response> {
  const { json, anonymous, ...rest } = init;
  const headers = new Headers(rest.headers);
  if (!headers.has('Accept')) headers.set('Accept', 'application/json');
  let body = rest.body ?? null;
  if (json !== undefined) {
    headers.set('Content-Type', 'application/json');
    body = JSON.stringify(json);
  }
  const send = async (token: string | null) => {
    if (token) headers.set('Authorization', `Bearer ${token}`);
    return safeFetch(fetch, `${API}${path}`, { ...rest, headers, body, cache: 'no-store' });
  };
  if (anonymous) return send(null);
  let token = await auth.getAccessToken();
  if (!token) {
    handleSignedOut();
    throw new ApiError(401, { status: 401, title: 'Please sign in again.' });
  }
  let res = await send(token);
  if (res.status === 401) {
    token = await auth.getAccessToken({ forceRefresh: true });
    if (!token) {
      handleSignedOut();
      throw new ApiError(401, await readProblem(res));
    }
    res = await send(token);
  }
  return res;
}

/** What a call may add to its parameters and body. */
export interface CallOptions {
  headers?: Record<string, string>;
  /** no token (registering) */
  anonymous?: boolean;
}

/** A Response whose `json()` is typed as the operation's success answer. */
export type TypedResponse<T> = Omit<Response, 'json'> & { json(): Promise<T> };

type Call<M extends Method, R> = <P extends PathOf<M>>(path: P, ...init: InitArgs<Op<M, P>, CallOptions>) => Promise<R extends 'json' ? Json<Op<M, P>> : TypedResponse<Json<Op<M, P>>>>;

function send(method: Method, path: string, init: (CallOptions & AnyUrlParams & { body?: unknown }) | undefined): Promise<Response> {
  const url = fillPath(path, init);
  const options: ApiInit = { method: method.toUpperCase() };
  if (init?.headers) options.headers = init.headers;
  if (init?.anonymous) options.anonymous = true;
  if (init?.body !== undefined) options.json = init.body;
  return apiFetch(url, options);
}

async function readJson(res: Response): Promise<unknown> {
  if (!res.ok) throw new ApiError(res.status, await readProblem(res));
  if (res.status === 204) return undefined;
  const text = await res.text();
  return text ? JSON.parse(text) : undefined;
}

function jsonCall<M extends Method>(method: M): Call<M, 'json'> {
  return ((path: string, init?: CallOptions) => send(method, path, init).then(readJson)) as Call<M, 'json'>;
}
function responseCall<M extends Method>(method: M): Call<M, 'response'> {
  return ((path: string, init?: CallOptions) => send(method, path, init)) as Call<M, 'response'>;
}

/** Calls that answer the JSON body, typed, or throw ApiError / NetworkError. */
export const api = {
  get: jsonCall('get'),
  put: jsonCall('put'),
  post: jsonCall('post'),
  patch: jsonCall('patch'),
  delete: jsonCall('delete'),
};

/** Calls that answer the Response itself (the caller reads 304, 404, headers or a file). */
export const apiResponse = {
  get: responseCall('get'),
  delete: responseCall('delete'),
};
