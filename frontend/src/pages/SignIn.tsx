import { useEffect, useState } from 'preact/hooks';
import { getDB } from '../sync/db';
import { ApiError, NetworkError, errorsByField, problemMessage } from '../api/http';
import { navigate } from '../router';
import { homeFor, signIn } from '../session';
import { useAppState } from '../store';
import { Notice, PageTitle } from '../ui/Page';

function safeNext(next: string | null | undefined): string | null {
  return next && next.startsWith('/') && !next.startsWith('//') && next !== '/signin' ? next : null;
}

export function SignInPage({ next }: { next?: string | null }) {
  const { notice } = useAppState();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [waiting, setWaiting] = useState(0);

  useEffect(() => {
    // entries saved on this phone stay in the outbox until their owner signs in again
    getDB()
      .then((db) => db.count('outbox'))
      .then(setWaiting)
      .catch(() => undefined);
  }, []);

  async function submit(e: Event) {
    e.preventDefault();
    setError(null);
    setFieldErrors({});
    if (!email.trim() || !password) {
      setFieldErrors({
        ...(email.trim() ? {} : { username: 'Enter your email address.' }),
        ...(password ? {} : { password: 'Enter your password.' }),
      });
      return;
    }
    setBusy(true);
    try {
      const me = await signIn(email.trim(), password);
      const target = safeNext(next);
      navigate(target && (me.role === 'patient' || !target.startsWith('/log')) ? target : homeFor(me.role), { replace: true });
    } catch (err) {
      if (err instanceof NetworkError) setError('You are offline. Connect to the internet to sign in.');
      else if (err instanceof ApiError) {
        setError(err.status === 401 ? problemMessage(err.problem) || 'Email or password is incorrect.' : problemMessage(err.problem));
        setFieldErrors(errorsByField(err.problem));
      } else setError('Something went wrong. Please try again.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="narrow">
      <PageTitle title="Sign in">Sign in</PageTitle>
      {notice && <Notice kind="info">{notice}</Notice>}
      {waiting > 0 && (
        <Notice kind="info">
          <p>
            {waiting === 1 ? '1 entry is' : `${waiting} entries are`} saved on this phone and will sync after you sign in.
          </p>
        </Notice>
      )}
      <form class="stack" onSubmit={submit} noValidate aria-describedby={error ? 'signin-error' : undefined}>
        {error && (
          <Notice kind="error" id="signin-error">
            {error}
          </Notice>
        )}
        <div class="field">
          <label for="signin-email" class="label">
            Email
          </label>
          <input
            id="signin-email"
            name="username"
            type="email"
            autoComplete="username"
            inputMode="email"
            required
            value={email}
            aria-invalid={fieldErrors.username ? 'true' : undefined}
            aria-describedby={fieldErrors.username ? 'signin-email-error' : undefined}
            onInput={(e) => setEmail((e.currentTarget as HTMLInputElement).value)}
          />
          {fieldErrors.username && (
            <p id="signin-email-error" class="error">
              {fieldErrors.username}
            </p>
          )}
        </div>
        <div class="field">
          <label for="signin-password" class="label">
            Password
          </label>
          <input
            id="signin-password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            aria-invalid={fieldErrors.password ? 'true' : undefined}
            aria-describedby={fieldErrors.password ? 'signin-password-error' : undefined}
            onInput={(e) => setPassword((e.currentTarget as HTMLInputElement).value)}
          />
          {fieldErrors.password && (
            <p id="signin-password-error" class="error">
              {fieldErrors.password}
            </p>
          )}
        </div>
        <button type="submit" class="btn btn-primary btn-block" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <p class="center">
        <a href="/forgot-password">Forgot password?</a>
      </p>
      <p class="center">
        New here? <a href="/register">Create an account</a>
      </p>
    </div>
  );
}
