import { useState } from 'preact/hooks';
import { ApiError, NetworkError, errorsByField, problemMessage } from '../api/http';
import { navigate } from '../router';
import { homeFor, register } from '../session';
import type { Role } from '../api/types';
import { OptionGroup } from '../ui/Fields';
import { Notice, PageTitle } from '../ui/Page';

const ROLES: { value: Role; label: string }[] = [
  { value: 'patient', label: 'Patient' },
  { value: 'clinician', label: 'Clinician' },
  { value: 'coach', label: 'Coach' },
];

export function RegisterPage() {
  const [form, setForm] = useState({ display_name: '', email: '', password: '' });
  const [role, setRole] = useState<Role>('patient');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fe, setFe] = useState<Record<string, string>>({});

  const set = (k: keyof typeof form) => (e: Event) => setForm({ ...form, [k]: (e.currentTarget as HTMLInputElement).value });

  async function submit(e: Event) {
    e.preventDefault();
    setError(null);
    const errs: Record<string, string> = {};
    if (!form.display_name.trim()) errs.display_name = 'Enter your name.';
    if (!/^\S+@\S+\.\S+$/.test(form.email.trim())) errs.email = 'Enter a valid email address.';
    if (form.password.length < 8) errs.password = 'Use at least 8 characters.';
    setFe(errs);
    if (Object.keys(errs).length) {
      document.getElementById(`reg-${Object.keys(errs)[0]}`)?.focus();
      return;
    }
    setBusy(true);
    try {
      const me = await register({ email: form.email.trim(), password: form.password, display_name: form.display_name.trim(), role });
      // The app has already left /register once signed in (App.tsx sends a new patient to
      // /welcome); only move if it has not, so a tap the user made meanwhile is never undone.
      if (location.pathname === '/register') navigate(me.role === 'patient' ? '/welcome' : homeFor(me.role), { replace: true });
    } catch (err) {
      if (err instanceof NetworkError) setError('You are offline. Connect to the internet to create an account.');
      else if (err instanceof ApiError) {
        const byField = errorsByField(err.problem);
        if (err.status === 409) byField.email = problemMessage(err.problem) || 'An account with this email already exists.';
        setFe(byField);
        setError(problemMessage(err.problem));
      } else setError('Something went wrong. Please try again.');
    } finally {
      setBusy(false);
    }
  }

  const field = (k: keyof typeof form, label: string, type: string, auto: string, hint?: string) => (
    <div class={`field${fe[k] ? ' has-error' : ''}`}>
      <label for={`reg-${k}`} class="label">
        {label}
      </label>
      {hint && (
        <p id={`reg-${k}-hint`} class="hint">
          {hint}
        </p>
      )}
      <input
        id={`reg-${k}`}
        type={type}
        autoComplete={auto}
        required
        value={form[k]}
        onInput={set(k)}
        aria-invalid={fe[k] ? 'true' : undefined}
        aria-describedby={[hint ? `reg-${k}-hint` : '', fe[k] ? `reg-${k}-error` : ''].filter(Boolean).join(' ') || undefined}
      />
      {fe[k] && (
        <p id={`reg-${k}-error`} class="error">
          {fe[k]}
        </p>
      )}
    </div>
  );

  return (
    <div class="narrow">
      <PageTitle title="Create an account">Create an account</PageTitle>
      <form class="stack" onSubmit={submit} noValidate>
        {error && <Notice kind="error">{error}</Notice>}
        {field('display_name', 'Your name', 'text', 'name')}
        {field('email', 'Email', 'email', 'email')}
        {field('password', 'Password', 'password', 'new-password', 'At least 8 characters.')}
        <OptionGroup
          id="reg-role"
          label="I am a"
          options={ROLES}
          value={role}
          clearable={false}
          onChange={(v) => v && setRole(v)}
          error={fe.role}
        />
        <button type="submit" class="btn btn-primary btn-block" disabled={busy}>
          {busy ? 'Creating account…' : 'Create account'}
        </button>
      </form>
      <p class="center">
        Already have an account? <a href="/signin">Sign in</a>
      </p>
    </div>
  );
}
