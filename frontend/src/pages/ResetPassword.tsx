// The page a reset mail links to (/reset-password?token=...): a new password, typed twice.
// A completed reset signs the account out everywhere, this phone included; the sign-in page
// then says so.
import { useState } from 'preact/hooks';
import { api } from '../api/client';
import { ApiError, NetworkError, errorsByField, problemMessage } from '../api/http';
import { navigate } from '../router';
import { signOut } from '../session';
import { getState, setState } from '../store';
import { Notice, PageTitle } from '../ui/Page';

const DONE = 'Your password has been changed and you were signed out on every device. Sign in with your new password.';

type Field = 'password' | 'repeat';

export default function ResetPasswordPage({ token }: { token: string | null }) {
  const [form, setForm] = useState({ password: '', repeat: '' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fe, setFe] = useState<Partial<Record<Field, string>>>({});

  if (!token) {
    return (
      <div class="narrow">
        <PageTitle title="Choose a new password">Choose a new password</PageTitle>
        <Notice kind="error">
          <p>This link is not complete. Open the link from the email again, or ask for a new one.</p>
        </Notice>
        <p class="center">
          <a href="/forgot-password">Ask for a new link</a>
        </p>
      </div>
    );
  }

  async function submit(e: Event) {
    e.preventDefault();
    setError(null);
    const errs: Partial<Record<Field, string>> = {};
    if (form.password.length < 8) errs.password = 'Use at least 8 characters.';
    else if (form.repeat !== form.password) errs.repeat = 'The two passwords are not the same. Type it again.';
    setFe(errs);
    const first = (Object.keys(errs) as Field[])[0];
    if (first) {
      document.getElementById(`reset-${first}`)?.focus();
      return;
    }
    setBusy(true);
    try {
      await api.post('/auth/password-reset/confirm', { body: { token: token!, new_password: form.password }, anonymous: true });
      if (getState().me) await signOut(); // this phone's session has ended too
      setState({ notice: DONE });
      navigate('/signin', { replace: true });
    } catch (err) {
      if (err instanceof NetworkError) setError('You are offline. Connect to the internet to set your new password.');
      else if (err instanceof ApiError) {
        const byField = errorsByField(err.problem);
        setFe(byField.new_password ? { password: byField.new_password } : {});
        setError(problemMessage(err.problem));
      } else setError('Something went wrong. Please try again.');
    } finally {
      setBusy(false);
    }
  }

  const field = (k: Field, label: string, hint?: string) => (
    <div class={`field${fe[k] ? ' has-error' : ''}`}>
      <label for={`reset-${k}`} class="label">
        {label}
      </label>
      {hint && (
        <p id={`reset-${k}-hint`} class="hint">
          {hint}
        </p>
      )}
      <input
        id={`reset-${k}`}
        type="password"
        autoComplete="new-password"
        required
        value={form[k]}
        onInput={(e) => setForm({ ...form, [k]: (e.currentTarget as HTMLInputElement).value })}
        aria-invalid={fe[k] ? 'true' : undefined}
        aria-describedby={[hint ? `reset-${k}-hint` : '', fe[k] ? `reset-${k}-error` : ''].filter(Boolean).join(' ') || undefined}
      />
      {fe[k] && (
        <p id={`reset-${k}-error`} class="error">
          {fe[k]}
        </p>
      )}
    </div>
  );

  return (
    <div class="narrow">
      <PageTitle title="Choose a new password">Choose a new password</PageTitle>
      <form class="stack" onSubmit={submit} noValidate>
        {error && (
          <Notice kind="error">
            <p>{error}</p>
            {error.includes('new link') && (
              <p>
                <a href="/forgot-password">Ask for a new link</a>
              </p>
            )}
          </Notice>
        )}
        {field('password', 'New password', 'At least 8 characters.')}
        {field('repeat', 'New password again')}
        <button type="submit" class="btn btn-primary btn-block" disabled={busy}>
          {busy ? 'Saving…' : 'Set new password'}
        </button>
      </form>
      <p class="center">
        <a href="/signin">Back to sign in</a>
      </p>
    </div>
  );
}
