// Today's plan (GET /me/programme): read from the phone first (kept per user, like the logs),
// then from the server; `refresh` after a proposal is answered. Accepting or declining a step is
// one tap each (POST .../proposals/{id}/accept|decline).
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client';
import type { Plan } from '../api/types';
import { auth, onSynced } from '../services';
import { getDB, kvGet, kvSet } from '../sync/db';

async function planKey(): Promise<string | null> {
  const t = await auth.read();
  return t?.userId ? `plan:${t.userId}` : null;
}

export interface PlanState {
  plan: Plan | null;
  refresh: () => Promise<void>;
  answer: (proposalId: string, verb: 'accept' | 'decline') => Promise<void>;
}

export function usePlan(): PlanState {
  const [plan, setPlan] = useState<Plan | null>(null);

  async function refresh(): Promise<void> {
    try {
      const fresh = await api.get('/me/programme', {});
      setPlan(fresh);
      const k = await planKey();
      if (k) await kvSet(await getDB(), k, fresh);
    } catch {
      /* offline or server trouble: the plan kept on the phone stays */
    }
  }

  useEffect(() => {
    let alive = true;
    void (async () => {
      try {
        const k = await planKey();
        const kept = k ? await kvGet<Plan>(await getDB(), k) : undefined;
        if (alive && kept) setPlan((p) => p ?? kept);
      } catch {
        /* storage unavailable */
      }
      if (alive && navigator.onLine) await refresh();
    })();
    return () => {
      alive = false;
    };
  }, []);

  // a day synced in the background (this tab, another, the service worker): a back-off may have moved the plan
  useEffect(() => onSynced(() => void refresh()), []);

  async function answer(proposalId: string, verb: 'accept' | 'decline'): Promise<void> {
    const path = verb === 'accept' ? '/me/programme/proposals/{proposal_id}/accept' : '/me/programme/proposals/{proposal_id}/decline';
    await api.post(path, { path: { proposal_id: proposalId } });
    await refresh();
  }

  return { plan, refresh, answer };
}
