import { useCallback, useEffect, useState } from 'preact/hooks';
import { ApiError, NetworkError, problemMessage } from '../api/http';

export interface Loaded<T> {
  data: T | null;
  error: string | null;
  reload: () => Promise<void>;
}

/** The words for a failed call: offline, the server's problem, or a plain fallback. */
export function failure(err: unknown, fallback = 'Something went wrong. Try again.'): string {
  if (err instanceof NetworkError) return 'You are offline. Try again when you have a connection.';
  if (err instanceof ApiError) return problemMessage(err.problem);
  return fallback;
}

/** Loads once (and again on `reload` or when `key` changes); keeps the last answer on failure. */
export function useLoad<T>(load: () => Promise<T>, key = ''): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(async () => {
    try {
      setData(await load());
      setError(null);
    } catch (err) {
      setError(failure(err, 'This could not be loaded. Check your connection.'));
    }
  }, [key]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { data, error, reload };
}
