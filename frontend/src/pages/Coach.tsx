import { useRef, useState } from 'preact/hooks';
import { todayIn } from '../dates';
import { lastLoggedText, sortByReadiness } from '../dashboard/athletes';
import { ApiError, NetworkError, problemMessage, readProblem } from '../api/http';
import { apiResponse } from '../api/client';
import type { AthleteRow } from '../api/types';
import { READINESS_HINT } from '../words';
import { ReadinessBadge } from '../ui/Badges';
import { Notice, PageTitle } from '../ui/Page';
import { RedeemForm } from '../ui/Redeem';
import { usePolling } from '../ui/usePolling';

/** Coach view: readiness and restrictions only. Never pain scores, notes or reasons. */
export default function CoachPage() {
  const [rows, setRows] = useState<AthleteRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const etag = useRef<string | null>(null);

  async function load() {
    try {
      const headers: Record<string, string> = {};
      if (etag.current && rows !== null) headers['If-None-Match'] = etag.current;
      const res = await apiResponse.get('/coach/athletes', { headers });
      if (res.status === 304) return;
      if (!res.ok) throw new ApiError(res.status, await readProblem(res));
      etag.current = res.headers.get('ETag');
      const data = await res.json();
      setRows(Array.isArray(data.athletes) ? data.athletes : []);
      setError(null);
    } catch (e) {
      setError(e instanceof NetworkError ? 'You are offline. The list will update when you reconnect.' : e instanceof ApiError ? problemMessage(e.problem) : 'Could not load athletes.');
      setRows((r) => r ?? []);
    }
  }

  usePolling(load, 30_000);
  const today = todayIn(null);

  return (
    <>
      <PageTitle title="Athletes">Athletes</PageTitle>
      <RedeemForm
        who="athlete"
        onLinked={() => {
          etag.current = null;
          void load();
        }}
      />
      {error && <Notice kind="error">{error}</Notice>}
      <section aria-labelledby="alist-h">
        <h2 id="alist-h" class="h-section">
          Readiness today <span class="muted small">(not ready first)</span>
        </h2>
        {rows === null ? (
          <p class="loading">Loading…</p>
        ) : rows.length === 0 ? (
          <p class="muted">No athletes yet. Ask an athlete for a coach sharing code and add it above.</p>
        ) : (
          <ul class="athlete-list">
            {sortByReadiness(rows).map((a) => {
              const restrictions = Array.isArray(a.restrictions) ? a.restrictions.filter((r) => typeof r === 'string') : [];
              return (
                <li key={a.athlete_id} class={`athlete-card ready-${a.readiness}`}>
                  <div class="pc-head">
                    <h3 class="pc-name">{a.display_name}</h3>
                    <ReadinessBadge readiness={a.readiness} />
                  </div>
                  <p class="muted">{READINESS_HINT[a.readiness] ?? ''}</p>
                  {restrictions.length > 0 ? (
                    <>
                      <h4 class="h-mini">Restrictions</h4>
                      <ul class="restrictions">
                        {restrictions.map((r, i) => (
                          <li key={i}>{r}</li>
                        ))}
                      </ul>
                    </>
                  ) : (
                    <p>No extra restrictions today.</p>
                  )}
                  <p class="hint">{lastLoggedText(a.as_of, today)}</p>
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </>
  );
}
