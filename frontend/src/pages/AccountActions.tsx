import { useState } from 'preact/hooks';
import { failure } from '../api/http';
import { api } from '../api/client';
import { navigate } from '../router';
import { signOut } from '../session';
import { announce } from '../store';
import { Notice } from '../ui/Page';

const ERASE_WORD = 'ERASE';

const errText = (e: unknown): string => failure(e, 'Something went wrong.');

/** Ends every session of the account (POST /auth/logout-all), this phone's included. */
export function SignOutEverywhere() {
  const [error, setError] = useState<string | null>(null);
  async function run() {
    setError(null);
    try {
      await api.post('/auth/logout-all');
      await signOut();
      navigate('/signin', { replace: true });
      announce('You are signed out on every device.');
    } catch (e) {
      setError(errText(e));
    }
  }
  return (
    <section class="card" aria-labelledby="out-all-h">
      <h2 id="out-all-h" class="h-section">
        Sign out everywhere
      </h2>
      <p>Signs you out on every phone and computer, this one included. Use it if you lost a device or shared your password.</p>
      {error && <Notice kind="error">{error}</Notice>}
      <button type="button" class="btn" onClick={() => void run()}>
        Sign out on every device
      </button>
    </section>
  );
}

/** Erases the account and all its data (DELETE /me) once the word ERASE is typed. */
export function EraseAccount({ patient }: { patient: boolean }) {
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ready = typed.trim() === ERASE_WORD;

  async function run(e: Event) {
    e.preventDefault();
    setError(null);
    if (!ready) {
      setError(`Type ${ERASE_WORD} in capitals to confirm.`);
      document.getElementById('erase-confirm')?.focus();
      return;
    }
    setBusy(true);
    try {
      await api.delete('/me');
      await signOut();
      navigate('/signin', { replace: true });
      announce('Your account and all its data have been erased.');
    } catch (err) {
      setError(errText(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="card danger-zone" aria-labelledby="erase-h">
      <h2 id="erase-h" class="h-section">
        Erase your account
      </h2>
      <p>
        This deletes your account and {patient ? 'every log, guidance and share' : 'your links to patients'} for good. It cannot be undone.
        {patient ? ' Download your data first if you want to keep a copy.' : ''}
      </p>
      <form class="stack" onSubmit={(e) => void run(e)} noValidate>
        {error && <Notice kind="error">{error}</Notice>}
        <div class="field">
          <label class="label" for="erase-confirm">
            Type {ERASE_WORD} to confirm
          </label>
          <input
            id="erase-confirm"
            type="text"
            autoComplete="off"
            autoCapitalize="characters"
            spellcheck={false}
            value={typed}
            onInput={(e) => setTyped((e.currentTarget as HTMLInputElement).value)}
          />
        </div>
        <button type="submit" class="btn btn-danger" disabled={busy}>
          Erase my account
        </button>
      </form>
    </section>
  );
}
