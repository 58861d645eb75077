import { useEffect, useRef, useState } from 'preact/hooks';
import { formatTimestamp } from '../dates';
import { ApiError, NetworkError, problemMessage, readProblem } from '../api/http';
import { api, apiResponse } from '../api/client';
import { announce } from '../store';
import type { AccessEntry, NewShare, Share } from '../api/types';
import { Notice, PageTitle } from '../ui/Page';
import { ExportDownload } from '../ui/ExportDownload';

const SCOPE_LABEL = { clinician: 'Clinician', coach: 'Coach' } as const;

function errText(e: unknown): string {
  if (e instanceof NetworkError) return 'You are offline. Sharing needs a connection.';
  if (e instanceof ApiError) return problemMessage(e.problem);
  return 'Something went wrong.';
}

export default function SharingPage() {
  const [shares, setShares] = useState<Share[] | null>(null);
  const [access, setAccess] = useState<AccessEntry[] | null>(null);
  const [created, setCreated] = useState<NewShare[]>([]);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const codeHeading = useRef<HTMLHeadingElement>(null);

  async function load() {
    try {
      const [s, a] = await Promise.all([
        api.get('/me/shares'),
        api.get('/me/access-log').catch(() => ({ entries: [] as AccessEntry[] })),
      ]);
      setShares(s.shares ?? []);
      setAccess(a.entries ?? []);
    } catch (e) {
      setError(errText(e));
      setShares((s) => s ?? []);
      setAccess((a) => a ?? []);
    }
  }

  useEffect(() => {
    void load();
  }, []);

  useEffect(() => {
    if (created.length) codeHeading.current?.focus();
  }, [created.length]);

  async function create(scope: 'clinician' | 'coach') {
    setError(null);
    setCopied(null);
    setBusy(scope);
    try {
      const s = await api.post('/me/shares', { body: { scope } });
      setCreated((c) => [s, ...c]);
      announce(`Code created for a ${scope}: ${s.code.split('').join(' ')}`);
      void load();
    } catch (e) {
      setError(errText(e));
    } finally {
      setBusy(null);
    }
  }

  async function revoke(s: Share) {
    setError(null);
    // Ending someone's access is confirmed first; an unused code goes at once.
    if (s.kind === 'link' && confirming !== s.id) {
      setConfirming(s.id);
      return;
    }
    setConfirming(null);
    setBusy(s.id);
    try {
      const res = await apiResponse.delete('/me/shares/{share_id}', { path: { share_id: s.id } });
      if (!res.ok && res.status !== 404) throw new ApiError(res.status, await readProblem(res));
      setCreated((c) => c.filter((x) => x.id !== s.id));
      announce(`${s.kind === 'link' ? 'Access' : 'Code'} revoked.`);
      await load();
    } catch (e) {
      setError(errText(e));
    } finally {
      setBusy(null);
    }
  }

  async function copy(share: NewShare) {
    try {
      await navigator.clipboard.writeText(share.code);
      setCopied(share.id);
      announce('Code copied.');
    } catch {
      setCopied(null);
      setError('This browser would not copy the code. Select it and copy it by hand.');
    }
  }

  // The contract lists only pending codes and active links today; anything else is past.
  const inactive = (s: Share) => {
    const status: string = s.status;
    return ['revoked', 'expired', 'used', 'inactive'].includes(status) || (s.kind === 'code' && status === 'redeemed');
  };
  const active = (shares ?? []).filter((s) => !inactive(s));
  const past = (shares ?? []).filter((s) => !active.includes(s));

  return (
    <>
      <PageTitle title="Sharing">Sharing</PageTitle>
      {error && <Notice kind="error">{error}</Notice>}

      <section class="card" aria-labelledby="new-h">
        <h2 id="new-h" class="h-section">
          Share your progress
        </h2>
        <p>Create a one-time code and give it to the person you want to share with. It is valid for 7 days.</p>
        <ul class="plain">
          <li>
            <strong>A clinician</strong> sees your full record: pain scores, notes and guidance.
          </li>
          <li>
            <strong>A coach</strong> sees only whether you are ready to train and what to avoid — never your pain scores or notes.
          </li>
        </ul>
        <div class="btn-row">
          <button type="button" class="btn btn-primary" disabled={busy !== null} onClick={() => void create('clinician')}>
            Create code for a clinician
          </button>
          <button type="button" class="btn" disabled={busy !== null} onClick={() => void create('coach')}>
            Create code for a coach
          </button>
        </div>
        {created.map((c, i) => (
          <div class="code-box" key={c.id} aria-labelledby={`code-h-${c.id}`}>
            <h3 id={`code-h-${c.id}`} class="h-sub" tabIndex={-1} ref={i === 0 ? codeHeading : undefined}>
              {i === 0 ? 'Your new code' : 'Your earlier code'} for a {c.scope}
            </h3>
            <p class="code" data-testid={i === 0 ? 'share-code' : 'earlier-share-code'}>
              {c.code}
            </p>
            <p>
              Valid until <strong>{formatTimestamp(c.expires_at)}</strong>. It works once.
            </p>
            <button type="button" class="btn btn-small" aria-label={`Copy code ${c.code.split('').join(' ')}, for a ${c.scope}`} onClick={() => void copy(c)}>
              {copied === c.id ? 'Copied' : 'Copy code'}
            </button>
          </div>
        ))}
      </section>

      <section class="card" aria-labelledby="list-h">
        <h2 id="list-h" class="h-section">
          Codes and access
        </h2>
        {shares === null ? (
          <p class="loading">Loading…</p>
        ) : active.length === 0 ? (
          <p class="muted">Nobody has access and there are no open codes.</p>
        ) : (
          <ul class="sharelist">
            {active.map((s) => (
              <ShareItem
                key={s.id}
                s={s}
                busy={busy === s.id}
                confirming={confirming === s.id}
                onRevoke={() => void revoke(s)}
                onCancel={() => setConfirming(null)}
              />
            ))}
          </ul>
        )}
        {past.length > 0 && (
          <details class="past">
            <summary>Past codes and links ({past.length})</summary>
            <ul class="sharelist">
              {past.map((s) => (
                <ShareItem key={s.id} s={s} />
              ))}
            </ul>
          </details>
        )}
      </section>

      <section class="card" aria-labelledby="log-h">
        <h2 id="log-h" class="h-section">
          Who looked at your data
        </h2>
        {access === null ? (
          <p class="loading">Loading…</p>
        ) : access.length === 0 ? (
          <p class="muted">Nobody has looked at your data yet.</p>
        ) : (
          <ul class="accesslog">
            {access.map((a, i) => (
              <li key={i}>
                <strong>{a.actor_name ?? 'Erased account'}</strong>
                {a.actor_current_name && a.actor_current_name !== a.actor_name
                  ? ` (now called ${a.actor_current_name})`
                  : ''}{' '}
                ({a.actor_role}
                {a.actor_id ? ` ${accountRef(a.actor_id)}` : ''}) — {a.action.replace(/_/g, ' ')}
                <span class="muted"> · {formatTimestamp(a.at)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <ExportDownload />
    </>
  );
}

/** A short, stable reference to an account: the same person shows the same one in the access
 * log and on their link, whatever name they take. */
function accountRef(id: string): string {
  return `#${id.slice(0, 8)}`;
}

function ShareItem(props: { s: Share; busy?: boolean; confirming?: boolean; onRevoke?: () => void; onCancel?: () => void }) {
  const { s, busy, confirming, onRevoke, onCancel } = props;
  const who = s.holder_name ? `held by ${s.holder_name}` : s.kind === 'code' ? 'not used yet' : 'link';
  const what = `${SCOPE_LABEL[s.scope] ?? s.scope} ${s.kind === 'link' ? 'access' : 'code'}`;
  return (
    <li class="share">
      <div>
        <strong>{what}</strong> <span class={`status status-${s.status}`}>{s.status}</span>
        <p class="hint">
          {s.holder_name ? `Held by ${s.holder_name}${s.holder_id ? ` (${accountRef(s.holder_id)})` : ''}. ` : ''}
          Created {formatTimestamp(s.created_at)}
          {s.expires_at ? ` · expires ${formatTimestamp(s.expires_at)}` : ''}
        </p>
      </div>
      {onRevoke && confirming && (
        <div class="confirm" role="group" aria-label="Confirm">
          <p>
            Stop {s.holder_name ?? 'this person'}’s access? They will no longer see your {s.scope === 'coach' ? 'readiness' : 'record'}. To share
            again you would need a new code.
          </p>
          <div class="btn-row">
            <button type="button" class="btn btn-small btn-danger" disabled={busy} onClick={onRevoke}>
              Yes, stop access
            </button>
            <button type="button" class="btn btn-small" onClick={onCancel}>
              Keep access
            </button>
          </div>
        </div>
      )}
      {onRevoke && !confirming && (
        <button type="button" class="btn btn-small btn-danger" disabled={busy} aria-label={`Revoke ${what.toLowerCase()} ${who}`} onClick={onRevoke}>
          Revoke
        </button>
      )}
    </li>
  );
}
