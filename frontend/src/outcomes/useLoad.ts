import { useCallback, useEffect, useState } from 'preact/hooks';
import { failure } from '../api/http';

export interface Loaded<T> {
  data: T | null;
  error: string | null;
  reload: () => Promise<void>;
}

export { failure }; // the outcomes screens import it from here

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
