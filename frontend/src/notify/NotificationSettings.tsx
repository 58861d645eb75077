// Settings → Notifications: which kinds this account gets, at what local time, in which time
// zone, and whether this device receives them. Where the browser cannot push, it says so.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client';
import { ApiError, errorsByField } from '../api/http';
import type { components } from '../api/schema';
import { deviceTimeZone } from '../dates';
import { cacheMe } from '../services';
import { announce, setState, useAppState } from '../store';
import { Loading, Notice } from '../ui/Page';
import { currentSubscription, subscribeDevice, unsubscribeDevice } from './device';
import { errorText } from './device';
import { browserFacts, pushSupport, supportMessage } from './support';

type SettingsOut = components['schemas']['NotificationSettingsOut'];
type Kind = string;
type TimeName = 'reminder_time' | 'morning_time' | 'digest_time';

const KIND_LABELS: Record<string, string> = {
  daily_reminder: 'Daily reminder to log, on days you haven’t logged yet',
  morning_prompt: 'Morning check-in prompt after a training day',
  weekly_checkin: 'Weekly check-in, when it is due',
  patient_alert: 'A linked patient needs attention (urgent or emergency referral, new warning signs)',
  daily_digest: 'Daily summary of patients who need attention',
};
const TIME_LABELS: Record<TimeName, string> = {
  reminder_time: 'Reminder time',
  morning_time: 'Morning prompt time',
  digest_time: 'Daily summary time',
};
const TIMES: TimeName[] = ['reminder_time', 'morning_time', 'digest_time'];
type Msg = { kind: 'ok' | 'error'; text: string } | null;

export function NotificationSettings() {
  const { me } = useAppState();
  const [loaded, setLoaded] = useState<SettingsOut | null>(null);
  const [kinds, setKinds] = useState<Record<Kind, boolean>>({});
  const [times, setTimes] = useState<Partial<Record<TimeName, string>>>({});
  const [tz, setTz] = useState('');
  const [msg, setMsg] = useState<Msg>(null);
  const [fe, setFe] = useState<Record<string, string>>({});
  const [loadError, setLoadError] = useState('');

  useEffect(() => {
    api
      .get('/me/notification-settings')
      .then((s) => {
        setLoaded(s);
        setKinds(s.kinds);
        setTimes({ reminder_time: s.reminder_time ?? undefined, morning_time: s.morning_time ?? undefined, digest_time: s.digest_time ?? undefined });
        setTz(s.timezone || deviceTimeZone());
      })
      .catch((e) => setLoadError(errorText(e)));
  }, []);

  const kindNames = loaded ? Object.keys(loaded.kinds) : [];
  const timeNames = loaded ? TIMES.filter((t) => loaded[t] != null) : [];

  async function save(e: Event) {
    e.preventDefault();
    if (!loaded) return;
    setMsg(null);
    setFe({});
    try {
      const body: { kinds: Record<Kind, boolean> } & Partial<Record<TimeName, string>> = { kinds };
      for (const t of timeNames) if (times[t]) body[t] = times[t];
      let next = await api.patch('/me/notification-settings', { body });
      if (tz.trim() && tz.trim() !== next.timezone) {
        const updated = await api.patch('/me', { body: { timezone: tz.trim() } });
        await cacheMe(updated);
        setState({ me: updated });
        next = { ...next, timezone: updated.timezone ?? tz.trim() };
      }
      setLoaded(next);
      setMsg({ kind: 'ok', text: 'Notification settings saved.' });
      announce('Notification settings saved.');
    } catch (err) {
      if (err instanceof ApiError) setFe(errorsByField(err.problem));
      setMsg({ kind: 'error', text: errorText(err) });
    }
  }

  return (
    <section class="card" aria-labelledby="notify-h">
      <h2 id="notify-h" class="h-section">
        Notifications
      </h2>
      {loadError && <Notice kind="error">{loadError}</Notice>}
      {!loaded && !loadError && <Loading label="Loading notification settings…" />}
      {loaded && kindNames.length === 0 && <p class="muted">Your account gets no notifications.</p>}
      {loaded && kindNames.length > 0 && (
        <>
          <ThisDevice count={loaded.subscriptions} role={me?.role ?? ''} />
          <form class="stack" onSubmit={save} noValidate>
            {msg && <Notice kind={msg.kind}>{msg.text}</Notice>}
            <fieldset class="field">
              <legend class="label">Send me</legend>
              {kindNames.map((k) => (
                <div class="switch-row" key={k}>
                  <input id={`notify-${k}`} class="switch" type="checkbox" role="switch" checked={kinds[k] ?? false} onChange={(e) => setKinds({ ...kinds, [k]: (e.currentTarget as HTMLInputElement).checked })} />
                  <label for={`notify-${k}`}>{KIND_LABELS[k] ?? k}</label>
                </div>
              ))}
            </fieldset>
            {timeNames.map((t) => (
              <div class="field" key={t}>
                <label class="label" for={`notify-${t}`}>
                  {TIME_LABELS[t]}
                </label>
                <input id={`notify-${t}`} type="time" value={times[t] ?? ''} onInput={(e) => setTimes({ ...times, [t]: (e.currentTarget as HTMLInputElement).value })} />
                {fe[t] && <p class="error">{fe[t]}</p>}
              </div>
            ))}
            <div class="field">
              <label class="label" for="notify-tz">
                Time zone for these times
              </label>
              <p class="hint" id="notify-tz-hint">
                The same time zone as your profile. This device uses {deviceTimeZone()}.
              </p>
              <div class="inline-field">
                <input id="notify-tz" type="text" value={tz} aria-describedby="notify-tz-hint" onInput={(e) => setTz((e.currentTarget as HTMLInputElement).value)} />
                <button type="button" class="btn btn-small" onClick={() => setTz(deviceTimeZone())}>
                  Use this device’s time zone
                </button>
              </div>
              {fe.timezone && <p class="error">{fe.timezone}</p>}
            </div>
            <button type="submit" class="btn btn-primary">
              Save notification settings
            </button>
          </form>
        </>
      )}
    </section>
  );
}

/** Whether this device gets pushes, with a button to change it, or why it cannot. */
function ThisDevice({ count, role }: { count: number; role: string }) {
  const support = pushSupport(browserFacts());
  const [subscribed, setSubscribed] = useState<boolean | null>(null);
  const [devices, setDevices] = useState(count);
  const [busy, setBusy] = useState(false);
  const [msg, setMsg] = useState<Msg>(null);

  useEffect(() => {
    void currentSubscription()
      .then((s) => setSubscribed(s !== null))
      .catch(() => setSubscribed(false));
  }, []);

  async function toggle() {
    setBusy(true);
    setMsg(null);
    try {
      if (subscribed) {
        await unsubscribeDevice();
        setSubscribed(false);
        setDevices((n) => Math.max(0, n - 1));
        setMsg({ kind: 'ok', text: 'This device will get no more notifications.' });
      } else if (await subscribeDevice()) {
        setSubscribed(true);
        setDevices((n) => n + 1);
        setMsg({ kind: 'ok', text: 'This device now gets notifications.' });
      } else {
        setMsg({ kind: 'error', text: 'Notifications were not allowed in this browser.' });
      }
    } catch (e) {
      setMsg({ kind: 'error', text: errorText(e) });
    } finally {
      setBusy(false);
    }
  }

  const blocked = supportMessage(support);
  return (
    <div class="stack">
      <p class="muted">
        {devices === 0 ? 'No device of yours gets notifications yet.' : `${devices} ${devices === 1 ? 'device gets' : 'devices get'} notifications for this account.`}{' '}
        {role === 'clinician' ? 'They say only that a patient needs attention; details are in the app.' : 'They never include your answers or pain scores.'}
      </p>
      {msg && <Notice kind={msg.kind}>{msg.text}</Notice>}
      {blocked && support !== 'denied' ? (
        <Notice kind="info">
          <p>{blocked}</p>
        </Notice>
      ) : (
        <>
          {blocked && (
            <Notice kind="warn">
              <p>{blocked}</p>
            </Notice>
          )}
          {subscribed !== null && !(blocked && !subscribed) && (
            <button type="button" class="btn" disabled={busy} onClick={() => void toggle()}>
              {subscribed ? 'Turn off notifications on this device' : 'Turn on notifications on this device'}
            </button>
          )}
        </>
      )}
    </div>
  );
}
