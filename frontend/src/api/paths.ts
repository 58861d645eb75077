// The API's paths, parameters, bodies and answers as types, from the generated `schema.d.ts`
// (openapi-typescript over ../../openapi.json, which a pytest keeps equal to the app's own
// document). Framework-free: used by the page's client, the outbox and the service worker.
//
// A path the API does not have, a missing path parameter, a body field it does not accept or an
// answer field it does not send is a tsc error here, at the call.
import type { paths } from './schema';

/** Every path in `paths` starts with this; callers write the rest ("/me/logs/{log_date}"). */
export const API = '/api/v1';
type Prefix = typeof API;

export type Method = 'get' | 'put' | 'post' | 'patch' | 'delete';

/** The paths under /api/v1 that answer `M`. */
export type PathOf<M extends Method> = {
  [K in keyof paths]: K extends `${Prefix}${infer Rest}` ? (paths[K] extends Record<M, object> ? Rest : never) : never;
}[keyof paths];

/** The operation behind `M path` (parameters, requestBody, responses). */
export type Op<M extends Method, P extends PathOf<M>> = paths[`${Prefix}${P}` & keyof paths][M];

type NoneIfNever<T, Else> = [T] extends [never] ? Record<never, never> : Else;

/** `{log_date: string}` for "/me/logs/{log_date}"; never when the path has no parameters. */
export type PathParams<O> = O extends { parameters: { path: infer X } } ? X : never;
/** The query string's parameters; never when it takes none. */
export type QueryParams<O> = O extends { parameters: { query?: infer Q } } ? Exclude<Q, undefined> : never;
type ContentOf<R, Media extends string> = [R] extends [never] ? never : R extends { content: Record<Media, infer B> } ? B : never;
type RequestContent<O, Media extends string> = O extends { requestBody?: infer R } ? ContentOf<Exclude<R, undefined>, Media> : never;
/** The JSON request body; never when the operation takes none. */
export type Body<O> = RequestContent<O, 'application/json'>;

type SuccessStatus = 200 | 201 | 202 | 204;
type Success<O> = O extends { responses: infer R } ? R[Extract<keyof R, SuccessStatus>] : never;
type JsonContent<S> = S extends { content: { 'application/json': infer T } } ? T : undefined;
/** The JSON answer on success (`undefined` for 204 No Content). */
export type Json<O> = JsonContent<Success<O>>;

/** A form-encoded request body (the OAuth2 token endpoint). */
export type FormBody<O> = RequestContent<O, 'application/x-www-form-urlencoded'>;

/** What the URL needs: `path` when the path has parameters, and the optional `query`. */
export type UrlParams<O> = NoneIfNever<PathParams<O>, { path: PathParams<O> }> & NoneIfNever<QueryParams<O>, { query?: QueryParams<O> }>;
type UrlArgs<O> = [PathParams<O>] extends [never] ? [params?: UrlParams<O>] : [params: UrlParams<O>];

/** The parameters and body a call needs: `path` and `body` when the operation has them. */
export type Params<O> = UrlParams<O> & NoneIfNever<Body<O>, { body: Body<O> }>;

type HasRequired<O> = [PathParams<O> | Body<O>] extends [never] ? false : true;
/** `[init]` when the call needs parameters or a body, `[init?]` otherwise. */
export type InitArgs<O, Extra> = HasRequired<O> extends true ? [init: Params<O> & Extra] : [init?: Params<O> & Extra];

/** Shorthands for the types of one call: `ApiJson<'get', '/me'>`, `ApiBody<'put', '/me/logs/{log_date}'>`. */
export type ApiJson<M extends Method, P extends PathOf<M>> = Json<Op<M, P>>;
export type ApiBody<M extends Method, P extends PathOf<M>> = Body<Op<M, P>>;
export type ApiForm<M extends Method, P extends PathOf<M>> = FormBody<Op<M, P>>;

/** Path parameters and query of any call, untyped (see `apiPath`). */
export interface AnyUrlParams {
  path?: Record<string, string | number>;
  query?: Record<string, string | number | boolean | null | undefined>;
}

/**
 * The URL under /api/v1 of `path` with its parameters filled in (encoded) and its query string:
 * `apiPath('get', '/me/logs', {query: {from, to}})` -> "/me/logs?from=...&to=...". The method
 * only selects which paths are allowed.
 */
export function apiPath<M extends Method, P extends PathOf<M>>(_method: M, path: P, ...[params]: UrlArgs<Op<M, P>>): string {
  return fillPath(path, params as AnyUrlParams | undefined);
}

/** `apiPath` without the types, for the typed client's own use. */
export function fillPath(path: string, params: AnyUrlParams = {}): string {
  const url = path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const v = params.path?.[name];
    if (v === undefined) throw new Error(`missing path parameter ${name} for ${path}`);
    return encodeURIComponent(String(v));
  });
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params.query ?? {})) if (v !== undefined && v !== null) q.set(k, String(v));
  const qs = q.toString();
  return qs ? `${url}?${qs}` : url;
}
