// Shared HTTP helpers (no DOM, no framework): used by the page and by the service worker.
import type { FieldProblem, Problem } from './types';

/** The request never reached the server (offline, DNS, connection reset, CORS, abort). */
export class NetworkError extends Error {
  constructor(message = 'No connection') {
    super(message);
    this.name = 'NetworkError';
  }
}

/** The server answered with an error status; `problem` is its RFC 9457 body (or a stand-in). */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;
  constructor(status: number, problem: Problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }
}

const FALLBACK_TITLES: Record<number, string> = {
  400: 'The request could not be understood.',
  401: 'Please sign in again.',
  403: 'You are not allowed to do that.',
  404: 'Not found.',
  409: 'That conflicts with something that already exists.',
  412: 'This was changed somewhere else. Reload and try again.',
  422: 'Some values need fixing.',
  429: 'Too many attempts. Wait a moment and try again.',
};

function normaliseErrors(raw: unknown): FieldProblem[] | undefined {
  if (!Array.isArray(raw)) return undefined;
  const out: FieldProblem[] = [];
  for (const item of raw) {
    if (item && typeof item === 'object') {
      const rec = item as Record<string, unknown>;
      const field = Array.isArray(rec.loc)
        ? rec.loc.filter((p) => p !== 'body').join('.')
        : String(rec.field ?? '');
      const message = String(rec.message ?? rec.msg ?? 'Invalid value');
      out.push({ field, message });
    }
  }
  return out;
}

/** Reads a problem+json body defensively; never throws. */
export async function readProblem(res: Response): Promise<Problem> {
  let body: unknown = null;
  try {
    const text = await res.text();
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  const p: Problem = { status: res.status };
  if (body && typeof body === 'object') {
    const b = body as Record<string, unknown>;
    if (typeof b.type === 'string') p.type = b.type;
    if (typeof b.title === 'string') p.title = b.title;
    if (typeof b.detail === 'string') p.detail = b.detail;
    else if (typeof b.detail === 'object' && Array.isArray(b.detail)) p.errors = normaliseErrors(b.detail);
    const errs = normaliseErrors(b.errors);
    if (errs) p.errors = errs;
  }
  if (!p.detail && !p.title) p.title = FALLBACK_TITLES[res.status] ?? `Something went wrong (${res.status}).`;
  return p;
}

/** The key a server error refers to: "body.morning_pain" / "body -> morning_pain" -> "morning_pain". */
export function fieldKey(field: string): string {
  const parts = field.split(/\s*(?:->|\.|\/)\s*/).filter((p) => p && p !== 'body' && p !== 'query');
  return parts.length ? parts[parts.length - 1]! : field;
}

/** Map of field -> messages, for showing server errors next to the inputs. */
export function errorsByField(problem: Problem | null | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of problem?.errors ?? []) {
    const k = fieldKey(e.field);
    out[k] = out[k] ? `${out[k]} ${e.message}` : e.message;
  }
  return out;
}

export function problemMessage(problem: Problem | null | undefined): string {
  if (!problem) return 'Something went wrong.';
  return problem.detail || problem.title || 'Something went wrong.';
}

/** fetch that turns a thrown TypeError (no network) into NetworkError. */
export async function safeFetch(f: typeof fetch, input: string, init?: RequestInit): Promise<Response> {
  try {
    return await f(input, init);
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new NetworkError(e instanceof Error ? e.message : 'No connection');
  }
}

/** The words for a failed call: offline, the server's problem, or a plain fallback. */
export function failure(err: unknown, fallback = 'Something went wrong. Try again.'): string {
  if (err instanceof NetworkError) return 'You are offline. Try again when you have a connection.';
  if (err instanceof ApiError) return problemMessage(err.problem);
  return fallback;
}
