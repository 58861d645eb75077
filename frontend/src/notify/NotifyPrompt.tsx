// The one-time offer of reminders on the log page: shown only once the patient has logged three
// days, never on a first visit; "Not now" is remembered on this device.
import { useEffect, useRef, useState } from 'preact/hooks';
import { useAppState } from '../store';
import { Notice } from '../ui/Page';
import { currentSubscription, errorText, subscribeDevice } from './device';
import { isDismissed, remember, shouldAsk } from './prompt';
import { browserFacts, pushSupport } from './support';

type Phase = 'hidden' | 'asking' | 'working' | 'on' | 'declined' | 'later' | 'error';


export function NotifyPrompt({ logged }: { logged: number }) {
  const { me } = useAppState();
  const [phase, setPhase] = useState<Phase>('hidden');
  const [error, setError] = useState('');
  const result = useRef<HTMLDivElement>(null);
  const userId = me?.role === 'patient' ? me.id : null;

  useEffect(() => {
    if (!userId || phase !== 'hidden') return;
    const facts = browserFacts();
    const base = { logged, support: pushSupport(facts), permission: facts.permission, dismissed: isDismissed(userId) };
    if (!shouldAsk({ ...base, subscribed: false })) return;
    let alive = true;
    void currentSubscription()
      .catch(() => null)
      .then((sub) => {
        if (alive && shouldAsk({ ...base, subscribed: sub !== null })) setPhase('asking');
      });
    return () => {
      alive = false;
    };
  }, [userId, logged, phase]);

  useEffect(() => {
    // the buttons are gone: keep focus in the offer, on what happened
    if (phase === 'on' || phase === 'declined' || phase === 'later') result.current?.focus();
  }, [phase]);

  if (!userId || phase === 'hidden') return null;

  async function accept() {
    if (!userId) return;
    setPhase('working');
    try {
      const on = await subscribeDevice();
      remember(userId, 'asked');
      setPhase(on ? 'on' : 'declined');
    } catch (e) {
      setError(errorText(e));
      setPhase('error');
    }
  }

  function later() {
    if (userId) remember(userId, 'later');
    setPhase('later');
  }

  return (
    <section class="card" aria-labelledby="notify-offer-h">
      <h2 id="notify-offer-h" class="h-section">
        Daily reminder
      </h2>
      {phase === 'on' || phase === 'declined' || phase === 'later' ? (
        <div tabIndex={-1} ref={result} role="status">
          {phase === 'on' && <p>Reminders are on. Change the time or turn them off in <a href="/settings">Settings</a>.</p>}
          {phase === 'declined' && <p class="muted">Notifications were not allowed, so there will be no reminders. You can change this in the browser’s site settings.</p>}
          {phase === 'later' && (
            <p class="muted">
              No reminders for now. You can turn them on any time in <a href="/settings">Settings</a>.
            </p>
          )}
        </div>
      ) : (
        <>
          <p>Get a reminder at 20:00 on days you haven’t logged. You can change the time or turn it off in Settings.</p>
          <p class="hint">Reminders never include your answers or pain scores.</p>
          {phase === 'error' && <Notice kind="error">{error}</Notice>}
          <div class="btn-row">
            <button type="button" class="btn btn-primary" disabled={phase === 'working'} onClick={() => void accept()}>
              Turn on reminders
            </button>
            <button type="button" class="btn" disabled={phase === 'working'} onClick={later}>
              Not now
            </button>
          </div>
        </>
      )}
    </section>
  );
}
