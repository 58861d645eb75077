// The referral queue at the top of the dashboard: open red-flag episodes and referrals of
// linked patients, most urgent first. "Acknowledge" says "seen, acting"; only a clearance (on the
// patient's page) closes an episode.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client';
import { ApiError, NetworkError, problemMessage } from '../api/http';
import type { RedFlag, ReferralItem } from '../api/types';
import { Acknowledged } from '../dashboard/RowParts';
import { shortLabel } from '../dates';
import { flagWords } from '../episodes';
import { announce } from '../store';
import { ReferralBadge } from '../ui/Badges';
import { Notice } from '../ui/Page';

type Item = ReferralItem;

function what(item: Item): string {
  if (item.kind === 'episode') {
    const signs = flagWords(item.flags as RedFlag[]);
    return `Warning signs since ${shortLabel(item.since)}${signs ? `: ${signs}` : ''}. Not checked yet.`;
  }
  return `Referral from the guidance of ${shortLabel(item.since)}.`;
}

const ackLabel = (item: Item) => (item.acknowledged_at ? 'Update acknowledgement' : 'Acknowledge');

/**
 * Reads the queue when `version` changes (the dashboard's ETag: any change to the queue moves it),
 * so a 304 poll costs no second request. `onChange` is called after an acknowledgement.
 */
export function ReferralQueue({ version, onChange }: { version: string | null; onChange: () => void }) {
  const [items, setItems] = useState<Item[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  useEffect(() => {
    if (version === null) return;
    let live = true;
    api
      .get('/clinician/referrals')
      .then((q) => {
        if (!live) return;
        setItems(q.items);
        setError(null);
      })
      .catch((e: unknown) => {
        if (live) setError(e instanceof NetworkError ? 'You are offline: the referral queue will update when you reconnect.' : 'Could not load the referral queue.');
      });
    return () => {
      live = false;
    };
  }, [version]);

  async function acknowledge(item: Item) {
    if (busy) return; // aria-disabled, not disabled: a disabled button would drop keyboard focus
    setBusy(item.id);
    setError(null);
    try {
      const done = await api.post('/clinician/referrals/{item_id}/acknowledge', { path: { item_id: item.id } });
      setItems((list) => (list ?? []).map((i) => (i.id === done.id ? done : i)));
      announce(`Acknowledged: ${item.display_name}.`);
      onChange();
    } catch (e) {
      setError(e instanceof NetworkError ? 'You are offline. Try again when you are connected.' : e instanceof ApiError ? problemMessage(e.problem) : 'Could not acknowledge it.');
    } finally {
      setBusy(null);
    }
  }

  if (items === null && !error) return null;
  return (
    <section aria-labelledby="refq-h" class="card referral-queue">
      <h2 id="refq-h" class="h-section">
        Referral queue <span class="muted small">(most urgent first)</span>
      </h2>
      {error && <Notice kind="error">{error}</Notice>}
      {items && items.length === 0 && <p class="muted">No open referrals or unchecked warning signs.</p>}
      {items && items.length > 0 && (
        <ul class="refq-list">
          {items.map((item) => (
            <li key={item.id} class={`refq-item refq-${item.level}`}>
              <div class="pc-head">
                <h3 class="pc-name">
                  <a href={`/clinician/patients/${encodeURIComponent(item.patient_id)}`}>{item.display_name}</a>
                </h3>
                <ReferralBadge referral={item.level} />
              </div>
              <p>{what(item)}</p>
              <Acknowledged by={item.acknowledged_by} at={item.acknowledged_at} />
              <button type="button" class="btn btn-small" aria-disabled={busy === item.id ? 'true' : undefined} aria-label={`${ackLabel(item)} ${item.display_name}: seen, acting`} onClick={() => void acknowledge(item)}>
                {ackLabel(item)}
              </button>
            </li>
          ))}
        </ul>
      )}
      <p class="fineprint">Acknowledging says you have seen it and are acting; it does not close it. Record a check on the patient’s page to close warning signs.</p>
    </section>
  );
}
