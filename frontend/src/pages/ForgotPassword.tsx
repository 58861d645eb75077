// "Forgot password?": asks for a link to choose a new password, sent by email. The answer is
// the same whether or not an account uses the address, and so is what this page says.
import { useState } from 'preact/hooks';
import { api } from '../api/client';
import { ApiError, NetworkError, errorsByField, problemMessage } from '../api/http';
import { announce } from '../store';
import { Notice, PageTitle } from '../ui/Page';

export default function ForgotPasswordPage() {
  const [email, setEmail] = useState('');
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);

  async function submit(e: Event) {
    e.preventDefault();
    setError(null);
    setFieldError(null);
    const address = email.trim();
    if (!/^\S+@\S+\.\S+$/.test(address)) {
      setFieldError('Enter the email address you sign in with, such as name@example.org.');
      document.getElementById('forgot-email')?.focus();
      return;
    }
    setBusy(true);
    try {
      const answer = await api.post('/auth/password-reset', { body: { email: address }, anonymous: true });
      setSent(answer.detail);
      announce(answer.detail); // the form (and its focused button) is gone: say what happened
    } catch (err) {
      if (err instanceof NetworkError) setError('You are offline. Connect to the internet to ask for a link.');
      else if (err instanceof ApiError && err.status === 429) setError('Too many requests for a link. Wait a while, then try again.');
      else if (err instanceof ApiError) {
        setFieldError(errorsByField(err.problem).email ?? null);
        setError(problemMessage(err.problem));
      } else setError('Something went wrong. Please try again.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="narrow">
      <PageTitle title="Forgot your password?">Forgot your password?</PageTitle>
      {sent ? (
        <Notice kind="ok">
          <p id="forgot-sent">{sent}</p>
          <p>The link works once, for a short time. If it has expired, ask for a new one here.</p>
        </Notice>
      ) : (
        <form class="stack" onSubmit={submit} noValidate>
          <p>Enter the email address you sign in with. We will send you a link to choose a new password.</p>
          {error && <Notice kind="error">{error}</Notice>}
          <div class={`field${fieldError ? ' has-error' : ''}`}>
            <label for="forgot-email" class="label">
              Email
            </label>
            <input
              id="forgot-email"
              type="email"
              autoComplete="username"
              inputMode="email"
              required
              value={email}
              aria-invalid={fieldError ? 'true' : undefined}
              aria-describedby={fieldError ? 'forgot-email-error' : undefined}
              onInput={(e) => setEmail((e.currentTarget as HTMLInputElement).value)}
            />
            {fieldError && (
              <p id="forgot-email-error" class="error">
                {fieldError}
              </p>
            )}
          </div>
          <button type="submit" class="btn btn-primary btn-block" disabled={busy}>
            {busy ? 'Sending…' : 'Send me a link'}
          </button>
        </form>
      )}
      <p class="center">
        <a href="/signin">Back to sign in</a>
      </p>
    </div>
  );
}
