import { useState } from 'preact/hooks';
import { ApiError, NetworkError, problemMessage } from '../api/http';
import { api } from '../api/client';

/** "Redeem a sharing code" form for clinicians and coaches (POST /links). */
export function RedeemForm({ who, onLinked }: { who: 'patient' | 'athlete'; onLinked: () => void }) {
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  // One message at a time: an error replaces "Code accepted", and typing a new code clears it,
  // so the success of an earlier code never shows beside a later error.
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const error = message?.kind === 'error' ? message.text : null;
  const ok = message?.kind === 'ok' ? message.text : null;
  const setError = (text: string) => setMessage({ kind: 'error', text });

  async function submit(e: Event) {
    e.preventDefault();
    setMessage(null);
    const c = code.trim();
    if (!c) {
      setError('Enter the code you were given.');
      return;
    }
    setBusy(true);
    try {
      await api.post('/links', { body: { code: c } });
      setCode('');
      const msg = `Code accepted. The ${who} is now on your list.`;
      // said by the form's own status line only: the page's announcer would keep it in the
      // page after a later error
      setMessage({ kind: 'ok', text: msg });
      onLinked();
    } catch (err) {
      if (err instanceof NetworkError) setError('You are offline. Try again when you are connected.');
      else if (err instanceof ApiError && err.status === 404) setError('That code is unknown, already used, expired or revoked.');
      else if (err instanceof ApiError && err.status === 403)
        setError(who === 'patient' ? 'That code was made for a coach, not a clinician.' : 'That code was made for a clinician, not a coach.');
      else if (err instanceof ApiError) setError(problemMessage(err.problem));
      else setError('Something went wrong.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="card redeem" onSubmit={submit} noValidate aria-labelledby="redeem-h">
      <h2 id="redeem-h" class="h-section">
        Add {who === 'patient' ? 'a patient' : 'an athlete'}
      </h2>
      <div class={`field${error ? ' has-error' : ''}`}>
        <label class="label" for="redeem-code">
          Sharing code
        </label>
        <p class="hint" id="redeem-hint">
          Ask your {who} to create a code in Loadline under Sharing.
        </p>
        <div class="inline-field">
          <input
            id="redeem-code"
            type="text"
            autoComplete="off"
            autoCapitalize="characters"
            spellcheck={false}
            value={code}
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={`redeem-hint${error ? ' redeem-error' : ''}`}
            onInput={(e) => {
              setCode((e.currentTarget as HTMLInputElement).value);
              if (message?.kind === 'ok') setMessage(null);
            }}
          />
          <button type="submit" class="btn btn-primary" disabled={busy}>
            Add {who}
          </button>
        </div>
        {error && (
          <p class="error" id="redeem-error" role="alert">
            {error}
          </p>
        )}
        {/* always in the page, so that screen readers announce what is put in it */}
        <div role="status">{ok && <p class="ok">{ok}</p>}</div>
      </div>
    </form>
  );
}
