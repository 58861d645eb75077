import { useRef, useState } from 'preact/hooks';
import { formatTimestamp } from '../dates';
import { ApiError, NetworkError, problemMessage, readProblem } from '../api/http';
import { apiResponse } from '../api/client';
import type { PatientRow } from '../api/types';
import { type Sort, searchByName } from '../dashboard/rows';
import { Notice, PageTitle } from '../ui/Page';
import { RedeemForm } from '../ui/Redeem';
import { useMediaQuery } from '../ui/useMediaQuery';
import { usePolling } from '../ui/usePolling';
import { DeskTable } from './DeskTable';
import { PatientCards } from './PatientCards';
import { ReferralQueue } from './ReferralQueue';
import '../styles/desk.css';

/** Where the dashboard becomes a table (issue 14: 1024 px and wider). */
export const DESK_QUERY = '(min-width: 1024px)';

export default function ClinicianListPage() {
  const [rows, setRows] = useState<PatientRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [checkedAt, setCheckedAt] = useState<number | null>(null);
  const [version, setVersion] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<Sort>({ key: 'urgency', dir: 'ascending' });
  const desk = useMediaQuery(DESK_QUERY);
  const etag = useRef<string | null>(null);

  async function load() {
    try {
      const headers: Record<string, string> = {};
      if (etag.current && rows !== null) headers['If-None-Match'] = etag.current;
      const res = await apiResponse.get('/clinician/patients', { headers });
      if (res.status === 304) {
        setCheckedAt(Date.now());
        return;
      }
      if (!res.ok) throw new ApiError(res.status, await readProblem(res));
      etag.current = res.headers.get('ETag');
      const data = await res.json();
      setRows(Array.isArray(data.patients) ? data.patients : []);
      // the referral queue reads again only when the dashboard changed (its items move the ETag)
      setVersion(`${etag.current ?? ''}#${Date.now()}`);
      setError(null);
      setCheckedAt(Date.now());
    } catch (e) {
      setError(e instanceof NetworkError ? 'You are offline. The list will update when you reconnect.' : e instanceof ApiError ? problemMessage(e.problem) : 'Could not load patients.');
      setRows((r) => r ?? []);
    }
  }

  usePolling(load, 30_000);

  function reload() {
    etag.current = null;
    void load();
  }

  const shown = rows ? searchByName(rows, query) : [];
  return (
    <div class={desk ? 'desk' : undefined}>
      <PageTitle title="Patients">Patients</PageTitle>
      <ReferralQueue version={version} onChange={reload} />
      <RedeemForm who="patient" onLinked={reload} />
      {error && <Notice kind="error">{error}</Notice>}
      <section aria-labelledby="plist-h">
        <h2 id="plist-h" class="h-section">
          Your patients {(!desk || sort.key === 'urgency') && <span class="muted small">(most urgent first)</span>}
        </h2>
        {checkedAt && <p class="hint">Updated {formatTimestamp(checkedAt)}. Refreshes every 30 seconds.</p>}
        {rows !== null && rows.length > 0 && (
          <div class="field plist-search">
            <label class="label" for="plist-search">
              Search by name
            </label>
            <input id="plist-search" type="search" autoComplete="off" value={query} aria-describedby="plist-count" onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)} />
            <p class="hint" id="plist-count" role="status">
              {query.trim() ? `${shown.length} of ${rows.length} patients match.` : `${rows.length} patients.`}
            </p>
          </div>
        )}
        {rows === null ? (
          <p class="loading">Loading…</p>
        ) : rows.length === 0 ? (
          <p class="muted">No patients yet. Ask a patient for a sharing code and add it above.</p>
        ) : shown.length === 0 ? (
          <p class="muted">No patient’s name contains “{query.trim()}”.</p>
        ) : desk ? (
          <DeskTable rows={rows} shown={shown} sort={sort} onSort={setSort} />
        ) : (
          <PatientCards rows={shown} />
        )}
      </section>
    </div>
  );
}
