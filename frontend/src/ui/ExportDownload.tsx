import { useState } from 'preact/hooks';
import { ApiError, NetworkError, problemMessage, readProblem } from '../api/http';
import { apiResponse } from '../api/client';
import { announce } from '../store';
import { Notice } from './Page';

type Format = 'json' | 'csv' | 'fhir';

/** The patient's whole record as a file (GET /me/export), in three formats. */
export function ExportDownload() {
  const [busy, setBusy] = useState<Format | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function download(format: Format) {
    setError(null);
    setBusy(format);
    try {
      const res = await apiResponse.get('/me/export', { query: { format }, headers: { Accept: '*/*' } });
      if (!res.ok) throw new ApiError(res.status, await readProblem(res));
      const blob = await res.blob();
      const ext = format === 'csv' ? 'csv' : 'json';
      const name = `loadline-${format === 'fhir' ? 'fhir-bundle' : 'export'}-${new Date().toISOString().slice(0, 10)}.${ext}`;
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      announce(`Downloaded ${name}.`);
    } catch (e) {
      setError(e instanceof NetworkError ? 'You are offline. Downloading needs a connection.' : e instanceof ApiError ? problemMessage(e.problem) : 'Something went wrong.');
    } finally {
      setBusy(null);
    }
  }

  return (
    <section class="card" aria-labelledby="export-h">
      <h2 id="export-h" class="h-section">
        Download your data
      </h2>
      <p>Your whole record as a file. FHIR is the format many health record systems accept.</p>
      {error && <Notice kind="error">{error}</Notice>}
      <div class="btn-row">
        {(['json', 'csv', 'fhir'] as const).map((f) => (
          <button key={f} type="button" class="btn" disabled={busy !== null} onClick={() => void download(f)}>
            Download {f.toUpperCase()}
          </button>
        ))}
      </div>
    </section>
  );
}
