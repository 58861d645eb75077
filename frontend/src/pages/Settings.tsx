import { useEffect, useState } from 'preact/hooks';
import { deviceTimeZone } from '../dates';
import { ApiError, errorsByField, failure } from '../api/http';
import { navigate } from '../router';
import { api } from '../api/client';
import { cacheMe } from '../services';
import { NotificationSettings } from '../notify/NotificationSettings';
import { signOut } from '../session';
import { announce, setState, useAppState } from '../store';
import { Notice, PageTitle } from '../ui/Page';
import { ExportDownload } from '../ui/ExportDownload';
import { EraseAccount, SignOutEverywhere } from './AccountActions';

const errText = (e: unknown): string => failure(e, 'Something went wrong.');

export default function SettingsPage() {
  const { me, outbox } = useAppState();
  const [name, setName] = useState(me?.display_name ?? '');
  const [tz, setTz] = useState(me?.timezone ?? deviceTimeZone());
  // The time zone can also be changed under Notifications: follow the saved value, so that saving
  // the profile afterwards never writes back a stale one.
  useEffect(() => {
    if (me?.timezone) setTz(me.timezone);
  }, [me?.timezone]);
  const [msg, setMsg] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [fe, setFe] = useState<Record<string, string>>({});
  const [pw, setPw] = useState({ current: '', next: '' });
  const [pwMsg, setPwMsg] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [confirmOut, setConfirmOut] = useState(false);

  async function saveProfile(e: Event) {
    e.preventDefault();
    setMsg(null);
    setFe({});
    try {
      const updated = await api.patch('/me', { body: { display_name: name.trim(), timezone: tz.trim() } });
      await cacheMe(updated);
      setState({ me: updated });
      setMsg({ kind: 'ok', text: 'Saved.' });
      announce('Settings saved.');
    } catch (err) {
      if (err instanceof ApiError) setFe(errorsByField(err.problem));
      setMsg({ kind: 'error', text: errText(err) });
    }
  }

  async function changePassword(e: Event) {
    e.preventDefault();
    setPwMsg(null);
    if (pw.next.length < 8) {
      setPwMsg({ kind: 'error', text: 'The new password needs at least 8 characters.' });
      return;
    }
    try {
      await api.post('/me/password', { body: { current_password: pw.current, new_password: pw.next } });
      setPw({ current: '', next: '' });
      setPwMsg({ kind: 'ok', text: 'Password changed. Other devices have been signed out.' });
    } catch (err) {
      setPwMsg({ kind: 'error', text: errText(err) });
    }
  }

  async function doSignOut() {
    if (outbox.total > 0 && !confirmOut) {
      setConfirmOut(true);
      return;
    }
    await signOut();
    navigate('/signin', { replace: true });
  }

  return (
    <>
      <PageTitle title="Settings">Settings</PageTitle>
      {me?.role === 'patient' && (
        <section class="card" aria-labelledby="intake-link-h">
          <h2 id="intake-link-h" class="h-section">
            Your intake
          </h2>
          <p>What brings the pain on, your activity and your goal: about 5 minutes, and you can change it later.</p>
          <p>
            <a href="/intake">Your intake</a>
            {me?.phase === 6 && (
              <>
                {' · '}
                <a href="/maintenance">Maintenance check</a>
              </>
            )}
          </p>
        </section>
      )}
      <section class="card" aria-labelledby="profile-h">
        <h2 id="profile-h" class="h-section">
          Profile
        </h2>
        <p class="muted">
          Signed in as {me?.email || 'you'} ({me?.role})
        </p>
        <form class="stack" onSubmit={saveProfile} noValidate>
          {msg && <Notice kind={msg.kind}>{msg.text}</Notice>}
          <div class="field">
            <label class="label" for="set-name">
              Display name
            </label>
            <input id="set-name" type="text" autoComplete="name" value={name} onInput={(e) => setName((e.currentTarget as HTMLInputElement).value)} />
            {fe.display_name && <p class="error">{fe.display_name}</p>}
          </div>
          <div class="field">
            <label class="label" for="set-tz">
              Time zone
            </label>
            <p class="hint" id="set-tz-hint">
              Your “today” follows this time zone. This device uses {deviceTimeZone()}.
            </p>
            <div class="inline-field">
              <input id="set-tz" type="text" value={tz} aria-describedby="set-tz-hint" onInput={(e) => setTz((e.currentTarget as HTMLInputElement).value)} />
              <button type="button" class="btn btn-small" onClick={() => setTz(deviceTimeZone())}>
                Use this device’s time zone
              </button>
            </div>
            {fe.timezone && <p class="error">{fe.timezone}</p>}
          </div>
          <button type="submit" class="btn btn-primary">
            Save settings
          </button>
        </form>
      </section>

      <NotificationSettings />

      <section class="card" aria-labelledby="pw-h">
        <h2 id="pw-h" class="h-section">
          Password
        </h2>
        <form class="stack" onSubmit={changePassword} noValidate>
          {pwMsg && <Notice kind={pwMsg.kind}>{pwMsg.text}</Notice>}
          <div class="field">
            <label class="label" for="pw-current">
              Current password
            </label>
            <input id="pw-current" type="password" autoComplete="current-password" value={pw.current} onInput={(e) => setPw({ ...pw, current: (e.currentTarget as HTMLInputElement).value })} />
          </div>
          <div class="field">
            <label class="label" for="pw-new">
              New password
            </label>
            <input id="pw-new" type="password" autoComplete="new-password" value={pw.next} onInput={(e) => setPw({ ...pw, next: (e.currentTarget as HTMLInputElement).value })} />
          </div>
          <button type="submit" class="btn">
            Change password
          </button>
        </form>
      </section>

      <section class="card" aria-labelledby="out-h">
        <h2 id="out-h" class="h-section">
          Sign out
        </h2>
        {confirmOut && (
          <Notice kind="warn">
            <p>
              {outbox.total} {outbox.total === 1 ? 'entry has' : 'entries have'} not synced yet. They stay on this phone and sync the next time you
              sign in. Sign out anyway?
            </p>
          </Notice>
        )}
        <button type="button" class="btn btn-danger" onClick={() => void doSignOut()}>
          {confirmOut ? 'Sign out anyway' : 'Sign out'}
        </button>
      </section>

      <SignOutEverywhere />
      {me?.role === 'patient' && (
        <>
          <section class="card" aria-labelledby="intro-h">
            <h2 id="intro-h" class="h-section">
              Introduction
            </h2>
            <p>What Loadline does, your phase, sharing, and what is stored about you.</p>
            <a class="btn" href="/welcome">
              Show the introduction again
            </a>
          </section>
          <ExportDownload />
        </>
      )}
      <EraseAccount patient={me?.role === 'patient'} />
    </>
  );
}
