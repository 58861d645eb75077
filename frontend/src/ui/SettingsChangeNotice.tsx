import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client';
import type { AccessEntry } from '../api/types';
import { shortLabel } from '../dates';
import { THRESHOLDS } from '../words';

const CHANGES = ['phase_changed', 'thresholds_changed'];
const WEEK_MS = 7 * 24 * 3600 * 1000;
const seenKey = (id: string) => `loadline.settings-seen.${id}`;

function seenSince(id: string): number {
  try {
    const v = localStorage.getItem(seenKey(id));
    return v ? Date.parse(v) : Date.now() - WEEK_MS;
  } catch {
    return Date.now() - WEEK_MS;
  }
}

/** In words, what a clinician changed (no values: a phase number, threshold names). */
export function describeChange(e: AccessEntry): string {
  const who = e.actor_name ?? 'Your clinician';
  const day = shortLabel(e.at.slice(0, 10));
  const d = e.detail as { from?: number; to?: number; changed?: string[] };
  if (e.action === 'phase_changed') return `${who} moved you from phase ${d.from ?? '?'} to phase ${d.to ?? '?'} (${day}).`;
  const names = (d.changed ?? []).map((k) => THRESHOLDS.find((t) => t.key === k)?.label.toLowerCase() ?? k.replace(/_/g, ' '));
  return `${who} changed your limits${names.length ? `: ${names.join(', ')}` : ''} (${day}).`;
}

/** Tells the patient, on their next visit, that a clinician changed their phase or limits
 * (from the access log); "Got it" remembers on this device that they have seen it. */
export function SettingsChangeNotice({ userId }: { userId: string }) {
  const [changes, setChanges] = useState<AccessEntry[]>([]);
  useEffect(() => {
    let alive = true;
    const since = seenSince(userId);
    api
      .get('/me/access-log', { query: { limit: 50 } })
      .then((log) => alive && setChanges(log.entries.filter((e) => CHANGES.includes(e.action) && Date.parse(e.at) > since)))
      .catch(() => undefined);
    return () => {
      alive = false;
    };
  }, [userId]);
  if (!changes.length) return null;

  function dismiss() {
    try {
      localStorage.setItem(seenKey(userId), changes[0]!.at);
    } catch {
      /* private mode: it shows again next time */
    }
    setChanges([]);
  }
  return (
    <section class="notice notice-info settings-change" aria-labelledby="settings-change-h">
      <h2 id="settings-change-h" class="h-sub">
        Your clinician changed your plan
      </h2>
      <ul>
        {changes.map((c, i) => (
          <li key={i}>{describeChange(c)}</li>
        ))}
      </ul>
      <p>
        <a href="/history">See your phase</a>
      </p>
      <button type="button" class="btn btn-small" onClick={dismiss}>
        Got it
      </button>
    </section>
  );
}
