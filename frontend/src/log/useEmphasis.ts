// The emphasis a clinician confirmed at the latest assessment (GET /me/intake `emphasis`): kept
// on the phone per user like the plan (usePlan.ts), read once from the server when online.
// Unknown (offline with nothing kept, or server trouble) is null: the log keeps its usual order.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client';
import { auth } from '../services';
import { getDB, kvGet, kvSet } from '../sync/db';

export type Emphasis = 'tendon' | 'neural' | 'mixed' | 'general';

async function emphasisKey(): Promise<string | null> {
  const t = await auth.read();
  return t?.userId ? `emphasis:${t.userId}` : null;
}

export function useEmphasis(): Emphasis | null {
  const [emphasis, setEmphasis] = useState<Emphasis | null>(null);
  useEffect(() => {
    let alive = true;
    void (async () => {
      let k: string | null = null;
      try {
        k = await emphasisKey();
        const kept = k ? await kvGet<{ emphasis: Emphasis | null }>(await getDB(), k) : undefined;
        if (alive && kept) setEmphasis(kept.emphasis);
      } catch {
        /* storage unavailable */
      }
      if (!alive || !navigator.onLine) return;
      try {
        const fresh = (await api.get('/me/intake', {})).emphasis ?? null;
        if (!alive) return;
        setEmphasis(fresh);
        if (k) await kvSet(await getDB(), k, { emphasis: fresh });
      } catch {
        /* offline or server trouble: what is kept on the phone stays */
      }
    })();
    return () => {
      alive = false;
    };
  }, []);
  return emphasis;
}
